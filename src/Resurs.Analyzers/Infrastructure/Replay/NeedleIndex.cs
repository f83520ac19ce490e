using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// A fixed set of words (the rules' text anchors, or the names of members declared with a URL) searched for in a file
    /// all at once (<see cref="PairSearch"/>; a word of one character gets its own ordinal search, and so does every word
    /// on a machine without vector instructions or when the words would need too many pairs). Both ways give the same
    /// hits: for each word, its occurrences from left to right, each search resuming after the previous hit, as
    /// <see cref="SourceAnchors.FindAll"/> finds them. The cost of the one pass grows slowly with the number of words,
    /// where a search per word costs a full read of the file each (docs/benchmark.md).
    /// </summary>
    internal sealed class NeedleIndex
    {
        /// <summary>More lists than the rules of a pass ask with.</summary>
        private const int MaxRememberedLists = 64;

        private readonly string[] words;
        private readonly List<int>?[] noHits;
        private readonly Dictionary<string, int> ids;
        private readonly PairSearch? together;
        private readonly int[] alone;
        private readonly ConcurrentDictionary<IReadOnlyList<string>, bool> containsAll =
            new ConcurrentDictionary<IReadOnlyList<string>, bool>(SameInstance.Comparer);

        /// <param name="words">The words (duplicates and empty words are ignored).</param>
        /// <param name="oneSearch">False forces a search per word (tests compare both ways).</param>
        /// <param name="searches">Where a search made for the same words before is kept (one per analyzer).</param>
        public NeedleIndex(IEnumerable<string> words, bool oneSearch = true, SearchCache? searches = null)
        {
            ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var list = new List<string>();
            foreach (var word in words)
            {
                if (word.Length > 0 && !ids.ContainsKey(word))
                {
                    ids.Add(word, list.Count);
                    list.Add(word);
                }
            }

            this.words = list.ToArray();
            noHits = new List<int>?[this.words.Length];
            var pairable = new List<int>();
            var single = new List<int>();
            for (var i = 0; i < this.words.Length; i++)
            {
                (this.words[i].Length > 1 ? pairable : single).Add(i);
            }

            together = !oneSearch ? null : searches is not null ? searches.For(this.words, pairable) : PairSearch.Create(this.words, pairable);
            if (together is null)
            {
                single.AddRange(pairable);
            }

            alone = single.ToArray();
        }

        /// <summary>Whether the file's words are found in one pass (false: one search per word).</summary>
        public bool SearchesOnce => together is not null;

        /// <summary>Whether <paramref name="hits"/>, from <see cref="Scan"/>, holds no hit at all (the shared array of nulls).</summary>
        public bool FoundNone(List<int>?[] hits) => ReferenceEquals(hits, noHits);

        /// <summary>The index of <paramref name="word"/> in the arrays <see cref="Scan"/> returns, or -1.</summary>
        public int IdOf(string word) => ids.TryGetValue(word, out var id) ? id : -1;

        /// <summary>The ids of <paramref name="list"/>'s words (<see cref="IdOf"/>), or null when one of them is not a word of this index.</summary>
        public int[]? IdsOf(IReadOnlyList<string> list)
        {
            var result = new int[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                if ((result[i] = IdOf(list[i])) < 0)
                {
                    return null;
                }
            }

            return result;
        }

        /// <summary>
        /// Whether every non-empty word of <paramref name="list"/> is one of this index's words: then a file where
        /// <see cref="Scan"/> found no word has none of the list's words either. Remembered per list instance, since a
        /// rule asks with the same list for every file; the list must not change. A caller that makes a new list per call
        /// gets the answer without it being remembered, so the memo stays small.
        /// </summary>
        public bool ContainsAll(IReadOnlyList<string> list) =>
            containsAll.TryGetValue(list, out var known) ? known
            : containsAll.Count < MaxRememberedLists ? containsAll.GetOrAdd(list, AllKnown)
            : AllKnown(list);

        private bool AllKnown(IReadOnlyList<string> list)
        {
            foreach (var word in list)
            {
                if (word.Length > 0 && !ids.ContainsKey(word))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The hits of every word in <paramref name="text"/>, by <see cref="IdOf"/>; null for a word that is absent. A
        /// file without any word (most files) gets one shared array of nulls, which callers must not change.
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        public List<int>?[] Scan(string text)
        {
            List<int>?[]? hits = null;
            together?.Scan(text, ref hits);
            foreach (var id in alone)
            {
                var found = new List<int>();
                SourceAnchors.AddHits(text, words[id], found);
                if (found.Count > 0)
                {
                    (hits ??= new List<int>?[words.Length])[id] = found;
                }
            }

            return hits ?? noHits;
        }

        /// <summary>
        /// The one-pass search made last, kept by an analyzer from one compilation to the next: its rules declare the
        /// same words in every compilation, so the pairs are chosen once. Any thread may ask; other words replace what
        /// is kept.
        /// </summary>
        internal sealed class SearchCache
        {
            private Entry? last;

            /// <summary>The search for the words of <paramref name="words"/> numbered <paramref name="ids"/> (null when a search per word is cheaper).</summary>
            public PairSearch? For(string[] words, IReadOnlyList<int> ids)
            {
                if (Volatile.Read(ref last) is { } entry && SameWords(entry.Words, words))
                {
                    return entry.Search;
                }

                var search = PairSearch.Create(words, ids);
                Volatile.Write(ref last, new Entry(words, search));
                return search;
            }

            private static bool SameWords(string[] known, string[] words)
            {
                if (known.Length != words.Length)
                {
                    return false;
                }

                for (var i = 0; i < words.Length; i++)
                {
                    if (!string.Equals(known[i], words[i], StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }

            private sealed class Entry
            {
                public Entry(string[] words, PairSearch? search)
                {
                    Words = words;
                    Search = search;
                }

                public string[] Words { get; }

                public PairSearch? Search { get; }
            }
        }

        /// <summary>Compares lists by instance: a rule's anchor list is one array, passed again for every file.</summary>
        private sealed class SameInstance : IEqualityComparer<IReadOnlyList<string>>
        {
            public static readonly SameInstance Comparer = new SameInstance();

            public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => ReferenceEquals(x, y);

            public int GetHashCode(IReadOnlyList<string> list) => RuntimeHelpers.GetHashCode(list);
        }
    }
}
