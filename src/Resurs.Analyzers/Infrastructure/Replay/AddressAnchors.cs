using System.Collections.Generic;
using Resurs.Analyzers.Infrastructure.Net;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>Anchors for the allowlist rules: string literals in the source that look like IP addresses or CIDRs.</summary>
    internal static class AddressAnchors
    {
        /// <summary>
        /// The opening quote of every literal whose text (up to the closing quote, at most
        /// <see cref="AddressList.MaxLength"/> characters) passes <see cref="AddressList.LooksLikeAddresses"/>'s cheap
        /// character test: "51.21.0.0/16", "192.121.110.100, 13.50.187.51", "::ffff:10.0.0.1". Escapes and holes
        /// are rare in addresses; every quote is tried as an opening one, since the text alone cannot tell.
        /// </summary>
        public static void FindAddressLiterals(string text, List<int> positions)
        {
            for (var quote = text.IndexOf('"'); quote >= 0 && quote + 1 < text.Length; quote = text.IndexOf('"', quote + 1))
            {
                var first = text[quote + 1];
                if (!(IsHexDigit(first) || first == ':'))
                {
                    continue;
                }

                var separatorSeen = false;
                var end = quote + 1;
                var limit = System.Math.Min(text.Length, quote + 1 + AddressList.MaxLength);
                for (; end < limit; end++)
                {
                    var c = text[end];
                    if (c == '"')
                    {
                        break;
                    }

                    if (c == '.' || c == ':')
                    {
                        separatorSeen = true;
                    }
                    else if (!(IsHexDigit(c) || c == '/' || AddressList.IsListSeparator(c)))
                    {
                        separatorSeen = false;
                        break;
                    }
                }

                if (separatorSeen && end < text.Length && text[end] == '"')
                {
                    positions.Add(quote + 1);
                }
            }
        }

        private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
