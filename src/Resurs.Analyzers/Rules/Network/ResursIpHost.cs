using System;
using Resurs.Analyzers.Infrastructure.Net;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>
    /// The one judgement of RES4004, shared by the C# rule (<see cref="ResursIpUrlAnalyzer"/>) and the configuration-file
    /// rule: a URL whose host is written as an address in Resurs's networks or one of its callback IPs.
    /// </summary>
    internal static class ResursIpHost
    {
        /// <summary>
        /// True when <paramref name="text"/> starts with "scheme://" and its host is a Resurs address. With
        /// <paramref name="hostMayContinue"/> (more text follows that is not known), a host that runs to the end of the text
        /// is not complete and is not judged. <paramref name="hostText"/> is the host as written ("[…]" for IPv6).
        /// </summary>
        public static bool TryFind(string text, bool hostMayContinue, out UrlParts parts, out string hostText)
        {
            hostText = string.Empty;
            parts = default;
            var separator = text.IndexOf("://", StringComparison.Ordinal);
            if (separator <= 0 || separator > 10 || !UrlScanner.TryParseAt(text, 0, separator, out parts))
            {
                return false;
            }

            for (var i = 0; i < separator; i++)
            {
                var c = text[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' || c == '-'))
                {
                    return false;
                }
            }

            if (parts.AuthorityEnd == text.Length && hostMayContinue)
            {
                return false; // "https://192.121.110." + suffix: the host is not complete
            }

            IPValue address;
            var raw = text.Substring(parts.HostStart, parts.HostLength);
            if (parts.Bracketed)
            {
                if (!IPValue.TryParseUrlHostV6(raw, out address))
                {
                    return false;
                }
            }
            else if (UrlScanner.NormalizeHost(text, parts) is not { } host || !IPValue.TryParseUrlHostV4(host, out address))
            {
                return false;
            }

            if (!ResursNetworks.IsResursAddress(address))
            {
                return false;
            }

            hostText = parts.Bracketed ? "[" + raw + "]" : raw;
            return true;
        }
    }
}
