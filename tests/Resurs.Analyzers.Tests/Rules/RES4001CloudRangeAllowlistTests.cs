using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Network.AllowlistAnalyzer,
    Resurs.Analyzers.CodeFixes.Network.AllowlistCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES4001")]
    public class RES4001CloudRangeAllowlistTests
    {
        private const string Aws51 = "65,536 addresses that include the cloud callback IPs 51.21.32.255, 51.21.206.32 and 51.21.39.192";
        private const string Aws13 = "65,536 addresses that include the cloud callback IP 13.50.187.51";

        private static string Code(string body) => @"
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Shop;

class Filter
{
" + body + @"
}
" + NetworkTestCode.Types;

        [Fact]
        public Task Message_names_the_range_and_the_callback_ips_it_admits() => Verify.VerifyAnalyzerAsync(
            Code(@"    static readonly string[] AllowedRanges = { {|#0:""51.21.0.0/16""|}, {|#1:""13.50.0.0/16""|}, ""192.121.110.100"" };"),
            Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("51.21.0.0/16", Aws51),
            Verify.Diagnostic("RES4001").WithLocation(1).WithArguments("13.50.0.0/16", Aws13));

        [Fact]
        public Task Any_mask_that_holds_a_cloud_ip_is_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly List<string> Whitelist = new List<string>
    {
        {|RES4001:""51.20.0.0/15""|},
        {|RES4001:""51.20.0.0/14""|},
        {|RES4001:""13.48.0.0/13""|},
        {|RES4001:""51.0.0.0/8""|},
        {|RES4001:""51.21.32.0/24""|},
        {|RES4001:""13.50.187.48/29""|},
        {|RES4001:""13.0.0.0/1""|},
        ""192.121.110.100"",
    };"));

        [Fact]
        public Task Zero_prefixes_are_reported_in_allow_contexts() => Verify.VerifyAnalyzerAsync(
            Code(@"    string[] TrustedNetworks = { {|#0:""0.0.0.0/0""|}, {|#1:""::/0""|} };"),
            Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("0.0.0.0/0", "every IPv4 address"),
            Verify.Diagnostic("RES4001").WithLocation(1).WithArguments("::/0", "every IPv6 address"));
            [Fact]
        public Task Fix_replaces_the_range_with_one_element_per_ip_like_the_neighbours() => Verify.VerifyCodeFixAsync(
            Code(@"
    static readonly string[] AllowedRanges =
    {
        ""192.121.110.100"",
        {|RES4001:""51.21.0.0/16""|},
        ""13.50.187.51"",
    };"),
            Code(@"
    static readonly string[] AllowedRanges =
    {
        ""192.121.110.100"",
        ""51.21.32.255"",
        ""51.21.206.32"",
        ""51.21.39.192"",
        ""13.50.187.51"",
    };"),
            EquivalenceKeys.AllowExactCallbackIps);

        [Fact]
        public Task Fix_writes_slash_32_when_the_list_holds_cidrs() => Verify.VerifyCodeFixAsync(
            Code(@"    static readonly List<string> AllowedCidrs = new List<string> { ""192.121.110.0/24"", {|RES4001:""13.50.0.0/16""|}, {|RES4001:""51.20.0.0/14""|} };"),
            Code(@"    static readonly List<string> AllowedCidrs = new List<string> { ""192.121.110.0/24"", ""13.50.187.51/32"", ""51.21.32.255/32"", ""51.21.206.32/32"", ""51.21.39.192/32"" };"),
            EquivalenceKeys.AllowExactCallbackIps);
    }
}
