using System.Collections.Generic;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>Anchors for URL rules: the "://" of URLs written in the source, filtered by what follows it.</summary>
    internal static class UrlAnchors
    {
        public const string SchemeSeparator = "://";

        /// <summary>
        /// URLs whose host is an IP address ("https://192.121.110.100/", "http://[::1]/"), or is not written right
        /// there (a hole, a format item, the end of the literal), so it may be one.
        /// </summary>
        public static void FindAddressHosts(string text, List<int> positions)
        {
            for (var at = text.IndexOf(SchemeSeparator, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(SchemeSeparator, at + 3, System.StringComparison.Ordinal))
            {
                var next = at + 3 < text.Length ? text[at + 3] : '"';
                if ((next >= '0' && next <= '9') || next is '[' or '{' or '"' or '\\' or '@')
                {
                    positions.Add(at);
                }
            }
        }
    }
}
