using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// One file's text, searched for the anchors of every rule of a pass. Each word is searched once per file whatever
    /// the number of rules that ask for it (the two URL rules both want "://", and both follow the members declared
    /// with a URL by name), and a word that contains a shorter word of the pass ("ServerCertificate" and "Certificate")
    /// is found among the shorter word's hits instead of in another pass over the text. Only the cost changes: the hits
    /// are the same as a search of its own would give.
    /// </summary>
    internal sealed class FileText
    {
        private static readonly int[] None = Array.Empty<int>();

        private readonly IReadOnlyCollection<string> sharedWords;
        private readonly List<KeyValuePair<string, int[]>> searched = new List<KeyValuePair<string, int[]>>();

        /// <param name="sharedWords">Words worth searching first because another anchor contains them.</param>
        public FileText(SyntaxTree tree, string text, IReadOnlyCollection<string>? sharedWords = null)
        {
            Tree = tree;
            Text = text;
            this.sharedWords = sharedWords ?? Array.Empty<string>();
        }

        public SyntaxTree Tree { get; }

        public string Text { get; }

        /// <summary>The file of <paramref name="tree"/>, read on its own (outside a pass).</summary>
        public static FileText Of(SyntaxTree tree, CancellationToken cancellationToken) =>
            new FileText(tree, SourceAnchors.Text(tree, cancellationToken));

        /// <summary>Every position where <paramref name="word"/> starts, ascending (ordinal, overlapping hits included).</summary>
        public int[] Hits(string word)
        {
            if (word.Length == 0)
            {
                return None;
            }

            foreach (var entry in searched)
            {
                if (string.Equals(entry.Key, word, StringComparison.Ordinal))
                {
                    return entry.Value;
                }
            }

            var hits = Within(word) is { } shorter ? Narrow(shorter, word) : Search(word);
            searched.Add(new KeyValuePair<string, int[]>(word, hits));
            return hits;
        }

        /// <summary>Adds the hits of every anchor to <paramref name="positions"/>.</summary>
        public void FindAll(IReadOnlyList<string> anchors, List<int> positions)
        {
            for (var i = 0; i < anchors.Count; i++)
            {
                positions.AddRange(Hits(anchors[i]));
            }
        }

        /// <summary>
        /// Adds the hits of every name that are whole identifiers: the character before and after is not a letter, digit
        /// or underscore (a hit inside a comment or string may stay; it only replays one more member).
        /// </summary>
        public void FindAllIdentifiers(IReadOnlyList<string> names, List<int> positions)
        {
            for (var i = 0; i < names.Count; i++)
            {
                var length = names[i].Length;
                foreach (var at in Hits(names[i]))
                {
                    var end = at + length;
                    if ((at == 0 || !IsIdentifierPart(Text[at - 1])) && (end == Text.Length || !IsIdentifierPart(Text[end])))
                    {
                        positions.Add(at);
                    }
                }
            }
        }

        /// <summary>Adds every position of <paramref name="anchor"/>, ignoring ASCII case (for names such as environment variables).</summary>
        public void FindAllIgnoreCase(string anchor, List<int> positions)
        {
            for (var at = Text.IndexOf(anchor, StringComparison.OrdinalIgnoreCase); at >= 0; at = Text.IndexOf(anchor, at + anchor.Length, StringComparison.OrdinalIgnoreCase))
            {
                positions.Add(at);
            }
        }

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

        /// <summary>The longest shared or already searched word that <paramref name="word"/> contains, if any.</summary>
        private string? Within(string word)
        {
            string? best = null;
            foreach (var entry in searched)
            {
                best = Longer(best, entry.Key, word);
            }

            foreach (var shared in sharedWords)
            {
                best = Longer(best, shared, word);
            }

            return best;
        }

        private static string? Longer(string? best, string candidate, string word) =>
            candidate.Length < word.Length && (best is null || candidate.Length > best.Length) && word.IndexOf(candidate, StringComparison.Ordinal) >= 0
                ? candidate
                : best;

        [MethodImpl(Jit.Optimize)]
        private int[] Narrow(string shorter, string word)
        {
            var offset = word.IndexOf(shorter, StringComparison.Ordinal);
            List<int>? found = null;
            foreach (var hit in Hits(shorter))
            {
                var start = hit - offset;
                if (start >= 0 && start + word.Length <= Text.Length && string.CompareOrdinal(Text, start, word, 0, word.Length) == 0)
                {
                    (found ??= new List<int>()).Add(start);
                }
            }

            return found?.ToArray() ?? None;
        }

        [MethodImpl(Jit.Optimize)]
        private int[] Search(string word)
        {
            List<int>? found = null;
            for (var at = Text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                (found ??= new List<int>()).Add(at);
            }

            return found?.ToArray() ?? None;
        }
    }
}
