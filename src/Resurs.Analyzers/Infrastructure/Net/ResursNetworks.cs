using System.Collections.Immutable;

namespace Resurs.Analyzers.Infrastructure.Net
{
    /// <summary>
    /// Resurs's published network facts (FAQ "How do I configure my firewall/network?" and its Appendix A): the callback
    /// source IPs, the networks Resurs owns (AS35814) and the host names merchants should call instead of IPs.
    /// </summary>
    internal static class ResursNetworks
    {
        /// <summary>The five addresses Resurs sends callbacks from, in the FAQ's order; <c>callback_ips</c> overrides them.</summary>
        public static readonly ImmutableArray<IPValue> DefaultCallbackIps = ImmutableArray.Create(
            V4(192, 121, 110, 100),
            V4(13, 50, 187, 51),
            V4(51, 21, 32, 255),
            V4(51, 21, 206, 32),
            V4(51, 21, 39, 192));

        /// <summary>The default <c>callback_ips</c> value as a user would write it.</summary>
        public const string DefaultCallbackIpsText = "192.121.110.100, 13.50.187.51, 51.21.32.255, 51.21.206.32, 51.21.39.192";

        /// <summary>Networks Resurs owns (AS35814). Allowlisting them is documented and fine.</summary>
        public static readonly ImmutableArray<Cidr> OwnedNetworks = ImmutableArray.Create(
            new Cidr(V4(192, 121, 110, 0), 24),
            new Cidr(V4(194, 68, 237, 0), 24),
            new Cidr(V4(91, 198, 202, 0), 24));

        /// <summary>Host names Resurs documents for merchants' outbound calls (production first, then test).</summary>
        public static readonly ImmutableArray<string> Fqdns = ImmutableArray.Create(
            "merchant-api.resurs.com",
            "merchant-api.integration.resurs.com",
            "ecommerce.resurs.com",
            "test.resurs.com",
            "checkout.resurs.com",
            "omnitest.resurs.com",
            "apigw.resurs.com");

        /// <summary>True when <paramref name="address"/> lies in one of Resurs's own networks.</summary>
        public static bool IsOwned(IPValue address)
        {
            foreach (var network in OwnedNetworks)
            {
                if (network.Contains(address))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The callback IPs that are not in Resurs's own networks: the cloud (AWS) ones.</summary>
        public static ImmutableArray<IPValue> CloudIps(ImmutableArray<IPValue> callbackIps)
        {
            var builder = ImmutableArray.CreateBuilder<IPValue>();
            foreach (var ip in callbackIps)
            {
                if (!IsOwned(ip))
                {
                    builder.Add(ip);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>True for an address Resurs uses: inside its own networks or one of the default callback IPs.</summary>
        public static bool IsResursAddress(IPValue address)
        {
            if (address.TryGetEmbeddedV4(out var embedded))
            {
                address = embedded;
            }

            return IsOwned(address) || DefaultCallbackIps.Contains(address);
        }

        /// <summary>The FQDNs for messages: "merchant-api.resurs.com, … or apigw.resurs.com".</summary>
        public static string FqdnList() => Prose.JoinOr(Fqdns);

        private static IPValue V4(uint a, uint b, uint c, uint d) => new IPValue((a << 24) | (b << 16) | (c << 8) | d);
    }
}
