using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// Remembers a host classifier's answer per host name, looked up by the host's characters where they stand in the
    /// source text: code repeats a handful of hosts thousands of times, and a repeat costs a hash over the name and one
    /// comparison, with no substring and no allocation. Names are compared ignoring ASCII case; the classifier is asked
    /// with the name in lower case. Safe for concurrent use: slots are filled once and never change.
    /// </summary>
    internal sealed class HostVerdicts
    {
        private const int MaxProbes = 8;

        private readonly Func<string, bool> classify;
        private readonly Entry?[] slots;
        private readonly int capacity;
        private int count;

        /// <param name="classify">The answer for a lower-case host name (called once per name while there is room).</param>
        /// <param name="capacity">How many names are kept; past that, other names are classified each time.</param>
        public HostVerdicts(Func<string, bool> classify, int capacity = 1024)
        {
            this.classify = classify;
            this.capacity = capacity;
            var size = 16;
            while (size < capacity * 2)
            {
                size <<= 1;
            }

            slots = new Entry?[size];
        }

        /// <summary>The classifier's answer for the host <c>text[start..start+length]</c>.</summary>
        [MethodImpl(Jit.Optimize)]
        public bool Get(string text, int start, int length)
        {
            var hash = Hash(text, start, length);
            var mask = slots.Length - 1;
            for (var probe = 0; probe < MaxProbes; probe++)
            {
                var index = (hash + probe) & mask;
                var entry = Volatile.Read(ref slots[index]);
                if (entry is null)
                {
                    return Add(index, hash, text, start, length);
                }

                if (entry.Hash == hash && entry.Matches(text, start, length))
                {
                    return entry.Answer;
                }
            }

            return Classify(text.Substring(start, length));
        }

        private bool Classify(string name) => classify(name.ToLowerInvariant());

        private bool Add(int index, int hash, string text, int start, int length)
        {
            var name = text.Substring(start, length);
            var answer = Classify(name);
            if (Volatile.Read(ref count) < capacity
                && Interlocked.CompareExchange(ref slots[index], new Entry(hash, name, answer), null) is null)
            {
                Interlocked.Increment(ref count);
            }

            return answer;
        }

        [MethodImpl(Jit.Optimize)]
        private static int Hash(string text, int start, int length)
        {
            // FNV-1a over the ASCII-lower-cased characters; the top bits are folded in, since the mask keeps the low ones.
            var hash = unchecked((int)2166136261);
            for (var i = start; i < start + length; i++)
            {
                hash = unchecked((hash ^ Fold(text[i])) * 16777619);
            }

            return hash ^ (hash >> 15);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static char Fold(char c) => c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;

        private sealed class Entry
        {
            public Entry(int hash, string name, bool answer)
            {
                Hash = hash;
                Name = name;
                Answer = answer;
            }

            public int Hash { get; }

            public string Name { get; }

            public bool Answer { get; }

            [MethodImpl(Jit.Optimize)]
            public bool Matches(string text, int start, int length)
            {
                if (Name.Length != length)
                {
                    return false;
                }

                for (var i = 0; i < length; i++)
                {
                    if (Fold(Name[i]) != Fold(text[start + i]))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
