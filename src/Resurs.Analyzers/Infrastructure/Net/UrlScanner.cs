using System;
using System.Globalization;

namespace Resurs.Analyzers.Infrastructure.Net
{
    /// <summary>The parts of one absolute URL inside a string, as offsets into that string.</summary>
    internal readonly struct UrlParts
    {
        public UrlParts(int start, int schemeLength, int hostStart, int hostLength, bool bracketed, int portStart, int portLength, int authorityEnd)
        {
            Start = start;
            SchemeLength = schemeLength;
            HostStart = hostStart;
            HostLength = hostLength;
            Bracketed = bracketed;
            PortStart = portStart;
            PortLength = portLength;
            AuthorityEnd = authorityEnd;
        }

        /// <summary>Where the scheme starts.</summary>
        public int Start { get; }

        public int SchemeLength { get; }

        /// <summary>The host, without brackets or userinfo.</summary>
        public int HostStart { get; }

        public int HostLength { get; }

        /// <summary>True for an IPv6 literal in brackets.</summary>
        public bool Bracketed { get; }

        /// <summary>The port digits after ':', or -1.</summary>
        public int PortStart { get; }

        public int PortLength { get; }

        /// <summary>Where the authority (scheme://userinfo@host:port) ends.</summary>
        public int AuthorityEnd { get; }

        public bool HasPort => PortStart >= 0;
    }

    /// <summary>
    /// A small linear scanner for absolute URLs (scheme://[userinfo@]host[:port][/path]) in text. No regexes, no
    /// backtracking: every method looks at each character a bounded number of times.
    /// </summary>
    internal static class UrlScanner
    {
        /// <summary>Longest host we look at; longer "hosts" are not host names (DNS caps names at 253).</summary>
        private const int MaxHostLength = 255;

        /// <summary>Finds the next "scheme://" at or after <paramref name="from"/> and parses the URL there.</summary>
        public static bool TryFindUrl(string text, int from, out UrlParts url, out int next)
        {
            url = default;
            next = text.Length;
            var search = from;
            while (search < text.Length)
            {
                var separator = text.IndexOf("://", search, StringComparison.Ordinal);
                if (separator < 0)
                {
                    return false;
                }

                var start = separator;
                while (start > from && IsSchemeChar(text[start - 1]) && separator - start < 32)
                {
                    start--;
                }

                while (start < separator && !IsLetter(text[start]))
                {
                    start++;
                }

                next = separator + 3;
                if (start < separator && TryParseAt(text, start, separator - start, out url))
                {
                    next = Math.Max(next, url.AuthorityEnd);
                    return true;
                }

                search = separator + 3;
            }

            return false;
        }

        /// <summary>Parses the URL whose scheme starts at <paramref name="start"/> and is <paramref name="schemeLength"/> long.</summary>
        public static bool TryParseAt(string text, int start, int schemeLength, out UrlParts url)
        {
            url = default;
            var authorityStart = start + schemeLength + 3;
            if (authorityStart > text.Length)
            {
                return false;
            }

            var authorityEnd = authorityStart;
            while (authorityEnd < text.Length && !IsAuthorityTerminator(text[authorityEnd]))
            {
                authorityEnd++;
            }

            var hostStart = authorityStart;
            var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
            if (at >= authorityStart)
            {
                hostStart = at + 1;
            }

            int hostEnd;
            var bracketed = false;
            var portStart = -1;
            var portLength = 0;
            if (hostStart < authorityEnd && text[hostStart] == '[')
            {
                var close = text.IndexOf(']', hostStart, authorityEnd - hostStart);
                if (close < 0)
                {
                    return false;
                }

                bracketed = true;
                hostEnd = close;
                hostStart++;
                if (close + 1 < authorityEnd)
                {
                    if (text[close + 1] != ':')
                    {
                        return false;
                    }

                    portStart = close + 2;
                }
            }
            else
            {
                hostEnd = hostStart;
                while (hostEnd < authorityEnd && text[hostEnd] != ':')
                {
                    hostEnd++;
                }

                if (hostEnd < authorityEnd)
                {
                    portStart = hostEnd + 1;
                }
            }

            if (portStart >= 0)
            {
                portLength = authorityEnd - portStart;
                for (var i = portStart; i < authorityEnd; i++)
                {
                    if (text[i] < '0' || text[i] > '9')
                    {
                        return false; // "{port}" placeholders, "host:abc": not a URL we can judge
                    }
                }

                if (portLength == 0)
                {
                    portStart = -1;
                }
            }

            var hostLength = hostEnd - hostStart;
            if (hostLength == 0 || hostLength > MaxHostLength)
            {
                return false;
            }

            url = new UrlParts(start, schemeLength, hostStart, hostLength, bracketed, portStart, portLength, authorityEnd);
            return true;
        }

        /// <summary>True when the scheme is http or https (any case).</summary>
        public static bool IsHttpScheme(string text, UrlParts url, out bool secure)
        {
            secure = false;
            if (url.SchemeLength == 4 && string.Compare(text, url.Start, "http", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }

            secure = true;
            return url.SchemeLength == 5 && string.Compare(text, url.Start, "https", 0, 5, StringComparison.OrdinalIgnoreCase) == 0;
        }

        /// <summary>The port number, or -1 when absent or out of range.</summary>
        public static int Port(string text, UrlParts url)
        {
            if (!url.HasPort || url.PortLength > 5)
            {
                return -1;
            }

            var port = 0;
            for (var i = url.PortStart; i < url.PortStart + url.PortLength; i++)
            {
                port = (port * 10) + (text[i] - '0');
            }

            return port <= 65535 ? port : -1;
        }

        /// <summary>
        /// The host in canonical form: lower case, no trailing dot, IDN as punycode. Null when it holds characters no host
        /// name can hold (spaces, braces of a placeholder, quotes).
        /// </summary>
        public static string? NormalizeHost(string text, UrlParts url)
        {
            var ascii = true;
            for (var i = url.HostStart; i < url.HostStart + url.HostLength; i++)
            {
                var c = text[i];
                if (c > 0x7F)
                {
                    ascii = false;
                    continue;
                }

                if (!(IsLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || (url.Bracketed && (c == ':' || c == '%'))))
                {
                    return null;
                }
            }

            var host = text.Substring(url.HostStart, url.HostLength);
            if (!ascii)
            {
                try
                {
                    host = new IdnMapping().GetAscii(host);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }

            host = host.TrimEnd('.').ToLowerInvariant();
            return host.Length == 0 ? null : host;
        }

        /// <summary>
        /// A string that is a bare host name, optionally with port and path ("abc.ngrok.io", "smee.io/xyz"): no scheme, no
        /// spaces, at least one dot in the host. Returns the host span.
        /// </summary>
        public static bool TryParseBareHost(string text, out UrlParts url)
        {
            url = default;
            if (text.Length < 4 || text.Length > 2048)
            {
                return false;
            }

            var hostEnd = 0;
            var dots = 0;
            while (hostEnd < text.Length && !IsAuthorityTerminator(text[hostEnd]) && text[hostEnd] != ':')
            {
                var c = text[hostEnd];
                if (!(IsLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
                {
                    return false;
                }

                dots += c == '.' ? 1 : 0;
                hostEnd++;
            }

            if (dots == 0 || hostEnd == 0 || text[0] == '.' || hostEnd > MaxHostLength)
            {
                return false;
            }

            for (var i = hostEnd; i < text.Length; i++)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            url = new UrlParts(0, 0, 0, hostEnd, bracketed: false, -1, 0, hostEnd);
            return true;
        }

        private static bool IsAuthorityTerminator(char c) => c == '/' || c == '?' || c == '#' || c == '\\' || c == ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\r' || c == '\n' || c == '\t';

        private static bool IsSchemeChar(char c) => IsLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';

        private static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
