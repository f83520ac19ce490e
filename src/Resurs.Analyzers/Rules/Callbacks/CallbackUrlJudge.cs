using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Net;

namespace Resurs.Analyzers.Rules.Callbacks
{
    /// <summary>The options the callback rules read for one place (a syntax tree or a config file).</summary>
    internal sealed class CallbackSettings
    {
        public CallbackSettings(ImmutableArray<string> tunnelDomains, ImmutableArray<string> internalSuffixes, ImmutableArray<string> allowedHosts, Func<string, string> publicBaseUrl)
        {
            TunnelDomains = tunnelDomains;
            InternalSuffixes = internalSuffixes;
            AllowedHosts = allowedHosts;
            PublicBaseUrl = publicBaseUrl;
        }

        public ImmutableArray<string> TunnelDomains { get; }

        public ImmutableArray<string> InternalSuffixes { get; }

        public ImmutableArray<string> AllowedHosts { get; }

        /// <summary>The public_base_url for a rule ID ("" when unset).</summary>
        public Func<string, string> PublicBaseUrl { get; }
    }

    /// <summary>One finding of the judge: the rule, where in the value it lands, the fix edit and the message arguments (without the development note).</summary>
    internal readonly struct UrlFinding
    {
        public UrlFinding(DiagnosticDescriptor descriptor, int offset, string? find, string? replace, string title, string[] arguments, Fragment? after = null)
        {
            Descriptor = descriptor;
            Offset = offset;
            Find = find;
            Replace = replace;
            Title = title;
            Arguments = arguments;
            After = after;
        }

        public DiagnosticDescriptor Descriptor { get; }

        /// <summary>A character of <see cref="UrlValue.KnownPrefix"/> inside the fragment to report on (unless <see cref="After"/> is set).</summary>
        public int Offset { get; }

        /// <summary>The fragment to report on when it lies after a hole, beyond <see cref="UrlValue.KnownPrefix"/> (a port after a host we cannot see).</summary>
        public Fragment? After { get; }

        public string? Find { get; }

        public string? Replace { get; }

        public string Title { get; }

        public string[] Arguments { get; }
    }

    /// <summary>
    /// Judges a value used as a callback URL, wherever it was found (C# or a config file): an unreachable host gives only
    /// RES1002 or RES1003 (a tunnel is RES1001's); otherwise http gives RES1004 and a port other than 443 RES1005.
    /// </summary>
    internal static class CallbackUrlJudge
    {
        public static void Judge(UrlValue url, string use, CallbackSettings settings, List<UrlFinding> results)
        {
            var text = url.KnownPrefix;
            var separator = text.IndexOf("://", StringComparison.Ordinal);
            if (separator <= 0 || separator > 10 || !IsLetters(text, separator))
            {
                return;
            }

            var secure = separator == 5;
            if (!(separator == 4 && string.Compare(text, 0, "http", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
                && !(secure && string.Compare(text, 0, "https", 0, 5, StringComparison.OrdinalIgnoreCase) == 0))
            {
                return;
            }

            if (!UrlScanner.TryParseAt(text, 0, separator, out var parts))
            {
                // "http://" + host: the host comes from a value we cannot see; the scheme alone can still be judged, and a
                // port written after it.
                if (text.Length == separator + 3 && url.HoleFollowsPrefix)
                {
                    if (!secure)
                    {
                        results.Add(Scheme(url, separator, use));
                    }

                    PortAfterHole(url, use, settings, results);
                }

                return;
            }

            // A hole right after the host usually continues with a path ("http://localhost:5000" + path), so the
            // host is judged; only "single label" is not trusted then, since the hole may add ".shop.se".
            var hostComplete = parts.AuthorityEnd < text.Length || !url.HoleFollowsPrefix || parts.HasPort;
            if (UrlScanner.NormalizeHost(text, parts) is { } host)
            {
                var verdict = CallbackHost.Classify(host, parts.Bracketed, settings.TunnelDomains, settings.InternalSuffixes, settings.AllowedHosts, out var reason);
                switch (verdict)
                {
                    case HostVerdict.Tunnel:
                    case HostVerdict.Placeholder:
                        return;
                    case HostVerdict.NonPublicAddress:
                        results.Add(Host(Descriptors.RES1002, url, parts, use, reason, settings));
                        return;
                    case HostVerdict.InternalName when hostComplete || host.IndexOf('.') >= 0 || host == "localhost":
                        results.Add(Host(Descriptors.RES1003, url, parts, use, reason, settings));
                        return;
                }
            }

            if (!secure)
            {
                results.Add(Scheme(url, separator, use));
            }

            if (!hostComplete && !parts.HasPort)
            {
                PortAfterHole(url, use, settings, results);
            }
            else if (hostComplete && parts.HasPort && UrlScanner.Port(text, parts) is var port && port != 443)
            {
                var fragment = url.FragmentAt(parts.PortStart, out var start);
                var portText = text.Substring(parts.PortStart - 1, parts.PortLength + 1);
                var find = start <= parts.PortStart - 1 && parts.PortStart + parts.PortLength <= start + fragment.Text!.Length ? portText : null;
                results.Add(Port(url, use, portText, parts.PortStart, find, after: null));
            }
        }

        /// <summary>
        /// A port written as known text after a host that comes from a hole (<c>$"https://{host}:8443/cb"</c>,
        /// <c>"https://" + tenant + ".shop.se:8443/cb"</c>): the text right after the first hole continues the host up to
        /// <c>:</c> and the port's digits end before a path, query or the value's end. Nothing is judged when the digits
        /// run into another hole (it may add digits) or the authority holds anything but host characters.
        /// </summary>
        private static void PortAfterHole(UrlValue url, string use, CallbackSettings settings, List<UrlFinding> results)
        {
            var fragments = url.Fragments;
            var hole = 0;
            while (hole < fragments.Count && fragments[hole].Text is not null)
            {
                hole++;
            }

            if (hole + 1 >= fragments.Count || fragments[hole + 1] is not { Text: { } text } after)
            {
                return;
            }

            var colon = 0;
            while (colon < text.Length && (char.IsLetterOrDigit(text[colon]) || text[colon] is '.' or '-'))
            {
                colon++;
            }

            if (colon >= text.Length || text[colon] != ':')
            {
                return;
            }

            // The end of the host that can be seen ("{tenant}.example.com"): a placeholder, tunnel or internal name there
            // gets no port finding, as a host written in full would not.
            if (text.IndexOf('.', 0, colon) >= 0
                && CallbackHost.Classify(("x" + text.Substring(0, colon)).TrimEnd('.').ToLowerInvariant(), false, settings.TunnelDomains, settings.InternalSuffixes, settings.AllowedHosts, out _) != HostVerdict.Reachable)
            {
                return;
            }

            var end = colon + 1;
            while (end < text.Length && text[end] >= '0' && text[end] <= '9')
            {
                end++;
            }

            var endsPort = end < text.Length ? text[end] is '/' or '?' or '#' : hole + 2 >= fragments.Count;
            if (end == colon + 1 || end - colon > 6 || !endsPort
                || !int.TryParse(text.Substring(colon + 1, end - colon - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
                || port == 443)
            {
                return;
            }

            var portText = text.Substring(colon, end - colon);
            results.Add(Port(url, use, portText, 0, portText, after));
        }

        /// <summary>RES1005 for <paramref name="portText"/> (":8443"); the fix removes <paramref name="find"/> when the port sits in one literal.</summary>
        private static UrlFinding Port(UrlValue url, string use, string portText, int offset, string? find, Fragment? after) =>
            new UrlFinding(Descriptors.RES1005, offset, find, string.Empty, "Remove port " + portText.Substring(1), new[] { url.Display(), use, portText.Substring(1) }, after);

        private static UrlFinding Scheme(UrlValue url, int separator, string use)
        {
            var schemeEnd = separator + 3;
            var fragment = url.FragmentAt(0, out var start);
            var find = start == 0 && fragment.Text!.Length >= schemeEnd ? url.KnownPrefix.Substring(0, schemeEnd) : null;
            return new UrlFinding(Descriptors.RES1004, 0, find, "https://", "Use https", new[] { url.Display(), use });
        }

        private static UrlFinding Host(DiagnosticDescriptor descriptor, UrlValue url, UrlParts parts, string use, string reason, CallbackSettings settings)
        {
            var text = url.KnownPrefix;
            var fragment = url.FragmentAt(parts.HostStart, out var start);
            string? find = null;
            string? replace = null;
            var baseUrl = settings.PublicBaseUrl(descriptor.Id);
            if (baseUrl.Length > 0 && start == 0 && fragment.Text!.Length >= parts.AuthorityEnd)
            {
                find = text.Substring(0, parts.AuthorityEnd);
                replace = baseUrl;
            }

            var hostText = parts.Bracketed ? "[" + text.Substring(parts.HostStart, parts.HostLength) + "]" : text.Substring(parts.HostStart, parts.HostLength);
            return new UrlFinding(descriptor, parts.HostStart, find, replace, "Use " + baseUrl, new[] { url.Display(), use, hostText, reason });
        }

        private static bool IsLetters(string text, int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (!((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z')))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
