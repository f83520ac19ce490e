using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// One file's text as the rules' anchor searches see it. The words the rules of a pass declared are found together,
    /// once per file (<see cref="NeedleIndex"/>), and so are the names of the members declared with a URL; any other word
    /// is searched for on its own. The hits are the same either way.
    /// </summary>
    internal sealed class FileText
    {
        private static readonly IReadOnlyList<int> None = Array.Empty<int>();

        private readonly NeedleIndex? words;
        private readonly Func<NeedleIndex?>? names;
        private List<int>?[]? wordHits;
        private List<int>?[]? nameHits;
        private NeedleIndex? nameIndex;
        private Dictionary<string, List<int>>? others;

        /// <param name="words">The words searched for together, if any.</param>
        /// <param name="names">The names searched for together, made on first use.</param>
        public FileText(SyntaxTree tree, string text, NeedleIndex? words = null, Func<NeedleIndex?>? names = null)
        {
            Tree = tree;
            Text = text;
            this.words = words;
            this.names = names;
        }

        public SyntaxTree Tree { get; }

        public string Text { get; }

        /// <summary>The hits of the declared words, searching the file for all of them on first use.</summary>
        private List<int>?[] WordHits => wordHits ??= words?.Scan(Text) ?? Array.Empty<List<int>?>();

        /// <summary>Whether one of the declared words numbered <paramref name="ids"/> (<see cref="NeedleIndex.IdsOf"/>) occurs in the file.</summary>
        public bool FoundAny(int[] ids)
        {
            var hits = WordHits;
            foreach (var id in ids)
            {
                if (hits[id] is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every position where <paramref name="word"/> starts, ascending; each hit searched for after the previous one.</summary>
        public IReadOnlyList<int> Hits(string word) =>
            words is not null && words.IdOf(word) is var id && id >= 0 ? (IReadOnlyList<int>?)WordHits[id] ?? None : Searched(word);

        /// <summary>As <see cref="Hits"/>, for a name of the names searched for together.</summary>
        private IReadOnlyList<int> NameHits(string name)
        {
            if (names?.Invoke() is { } index && index.IdOf(name) is var id && id >= 0)
            {
                return (IReadOnlyList<int>?)ScanNames(index)[id] ?? None;
            }

            return Searched(name);
        }

        /// <summary>The hits of the names searched for together, searching the file for all of them on first use.</summary>
        private List<int>?[] ScanNames(NeedleIndex index)
        {
            if (!ReferenceEquals(index, nameIndex))
            {
                nameIndex = index;
                nameHits = index.Scan(Text);
            }

            return nameHits!;
        }

        /// <summary>The hits of a word that is searched for on its own.</summary>
        private List<int> Searched(string word)
        {
            others ??= new Dictionary<string, List<int>>(StringComparer.Ordinal);
            if (!others.TryGetValue(word, out var hits))
            {
                hits = new List<int>();
                SourceAnchors.AddHits(Text, word, hits);
                others.Add(word, hits);
            }

            return hits;
        }

        /// <summary>
        /// Adds every hit of every one of <paramref name="anchors"/> to <paramref name="positions"/>. The list must not
        /// change after its first use (the index remembers which lists hold only declared words).
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        public void FindAll(IReadOnlyList<string> anchors, List<int> positions)
        {
            // Most files hold none of the declared words: then a list of declared words has no hit either.
            if (words is not null && words.FoundNone(WordHits) && words.ContainsAll(anchors))
            {
                return;
            }

            for (var i = 0; i < anchors.Count; i++)
            {
                if (anchors[i].Length > 0)
                {
                    positions.AddRange(Hits(anchors[i]));
                }
            }
        }

        /// <summary>
        /// Every hit of every one of <paramref name="names"/> that is a whole identifier: the character before and after
        /// it is not a letter, digit or underscore (a hit inside a comment or string may stay; it only replays one more
        /// member). The names searched for together (<see cref="CodePass.Names"/>) are found in one search. As with
        /// <see cref="FindAll"/>, the list must not change after its first use.
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        public void FindAllIdentifiers(IReadOnlyList<string> names, List<int> positions)
        {
            if (this.names?.Invoke() is { } index && index.FoundNone(ScanNames(index)) && index.ContainsAll(names))
            {
                return;
            }

            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                if (name.Length == 0)
                {
                    continue;
                }

                foreach (var at in NameHits(name))
                {
                    if (IsIdentifierAt(at, name))
                    {
                        positions.Add(at);
                    }
                }
            }
        }

        /// <summary>Adds every position of <paramref name="anchor"/>, ignoring ASCII case (for names such as environment variables).</summary>
        public void FindAllIgnoreCase(string anchor, List<int> positions) => SourceAnchors.FindAllIgnoreCase(Text, anchor, positions);

        /// <summary>
        /// Whether <paramref name="identifier"/> is written at <paramref name="at"/> as a whole identifier: the character
        /// before and after it is not a letter, digit or underscore.
        /// </summary>
        public bool IsIdentifierAt(int at, string identifier)
        {
            var end = at + identifier.Length;
            return at >= 0 && end <= Text.Length
                && string.CompareOrdinal(Text, at, identifier, 0, identifier.Length) == 0
                && (at == 0 || !IsIdentifierPart(Text[at - 1]))
                && (end == Text.Length || !IsIdentifierPart(Text[end]));
        }

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
