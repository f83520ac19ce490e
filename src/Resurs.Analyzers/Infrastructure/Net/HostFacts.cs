using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Resurs.Analyzers.Infrastructure.Net
{
    /// <summary>What kind of third-party service a tunnel-list domain is.</summary>
    internal enum TunnelKind
    {
        /// <summary>A reverse tunnel to a developer's machine (ngrok, LocalTunnel).</summary>
        Tunnel,

        /// <summary>A request-capture bin: requests land in someone else's inbox (webhook.site).</summary>
        Capture,

        /// <summary>A relay that forwards to a local client (smee.io).</summary>
        Relay,
    }

    internal readonly struct TunnelService
    {
        public TunnelService(string domain, string name, TunnelKind kind)
        {
            Domain = domain;
            Name = name;
            Kind = kind;
        }

        public string Domain { get; }

        public string Name { get; }

        public TunnelKind Kind { get; }
    }

    /// <summary>Known host-name facts: tunnel and capture domains, internal suffixes, placeholders, wildcard DNS.</summary>
    internal static class HostFacts
    {
        /// <summary>Reverse-tunnel, relay and request-capture domains (matched at a dot boundary). See docs/rules/RES1001.md.</summary>
        public static readonly ImmutableDictionary<string, TunnelService> TunnelDomains = Build(
            ("ngrok.io", "ngrok", TunnelKind.Tunnel),
            ("ngrok.app", "ngrok", TunnelKind.Tunnel),
            ("ngrok.dev", "ngrok", TunnelKind.Tunnel),
            ("ngrok-free.app", "ngrok", TunnelKind.Tunnel),
            ("ngrok-free.dev", "ngrok", TunnelKind.Tunnel),
            ("ngrok.pizza", "ngrok", TunnelKind.Tunnel),
            ("loca.lt", "LocalTunnel", TunnelKind.Tunnel),
            ("localtunnel.me", "LocalTunnel", TunnelKind.Tunnel),
            ("serveo.net", "Serveo", TunnelKind.Tunnel),
            ("serveousercontent.com", "Serveo", TunnelKind.Tunnel),
            ("localhost.run", "localhost.run", TunnelKind.Tunnel),
            ("lhr.life", "localhost.run", TunnelKind.Tunnel),
            ("lhrtunnel.link", "localhost.run", TunnelKind.Tunnel),
            ("pagekite.me", "PageKite", TunnelKind.Tunnel),
            ("trycloudflare.com", "Cloudflare quick tunnels", TunnelKind.Tunnel),
            ("loclx.io", "LocalXpose", TunnelKind.Tunnel),
            ("sharedwithexpose.com", "Expose", TunnelKind.Tunnel),
            ("devtunnels.ms", "Microsoft Dev Tunnels", TunnelKind.Tunnel),
            ("tunnelmole.net", "Tunnelmole", TunnelKind.Tunnel),
            ("pinggy.link", "Pinggy", TunnelKind.Tunnel),
            ("pinggy.io", "Pinggy", TunnelKind.Tunnel),
            ("zrok.io", "zrok", TunnelKind.Tunnel),
            ("bore.pub", "bore", TunnelKind.Tunnel),
            ("telebit.io", "Telebit", TunnelKind.Tunnel),
            ("localto.net", "LocalToNet", TunnelKind.Tunnel),
            ("loophole.site", "Loophole", TunnelKind.Tunnel),
            ("srv.us", "srv.us", TunnelKind.Tunnel),
            ("app.github.dev", "GitHub Codespaces port forwarding", TunnelKind.Tunnel),
            ("githubpreview.dev", "GitHub Codespaces port forwarding", TunnelKind.Tunnel),
            ("webhook.site", "webhook.site", TunnelKind.Capture),
            ("pipedream.net", "RequestBin (Pipedream)", TunnelKind.Capture),
            ("requestbin.com", "RequestBin", TunnelKind.Capture),
            ("requestbin.net", "RequestBin", TunnelKind.Capture),
            ("beeceptor.com", "Beeceptor", TunnelKind.Capture),
            ("requestcatcher.com", "Request Catcher", TunnelKind.Capture),
            ("hookbin.com", "Hookbin", TunnelKind.Capture),
            ("postb.in", "PostBin", TunnelKind.Capture),
            ("mockbin.org", "Mockbin", TunnelKind.Capture),
            ("smee.io", "smee.io", TunnelKind.Relay),
            ("hkdk.events", "Hookdeck", TunnelKind.Relay));

        /// <summary>
        /// The services of <see cref="TunnelDomains"/> grouped by their last label ("io", "app", "com"), longest domain
        /// first in each group, so the most specific match wins and most hosts are ruled out by one lookup.
        /// </summary>
        private static readonly Dictionary<string, TunnelService[]> TunnelServicesByLastLabel = TunnelDomains.Values
            .GroupBy(service => LastLabel(service.Domain), StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => group.OrderByDescending(service => service.Domain.Length).ThenBy(service => service.Domain, StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);

        /// <summary>Suffixes only resolvable inside a LAN, a container network or a tailnet (RES1003).</summary>
        public static readonly ImmutableArray<string> InternalSuffixes = ImmutableArray.Create(
            "localhost", "local", "lan", "internal", "intranet", "corp", "home", "home.arpa", "localdomain", "ts.net");

        /// <summary>Reserved placeholder names (RFC 2606/6761): never reported as unreachable callbacks.</summary>
        public static readonly ImmutableArray<string> PlaceholderSuffixes = ImmutableArray.Create(
            "example.com", "example.org", "example.net", "example", "test", "invalid");

        /// <summary>Wildcard DNS services that answer with the IP encoded in the name.</summary>
        public static readonly ImmutableArray<string> WildcardIpDomains = ImmutableArray.Create("nip.io", "sslip.io", "xip.io");

        /// <summary>Wildcard DNS names that always resolve to 127.0.0.1.</summary>
        public static readonly ImmutableArray<string> LoopbackDomains = ImmutableArray.Create("localtest.me", "lvh.me");

        /// <summary>True when <paramref name="host"/> equals <paramref name="suffix"/> or ends with "." + suffix.</summary>
        public static bool HasSuffix(string host, string suffix) =>
            host.Length == suffix.Length
                ? string.Equals(host, suffix, StringComparison.Ordinal)
                : host.Length > suffix.Length && host[host.Length - suffix.Length - 1] == '.' && host.EndsWith(suffix, StringComparison.Ordinal);

        /// <summary>
        /// The tunnel or capture service <paramref name="host"/> belongs to: the longest listed domain it equals or ends
        /// with at a dot boundary, then the user's extra domains. Runs for every URL in a literal, so it stays cheap.
        /// </summary>
        public static bool TryGetTunnel(string host, ImmutableArray<string> extraDomains, out TunnelService service)
        {
            if (TunnelServicesByLastLabel.TryGetValue(LastLabel(host), out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    if (HasSuffix(host, candidate.Domain))
                    {
                        service = candidate;
                        return true;
                    }
                }
            }

            foreach (var extra in extraDomains)
            {
                if (HasSuffix(host, extra))
                {
                    service = new TunnelService(extra, extra, TunnelKind.Tunnel);
                    return true;
                }
            }

            service = default;
            return false;
        }

        /// <summary>The IP a wildcard DNS name encodes ("10-0-0-5.nip.io", "app.10.0.0.5.sslip.io", "0a000005.nip.io", "lvh.me").</summary>
        public static bool TryDecodeWildcardDns(string host, out IPValue address)
        {
            address = default;
            foreach (var domain in LoopbackDomains)
            {
                if (HasSuffix(host, domain))
                {
                    address = new IPValue(0x7F000001);
                    return true;
                }
            }

            foreach (var domain in WildcardIpDomains)
            {
                if (host.Length <= domain.Length + 1 || !HasSuffix(host, domain))
                {
                    continue;
                }

                var prefix = host.Substring(0, host.Length - domain.Length - 1);
                var labels = prefix.Split('.');

                // a.b.c.d.nip.io (with optional leading labels)
                if (labels.Length >= 4)
                {
                    var dotted = string.Join(".", labels, labels.Length - 4, 4);
                    if (IPValue.TryParseStrictV4(dotted, 0, dotted.Length, out address))
                    {
                        return true;
                    }
                }

                // a-b-c-d.nip.io, name-a-b-c-d.nip.io, or 8 hex digits; the IP label is the last one
                var last = labels[labels.Length - 1];
                var dashed = last.Split('-');
                if (dashed.Length >= 4)
                {
                    var dotted = string.Join(".", dashed, dashed.Length - 4, 4);
                    if (IPValue.TryParseStrictV4(dotted, 0, dotted.Length, out address))
                    {
                        return true;
                    }
                }

                if (last.Length == 8 && uint.TryParse(last, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var hex))
                {
                    address = new IPValue(hex);
                    return true;
                }
            }

            return false;
        }

        private static string LastLabel(string host)
        {
            var dot = host.LastIndexOf('.');
            return dot < 0 ? host : host.Substring(dot + 1);
        }

        private static ImmutableDictionary<string, TunnelService> Build(params (string Domain, string Name, TunnelKind Kind)[] entries)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, TunnelService>(StringComparer.Ordinal);
            foreach (var (domain, name, kind) in entries)
            {
                builder[domain] = new TunnelService(domain, name, kind);
            }

            return builder.ToImmutable();
        }
    }
}
