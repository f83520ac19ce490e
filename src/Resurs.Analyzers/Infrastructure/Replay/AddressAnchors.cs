using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Resurs.Analyzers.Infrastructure.Net;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// Anchors for the allowlist rules: string literals in the source that look like IP addresses or CIDRs, and the
    /// type name IPAddress.
    /// </summary>
    internal static class AddressAnchors
    {
        private const string AddressType = "IPAddress";

        /// <summary>
        /// The opening quote of every literal whose text up to the next quote passes
        /// <see cref="AddressList.LooksLikeAddresses(string, int, int)"/> ("51.21.0.0/16", "192.121.110.100, 13.50.187.51",
        /// "::ffff:10.0.0.1"; every quote is tried as an opening one, since the text alone cannot tell), and every
        /// "IPAddress". One pass over the text: a quote followed by a digit, ':' or a hex letter, or "IP", is found 16 to
        /// 64 characters at a time with <see cref="Vector{T}"/>. Code is dense with quotes, and searching from quote to
        /// quote, then once more for the type name, cost about a fifth more.
        /// </summary>
        public static void FindAll(string text, List<int> positions) =>
            FindAll(text, positions, Vector.IsHardwareAccelerated && BitConverter.IsLittleEndian);

        /// <summary>As <see cref="FindAll(string, List{int})"/>, choosing the loop (tests run both).</summary>
        [MethodImpl(Jit.Optimize)]
        internal static void FindAll(string text, List<int> positions, bool vectorized)
        {
            if (!vectorized)
            {
                SourceAnchors.FindAll(text, AddressTypeAnchor, positions);
                for (var quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"', quote + 1))
                {
                    Check(text, quote, positions);
                }

                return;
            }

            var candidates = new List<int>();
            var at = VectorFind(text, candidates);
            foreach (var candidate in candidates)
            {
                Check(text, candidate, positions);
            }

            for (; at < text.Length - 1; at++)
            {
                Check(text, at, positions);
            }
        }

        private static readonly string[] AddressTypeAnchor = { AddressType };

        /// <summary>
        /// The candidates in the whole-vector part of the text; returns where the scalar tail starts. Each step narrows
        /// 2 × <see cref="Vector{T}.Count"/> characters to bytes (a character outside Latin-1 can pass for a quote or a
        /// digit there; <see cref="Check"/> looks at the real characters).
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        private static int VectorFind(string text, List<int> candidates)
        {
            var width = Vector<ushort>.Count;
            var quote = VectorText.Broadcast('"');
            var zero = VectorText.Broadcast('0');
            var digitSpan = VectorText.Broadcast((char)(':' - '0'));
            var lowerCase = VectorText.Broadcast((char)0x20);
            var hexLetter = VectorText.Broadcast('a');
            var hexSpan = VectorText.Broadcast((char)('f' - 'a'));
            var i = VectorText.Broadcast('I');
            var p = VectorText.Broadcast('P');

            ref var origin = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var at = 0;

            // Each step reads text[at .. at + 2 * width]: the characters and, shifted by one, the characters after each.
            for (var end = text.Length - (2 * width); at < end; at += 2 * width)
            {
                var firsts = Vector.Narrow(VectorText.Read(ref origin, at), VectorText.Read(ref origin, at + width));
                var seconds = Vector.Narrow(VectorText.Read(ref origin, at + 1), VectorText.Read(ref origin, at + 1 + width));
                var digit = seconds - zero;
                var hex = (seconds | lowerCase) - hexLetter;
                var found = (Vector.Equals(firsts, quote) & (Vector.Equals(Vector.Min(digit, digitSpan), digit) | Vector.Equals(Vector.Min(hex, hexSpan), hex)))
                    | (Vector.Equals(firsts, i) & Vector.Equals(seconds, p));
                if (found != Vector<byte>.Zero)
                {
                    AddLanes(found, at, candidates);
                }
            }

            return at;
        }

        /// <summary>Adds <paramref name="start"/> plus the index of every set lane of <paramref name="found"/> (<see cref="VectorText.TakeLowestLane"/>).</summary>
        private static void AddLanes(Vector<byte> found, int start, List<int> candidates)
        {
            var octets = Vector.AsVectorUInt64(found);
            for (var element = 0; element < Vector<ulong>.Count; element++)
            {
                for (var bits = octets[element]; bits != 0;)
                {
                    candidates.Add(start + (element * 8) + VectorText.TakeLowestLane(ref bits));
                }
            }
        }

        /// <summary>Adds the anchor that starts at <paramref name="at"/>, if there is one: an address literal's text, or IPAddress.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Check(string text, int at, List<int> positions)
        {
            var first = text[at];
            if (first == 'I')
            {
                if (string.CompareOrdinal(text, at, AddressType, 0, AddressType.Length) == 0)
                {
                    positions.Add(at);
                }

                return;
            }

            if (first != '"' || at + 1 >= text.Length)
            {
                return;
            }

            var next = text[at + 1];
            var folded = next | 0x20;
            if (!((next >= '0' && next <= ':') || (folded >= 'a' && folded <= 'f')))
            {
                return;
            }

            if (AddressList.LooksLikeQuotedAddresses(text, at + 1))
            {
                positions.Add(at + 1);
            }
        }
    }
}
