#!/usr/bin/env bash
# Recreates the precision corpus of docs/precision.md: every repository of docs/precision/corpus.tsv at its recorded
# commit, as a plain tree (no .git) in CORPUS_DIR/<folder>, limited to <subtree> where that column is not ".".
#
#   build/precision-corpus.sh [CORPUS_DIR]     (default: $PRECISION_CORPUS, else /work/precision-corpus)
#
# Needs git and network access to the repositories' host ($PRECISION_GIT_BASE, default https://github.com).
# Existing folders are left alone, so a partial run can be resumed. The corpus is data for the measurement only:
# nothing in it is built, run, or committed to this repository.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-${PRECISION_CORPUS:-/work/precision-corpus}}"
base="${PRECISION_GIT_BASE:-https://github.com}"
mkdir -p "$corpus"

while IFS=$'\t' read -r repo commit folder subtree _; do
  [[ "$repo" == "repo" ]] && continue
  target="$corpus/$folder"
  if [[ -d "$target" ]]; then
    echo "have $repo"
    continue
  fi
  echo "fetching $repo at $commit"
  work="$(mktemp -d)"
  git -C "$work" init -q
  git -C "$work" fetch -q --depth 1 "$base/$repo.git" "$commit"
  mkdir -p "$target.partial"
  if [[ "$subtree" == "." ]]; then
    git -C "$work" archive FETCH_HEAD | tar -x -C "$target.partial"
  else
    git -C "$work" archive FETCH_HEAD -- "$subtree" | tar -x -C "$target.partial"
  fi
  mv "$target.partial" "$target"
  rm -rf "$work"
done < "$repo_root/docs/precision/corpus.tsv"
