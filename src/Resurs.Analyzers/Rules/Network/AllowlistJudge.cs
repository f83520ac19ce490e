using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Net;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>
    /// The one judgement of an allowlist's entries (RES4001, RES4002), shared by the C# rule
    /// (<see cref="AllowlistAnalyzer"/>) and the configuration-file rule: the front-ends only find the entries and
    /// where the list is used.
    /// </summary>
    internal static class AllowlistJudge
    {
        /// <summary>The RES4001 advice for a callback allowlist (the message's last argument).</summary>
        public const string AllowlistAdvice = "allowlist only Resurs's exact callback IPs";

        /// <summary>
        /// The RES4001 advice for a trusted-proxy list (ForwardedHeadersOptions.KnownNetworks, KnownIPNetworks,
        /// KnownProxies): it says who may set the caller's address, so it should name the application's own proxies.
        /// </summary>
        public const string ProxyAdvice =
            "a trusted-proxy list should name only your own load balancers and proxies, since any host in it can set the caller's address with X-Forwarded-For";

        /// <summary>
        /// The RES4001 advice for an allowlist that nothing ties to Resurs (<see cref="IsAboutResurs"/>): an admin or
        /// partner list with a cloud-wide range admits every tenant of that cloud, but replacing the range with Resurs's
        /// addresses would be wrong for it, so the advice is conditional and there is no fix.
        /// </summary>
        public const string OtherListAdvice = "if this list is for Resurs's callbacks, allow only Resurs's exact callback IPs";

        /// <summary>The advice for RES4001's message: proxies for a trusted-proxy list, exact callback IPs for a Resurs list, conditional otherwise.</summary>
        public static string Advice(bool trustedProxies, bool aboutResurs) =>
            trustedProxies ? ProxyAdvice : aboutResurs ? AllowlistAdvice : OtherListAdvice;

        /// <summary>
        /// Whether an allowlist is Resurs's callback allowlist, so RES4001's fix may put Resurs's addresses in place of a
        /// range: a name around it says so (<see cref="NetworkNames.SayResurs"/>), or one of its entries admits a callback
        /// IP without being a cloud-wide range: the IP itself, or a network no wider than a /24 (Resurs's own
        /// 192.121.110.0/24; a /1 that happens to hold it says nothing). Any other allowlist keeps its finding, with
        /// <see cref="OtherListAdvice"/> and no fix.
        /// </summary>
        public static bool IsAboutResurs(IEnumerable<string> names, IEnumerable<Cidr> entries, ImmutableArray<IPValue> callbackIps)
        {
            if (NetworkNames.SayResurs(names))
            {
                return true;
            }

            var cloudIps = ResursNetworks.CloudIps(callbackIps);
            foreach (var entry in entries)
            {
                if (entry.PrefixLength >= entry.Network.Bits - 8 && CloudRange(entry, cloudIps) is null && callbackIps.Any(entry.Contains))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a trusted-proxy list's entry is reported as RES4001: a cloud-wide range is, but <c>0.0.0.0/0</c> or
        /// <c>::/0</c> there is trust-everything forwarding, which is RES4005's finding alone.
        /// </summary>
        public static bool ReportsProxyEntry(Cidr entry) => entry.PrefixLength != 0;

        /// <summary>Whether the list already holds one of Resurs's callback IPs as a single address (so it is about Resurs).</summary>
        public static bool HoldsCallbackIp(IEnumerable<Cidr> entries, ImmutableArray<IPValue> callbackIps)
        {
            foreach (var entry in entries)
            {
                if (entry.IsSingleAddress && callbackIps.Contains(entry.Network))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// RES4001 for one entry: the cloud callback IPs a range admits along with the rest of the cloud (empty for
        /// <c>0.0.0.0/0</c>), or null when the entry is fine (a single address, or a range that holds no cloud callback IP,
        /// such as Resurs's own network).
        /// </summary>
        public static List<IPValue>? CloudRange(Cidr entry, ImmutableArray<IPValue> cloudIps)
        {
            if (entry.IsSingleAddress)
            {
                return null;
            }

            var cloud = new List<IPValue>();
            foreach (var ip in cloudIps)
            {
                if (entry.Contains(ip))
                {
                    cloud.Add(ip);
                }
            }

            return entry.PrefixLength == 0 || cloud.Count > 0 ? cloud : null;
        }

        /// <summary>What a cloud-wide entry admits, for the RES4001 message.</summary>
        public static string Admits(Cidr entry, IReadOnlyList<IPValue> cloud)
        {
            if (entry.PrefixLength == 0)
            {
                return entry.DescribeSize();
            }

            var texts = new List<string>(cloud.Count);
            foreach (var ip in cloud)
            {
                texts.Add(ip.ToString());
            }

            return entry.DescribeSize() + " that include the cloud callback " + (cloud.Count == 1 ? "IP " : "IPs ") + Prose.JoinAnd(texts);
        }

        /// <summary>
        /// RES4002: the callback IPs the list leaves out, when it is clearly a Resurs callback list (at least two callback
        /// IPs admitted by entries that are not cloud-wide: single addresses, or Resurs's own network); empty otherwise.
        /// An IP a cloud-wide range admits is not missing (RES4001 reports that range).
        /// </summary>
        public static List<IPValue> Missing(IReadOnlyList<Cidr> entries, ImmutableArray<IPValue> callbackIps)
        {
            var cloudIps = ResursNetworks.CloudIps(callbackIps);
            var legitimate = 0;
            var missing = new List<IPValue>();
            foreach (var ip in callbackIps)
            {
                var covered = false;
                var coveredExactly = false;
                foreach (var entry in entries)
                {
                    if (entry.Contains(ip))
                    {
                        covered = true;
                        coveredExactly |= CloudRange(entry, cloudIps) is null;
                    }
                }

                legitimate += coveredExactly ? 1 : 0;
                if (!covered)
                {
                    missing.Add(ip);
                }
            }

            return legitimate >= 2 ? missing : new List<IPValue>();
        }
    }
}
