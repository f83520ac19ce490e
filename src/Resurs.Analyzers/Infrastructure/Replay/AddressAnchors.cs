using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Resurs.Analyzers.Infrastructure.Net;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>Anchors for the allowlist rules: string literals in the source that look like IP addresses or CIDRs.</summary>
    internal static class AddressAnchors
    {
        /// <summary>
        /// The opening quote of every literal whose text up to the next quote passes
        /// <see cref="AddressList.LooksLikeAddresses(string, int, int)"/>: "51.21.0.0/16", "192.121.110.100, 13.50.187.51",
        /// "::ffff:10.0.0.1". Every quote is tried as an opening one, since the text alone cannot tell.
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        public static void FindAddressLiterals(string text, List<int> positions)
        {
            for (var quote = text.IndexOf('"'); quote >= 0 && quote + 1 < text.Length; quote = text.IndexOf('"', quote + 1))
            {
                // The first character alone rules out almost every literal before the closing quote is searched for.
                var first = text[quote + 1];
                if (!((first >= '0' && first <= '9') || (first >= 'a' && first <= 'f') || (first >= 'A' && first <= 'F') || first == ':'))
                {
                    continue;
                }

                var close = text.IndexOf('"', quote + 1, System.Math.Min(text.Length - quote - 1, AddressList.MaxLength + 1));
                if (close > quote && AddressList.LooksLikeAddresses(text, quote + 1, close - quote - 1))
                {
                    positions.Add(quote + 1);
                }
            }
        }
    }
}
