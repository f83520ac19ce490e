using System.Collections.Immutable;
using Resurs.Analyzers.Infrastructure.Net;

namespace Resurs.Analyzers.Rules.Callbacks
{
    internal enum HostVerdict
    {
        /// <summary>Resurs can reach it (or we cannot tell): only scheme and port are judged.</summary>
        Reachable,

        /// <summary>A tunnel or capture service: RES1001 reports it, wherever it is used.</summary>
        Tunnel,

        /// <summary>RES1002.</summary>
        NonPublicAddress,

        /// <summary>RES1003.</summary>
        InternalName,

        /// <summary>example.com and other reserved placeholders: nothing is reported.</summary>
        Placeholder,
    }

    /// <summary>Classifies a normalised URL host the way Resurs sees it from the internet.</summary>
    internal static class CallbackHost
    {
        public static HostVerdict Classify(
            string host,
            bool bracketed,
            ImmutableArray<string> extraTunnelDomains,
            ImmutableArray<string> extraInternalSuffixes,
            ImmutableArray<string> allowedHosts,
            out string reason)
        {
            reason = string.Empty;
            if (bracketed)
            {
                if (IPValue.TryParseUrlHostV6(host, out var v6))
                {
                    return AddressVerdict(v6, prefix: string.Empty, out reason);
                }

                return HostVerdict.Reachable;
            }

            if (HostFacts.TryGetTunnel(host, extraTunnelDomains, out _))
            {
                return HostVerdict.Tunnel;
            }

            if (IPValue.TryParseUrlHostV4(host, out var v4))
            {
                return AddressVerdict(v4, prefix: string.Empty, out reason);
            }

            if (HostFacts.TryDecodeWildcardDns(host, out var encoded))
            {
                var verdict = AddressVerdict(encoded, prefix: "a wildcard-DNS name for ", out reason);
                if (verdict != HostVerdict.Reachable)
                {
                    return verdict;
                }
            }

            foreach (var allowed in allowedHosts)
            {
                if (HostFacts.HasSuffix(host, allowed))
                {
                    return HostVerdict.Reachable;
                }
            }

            foreach (var placeholder in HostFacts.PlaceholderSuffixes)
            {
                if (HostFacts.HasSuffix(host, placeholder))
                {
                    return HostVerdict.Placeholder;
                }
            }

            if (HostFacts.HasSuffix(host, "localhost"))
            {
                reason = "a name for the local machine";
                return HostVerdict.InternalName;
            }

            foreach (var suffix in HostFacts.InternalSuffixes)
            {
                if (HostFacts.HasSuffix(host, suffix))
                {
                    reason = "an internal-only name (." + suffix + ")";
                    return HostVerdict.InternalName;
                }
            }

            foreach (var suffix in extraInternalSuffixes)
            {
                if (HostFacts.HasSuffix(host, suffix))
                {
                    reason = "an internal-only name (." + suffix + ")";
                    return HostVerdict.InternalName;
                }
            }

            if (host.IndexOf('.') < 0)
            {
                reason = "a single-label name";
                return HostVerdict.InternalName;
            }

            return HostVerdict.Reachable;
        }

        private static HostVerdict AddressVerdict(IPValue address, string prefix, out string reason)
        {
            var kind = AddressClass.Classify(address);
            reason = prefix + AddressClass.Describe(kind);
            return kind == AddressKind.Public ? HostVerdict.Reachable : HostVerdict.NonPublicAddress;
        }
    }
}
