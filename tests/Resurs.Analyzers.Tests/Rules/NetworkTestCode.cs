namespace Resurs.Analyzers.Tests.Rules
{
    /// <summary>Merchant-side types the network tests use: an IP-filter middleware's options and a third-party range type.</summary>
    internal static class NetworkTestCode
    {
        public const string Types = @"
namespace Shop
{
    public sealed class IpFilterOptions
    {
        public System.Collections.Generic.List<string> AllowedRanges { get; } = new System.Collections.Generic.List<string>();
        public System.Collections.Generic.List<string> BlockedRanges { get; } = new System.Collections.Generic.List<string>();
        public string[] Sources { get; set; } = System.Array.Empty<string>();
    }

    public sealed class IpFilter
    {
        public IpFilter(IpFilterOptions options) { }
        public static IpFilter Allow(params string[] addresses) => new IpFilter(new IpFilterOptions());
        public static IpFilter Deny(params string[] addresses) => new IpFilter(new IpFilterOptions());
        public void AllowRange(string cidr) { }
        public bool IsAllowed(string cidr) => false;
        public static IpFilter FromAllowlist(System.Collections.Generic.IEnumerable<string> ranges) => new IpFilter(new IpFilterOptions());
        public static IpFilter FromBlocklist(System.Collections.Generic.IEnumerable<string> ranges) => new IpFilter(new IpFilterOptions());
    }

    /// <summary>Like the IPAddressRange and IPNetwork2 packages: built from a string.</summary>
    public sealed class IPAddressRange
    {
        public IPAddressRange(string text) { }
        public static IPAddressRange Parse(string text) => new IPAddressRange(text);
        public bool Contains(System.Net.IPAddress address) => false;
    }
}
";
    }
}
