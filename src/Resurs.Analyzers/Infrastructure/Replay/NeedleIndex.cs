using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// A fixed set of words (the rules' text anchors, or the names of members declared with a URL) searched for in a file
    /// all at once. On .NET 8 and later (the SDK's compiler, Rider, Visual Studio's code-analysis process) one pass with
    /// the runtime's multi-word search (<c>System.Buffers.SearchValues&lt;string&gt;</c>, bound at run time, since the
    /// analyzer targets netstandard2.0) finds every word; elsewhere each word gets its own ordinal search. Both give the
    /// same hits: for each word, its occurrences from left to right, each search resuming after the previous hit, as
    /// <see cref="SourceAnchors.FindAll"/> finds them. The cost of the one pass hardly grows with the number of words,
    /// where a search per word costs a full read of the file each (docs/benchmark.md).
    /// </summary>
    internal sealed class NeedleIndex
    {
        /// <summary>More lists than the rules of a pass ask with.</summary>
        private const int MaxRememberedLists = 64;

        private readonly string[] words;
        private readonly List<int>?[] noHits;
        private readonly Dictionary<string, int> ids;
        private readonly Dictionary<char, int[]> byFirstChar = new Dictionary<char, int[]>();
        private readonly Func<string, int, int>? nextHit;
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
            var groups = new Dictionary<char, List<int>>();
            for (var i = 0; i < this.words.Length; i++)
            {
                var first = this.words[i][0];
                if (!groups.TryGetValue(first, out var group))
                {
                    groups.Add(first, group = new List<int>());
                }

                group.Add(i);
            }

            foreach (var group in groups)
            {
                byFirstChar.Add(group.Key, group.Value.ToArray());
            }

            nextHit = !oneSearch || this.words.Length < 2 ? null
                : searches is not null ? searches.For(this.words)
                : MultiWordSearch.Create(this.words);
        }

        /// <summary>Whether the file's words are found in one pass (false: one search per word).</summary>
        public bool SearchesOnce => nextHit is not null;

        /// <summary>Whether <paramref name="hits"/>, from <see cref="Scan"/>, holds no hit at all (the shared array of nulls).</summary>
        public bool FoundNone(List<int>?[] hits) => ReferenceEquals(hits, noHits);

        /// <summary>The index of <paramref name="word"/> in the arrays <see cref="Scan"/> returns, or -1.</summary>
        public int IdOf(string word) => ids.TryGetValue(word, out var id) ? id : -1;

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
            if (nextHit is null)
            {
                for (var i = 0; i < words.Length; i++)
                {
                    var found = new List<int>();
                    SourceAnchors.AddHits(text, words[i], found);
                    if (found.Count > 0)
                    {
                        (hits ??= new List<int>?[words.Length])[i] = found;
                    }
                }

                return hits ?? noHits;
            }

            for (var at = nextHit(text, 0); at >= 0; at = at + 1 < text.Length ? nextHit(text, at + 1) : -1)
            {
                if (!byFirstChar.TryGetValue(text[at], out var candidates))
                {
                    continue;
                }

                foreach (var id in candidates)
                {
                    var word = words[id];
                    if (at + word.Length > text.Length || string.CompareOrdinal(text, at, word, 0, word.Length) != 0)
                    {
                        continue;
                    }

                    // A word's next hit is searched for after its previous one, as a search of its own would.
                    var found = (hits ??= new List<int>?[words.Length])[id] ??= new List<int>();
                    if (found.Count == 0 || at >= found[found.Count - 1] + word.Length)
                    {
                        found.Add(at);
                    }
                }
            }

            return hits ?? noHits;
        }

        /// <summary>
        /// The multi-word search made last, kept by an analyzer from one compilation to the next: its rules declare the
        /// same words in every compilation, and making the runtime's search (<c>SearchValues.Create</c>) for them builds a
        /// trie each time. Any thread may ask; other words replace what is kept.
        /// </summary>
        internal sealed class SearchCache
        {
            private Entry? last;

            /// <summary>The search for <paramref name="words"/> (null when the runtime has none), made on first need.</summary>
            public Func<string, int, int>? For(string[] words)
            {
                if (Volatile.Read(ref last) is { } entry && SameWords(entry.Words, words))
                {
                    return entry.Search;
                }

                var search = MultiWordSearch.Create(words);
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
                public Entry(string[] words, Func<string, int, int>? search)
                {
                    Words = words;
                    Search = search;
                }

                public string[] Words { get; }

                public Func<string, int, int>? Search { get; }
            }
        }

        /// <summary>
        /// The runtime's multi-word search, when it has one: <c>SearchValues.Create(words, Ordinal)</c> and
        /// <c>MemoryExtensions.IndexOfAny(span, values)</c>, looked up by name and bound to typed delegates (no dynamic
        /// code). Null on runtimes before .NET 8, or if anything about the lookup is unexpected.
        /// </summary>
        private static class MultiWordSearch
        {
            /// <summary>SearchValues.Create, MemoryExtensions.IndexOfAny and <see cref="Make"/> closed over the values' type.</summary>
            private static readonly Lazy<(MethodInfo Create, MethodInfo Search, MethodInfo Make)?> Runtime =
                new Lazy<(MethodInfo Create, MethodInfo Search, MethodInfo Make)?>(Bind);

            private delegate TValues CreateValues<TValues>(ReadOnlySpan<string> words, StringComparison comparison);

            private delegate int IndexOfAny<TValues>(ReadOnlySpan<char> text, TValues values);

            public static Func<string, int, int>? Create(string[] words)
            {
                if (Runtime.Value is not { } binding)
                {
                    return null;
                }

                try
                {
                    return (Func<string, int, int>)binding.Make.Invoke(null, new object[] { binding.Create, binding.Search, words })!;
                }
                catch (Exception e) when (e is TargetInvocationException or ArgumentException or MemberAccessException)
                {
                    return null;
                }
            }

            private static (MethodInfo Create, MethodInfo Search, MethodInfo Make)? Bind()
            {
                try
                {
                    return TryBind();
                }
                catch (Exception e) when (e is AmbiguousMatchException or ArgumentException or InvalidOperationException or NotSupportedException or TypeLoadException or MemberAccessException)
                {
                    return null;
                }
            }

            private static (MethodInfo Create, MethodInfo Search, MethodInfo Make)? TryBind()
            {
                var coreLibrary = typeof(string).Assembly;
                var factory = coreLibrary.GetType("System.Buffers.SearchValues", throwOnError: false);
                var valuesType = coreLibrary.GetType("System.Buffers.SearchValues`1", throwOnError: false)?.MakeGenericType(typeof(string));
                var extensions = coreLibrary.GetType("System.MemoryExtensions", throwOnError: false);
                if (factory is null || valuesType is null || extensions is null)
                {
                    return null;
                }

                var create = factory.GetMethod("Create", new[] { typeof(ReadOnlySpan<string>), typeof(StringComparison) });
                var search = extensions.GetMethod("IndexOfAny", new[] { typeof(ReadOnlySpan<char>), valuesType });
                var make = typeof(MultiWordSearch).GetMethod(nameof(Make), BindingFlags.NonPublic | BindingFlags.Static);
                return create is null || search is null || make is null || create.ReturnType != valuesType
                    ? null
                    : (create, search, make.MakeGenericMethod(valuesType));
            }

            private static Func<string, int, int> Make<TValues>(MethodInfo create, MethodInfo search, string[] words)
            {
                var values = ((CreateValues<TValues>)Delegate.CreateDelegate(typeof(CreateValues<TValues>), create))(words, StringComparison.Ordinal);
                var indexOfAny = (IndexOfAny<TValues>)Delegate.CreateDelegate(typeof(IndexOfAny<TValues>), search);
                return [MethodImpl(Jit.Optimize)] (text, start) =>
                {
                    var found = indexOfAny(text.AsSpan(start), values);
                    return found < 0 ? -1 : start + found;
                };
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
