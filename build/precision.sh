#!/usr/bin/env bash
# Re-runs the precision measurement of docs/precision.md and fails when its labels are stale.
#
#   build/precision.sh [CORPUS_DIR]        (default: $PRECISION_CORPUS, else /work/precision-corpus)
#
# CORPUS_DIR holds one folder per repository of docs/precision/corpus.tsv (column "folder"), checked out at the
# recorded commit; build/precision-corpus.sh recreates it. The script runs the shipped analyzers over every folder
# (tests/Resurs.Analyzers.Benchmarks --findings), writes the findings to $PRECISION_OUT (default
# artifacts/precision/findings.tsv), prints precision per rule from docs/precision/labels.tsv, and exits 1 when a
# finding has no label or a label has no finding (both listed), 3 when an analyzer threw, 2 when the corpus is missing.
# Set DOTNET to wrap the dotnet command (e.g. DOTNET="flock /tmp/dotnet.lock dotnet" on a shared machine).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-${PRECISION_CORPUS:-/work/precision-corpus}}"
out="${PRECISION_OUT:-$repo_root/artifacts/precision/findings.tsv}"
dotnet_cmd="${DOTNET:-dotnet}"
manifest="$repo_root/docs/precision/corpus.tsv"
labels="$repo_root/docs/precision/labels.tsv"

roots=()
missing=0
while IFS=$'\t' read -r repo commit folder _; do
  [[ "$repo" == "repo" ]] && continue
  if [[ ! -d "$corpus/$folder" ]]; then
    echo "precision: $repo is missing: no folder $corpus/$folder (build/precision-corpus.sh recreates the corpus)" >&2
    missing=1
    continue
  fi
  roots+=(--root "$corpus/$folder")
done < "$manifest"

if [[ $missing -ne 0 ]]; then
  exit 2
fi

mkdir -p "$(dirname "$out")"
# shellcheck disable=SC2086 # DOTNET may be a command with arguments
$dotnet_cmd run -c Release --project "$repo_root/tests/Resurs.Analyzers.Benchmarks" -- \
  --findings "$out" --labels "$labels" "${roots[@]}"
