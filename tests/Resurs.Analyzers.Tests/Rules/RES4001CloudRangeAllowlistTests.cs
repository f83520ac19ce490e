using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.Tests.Verifiers;
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
        private const string Advice = "allowlist only Resurs's exact callback IPs";
        private const string OtherListAdvice = "if this list is for Resurs's callbacks, allow only Resurs's exact callback IPs";
        private const string ProxyAdvice = "a trusted-proxy list should name only your own load balancers and proxies, since any host in it can set the caller's address with X-Forwarded-For";

        /// <summary>The source with its numbered markers (<c>{|#0:</c>) turned into RES4001 markup, for a fix test.</summary>
        private static string Flagged(string source) => System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d+:", "{|RES4001:");

        private static string Code(string body) => @"
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Shop;
using AspNetIPNetwork = Microsoft.AspNetCore.HttpOverrides.IPNetwork;

class Filter
{
" + body + @"
}
" + NetworkTestCode.Types;

        /// <summary>Markup in the fixed code marks what stays: the RES4002 a partial list now gets, or a range with no fix.</summary>
        private static Task VerifyFixAsync(string source, string fixedSource, string equivalenceKey)
        {
            var test = new Verify.Test(source) { FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync();
        }

        [Fact]
        public Task Message_names_the_range_and_the_callback_ips_it_admits() => Verify.VerifyAnalyzerAsync(
            Code(@"    static readonly string[] AllowedRanges = { {|#0:""51.21.0.0/16""|}, {|#1:""13.50.0.0/16""|}, ""192.121.110.100"" };"),
            Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("51.21.0.0/16", Aws51, Advice),
            Verify.Diagnostic("RES4001").WithLocation(1).WithArguments("13.50.0.0/16", Aws13, Advice));

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
        {|RES4001:""::ffff:51.21.0.0/112""|},
        ""192.121.110.100"",
    };"));

        [Fact]
        public Task Zero_prefixes_are_reported_in_allow_contexts() => Verify.VerifyAnalyzerAsync(
            Code(@"    string[] TrustedNetworks = { {|#0:""0.0.0.0/0""|}, {|#1:""::/0""|} };
    string[] TrustedCallbackNetworks = { {|#2:""0.0.0.0/0""|} };"),
            Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("0.0.0.0/0", "every IPv4 address", OtherListAdvice),
            Verify.Diagnostic("RES4001").WithLocation(1).WithArguments("::/0", "every IPv6 address", OtherListAdvice),
            Verify.Diagnostic("RES4001").WithLocation(2).WithArguments("0.0.0.0/0", "every IPv4 address", Advice));

        [Fact]
        public Task Allow_contexts_are_recognised_by_name() => Verify.VerifyAnalyzerAsync(Code(@"
    string AllowedCidr = {|RES4001:""51.21.0.0/16""|};

    void M(IpFilterOptions options, IpFilter filter, Dictionary<string, string> settings)
    {
        options.AllowedRanges.Add({|RES4001:""13.50.0.0/16""|});
        filter.AllowRange({|RES4001:""51.20.0.0/15""|});
        var safelist = new HashSet<string> { {|RES4001:""13.48.0.0/14""|} };
        var ipAllowList = new[] { {|RES4001:""51.21.0.0/16""|} };
        settings[""TrustedProxyNetwork""] = {|RES4001:""51.21.0.0/16""|};
        var filterOptions = new IpFilterOptions { Sources = new[] { {|RES4001:""51.0.0.0/8""|} } };
        var resursIps = new List<string>();
        resursIps.Add({|RES4001:""13.0.0.0/8""|});
        var callbackSources = IpFilter.Allow({|RES4001:""51.21.32.0/20""|});
    }"));

        [Fact]
        public Task Network_types_are_recognised() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly IPNetwork[] AllowedNetworks = { IPNetwork.Parse({|RES4001:""51.21.0.0/16""|}) };
    static readonly List<AspNetIPNetwork> TrustedNetworks = new List<AspNetIPNetwork>
    {
        {|RES4001:new AspNetIPNetwork(IPAddress.Parse(""13.50.0.0""), 16)|},
        {|RES4001:new AspNetIPNetwork(IPAddress.Any, 0)|},
        AspNetIPNetwork.Parse({|RES4001:""51.20.0.0/15""|}),
    };
    static readonly IPAddressRange[] AllowedRanges = { IPAddressRange.Parse({|RES4001:""51.21.0.0/16""|}), new IPAddressRange({|RES4001:""13.50.0.0/16""|}) };

    bool Check(IPAddress remote)
    {
        if (IPNetwork.TryParse({|RES4001:""51.0.0.0/8""|}, out var network) && network.Contains(remote))
        {
            return true;
        }

        var aws = new IPNetwork(IPAddress.Parse(""13.50.0.0""), 16);
        var resurs = {|RES4001:new IPNetwork(IPAddress.Parse(""13.48.0.0""), 13)|};
        return IPNetwork.Parse({|RES4001:""51.21.0.0/16""|}).Contains(remote) || resurs.Contains(remote);
    }"));

        /// <summary>A trusted-proxy list is not a callback allowlist: a cloud range there is RES4001 about proxies; /0 there is RES4005's alone.</summary>
        [Fact]
        public Task Forwarded_headers_trust_lists_report_cloud_ranges_but_not_trust_everything() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(ForwardedHeadersOptions options)
    {
        options.KnownNetworks.Add({|RES4001:new AspNetIPNetwork(IPAddress.Parse(""51.21.0.0""), 16)|});
        options.KnownNetworks.Add(AspNetIPNetwork.Parse(""0.0.0.0/0""));
        options.KnownNetworks.Add(new AspNetIPNetwork(IPAddress.IPv6Any, 0));
        options.KnownNetworks.Add(new AspNetIPNetwork(IPAddress.Any, 0));
        var forwarded = new ForwardedHeadersOptions { KnownNetworks = { {|RES4001:new AspNetIPNetwork(IPAddress.Parse(""13.50.0.0""), 16)|}, AspNetIPNetwork.Parse(""::/0"") } };
    }"));

        [Fact]
        public Task Forwarded_headers_message_speaks_of_proxies() => Verify.VerifyAnalyzerAsync(
            Code(@"    void M(ForwardedHeadersOptions options) => options.KnownNetworks.Add(AspNetIPNetwork.Parse({|#0:""51.21.0.0/16""|}));"),
            Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("51.21.0.0/16", Aws51, ProxyAdvice));

        [Fact]
        public Task Forwarded_headers_lists_are_not_incomplete_callback_lists() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(ForwardedHeadersOptions options)
    {
        options.KnownProxies.Add(IPAddress.Parse(""192.121.110.100""));
        options.KnownProxies.Add(IPAddress.Parse(""13.50.187.51""));
    }"));

        [Fact]
        public Task Collections_that_feed_an_ip_check_are_allow_contexts() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] Networks = { {|RES4001:""51.21.0.0/16""|} };
    static readonly IPNetwork[] Ranges = { IPNetwork.Parse({|RES4001:""13.50.0.0/16""|}) };

    bool Admit(IPAddress remote)
    {
        foreach (var range in Ranges)
        {
            if (range.Contains(remote)) return true;
        }

        var sources = new List<string> { {|RES4001:""51.20.0.0/15""|} };
        return Networks.Any(n => IPNetwork.Parse(n).Contains(remote)) || sources.Contains(remote.ToString());
    }"));

        [Fact]
        public Task A_neutral_list_takes_its_purpose_from_where_it_is_used() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly List<string> Ranges = new List<string> { {|RES4001:""51.21.0.0/16""|} };
    readonly IpFilter filter = IpFilter.FromAllowlist(Ranges);

    void M()
    {
        var sources = new[] { ""192.121.110.100"", ""51.21.0.0/16"" };
        var blocked = IpFilter.FromBlocklist(sources);
        var cloud = new List<string> { {|RES4001:""13.50.0.0/16""|} };
        var allowed = new HashSet<string>(cloud);
    }"));

        [Fact]
        public Task A_list_that_holds_a_callback_ip_is_an_allowlist_whatever_its_name() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] Addresses = { ""192.121.110.100"", {|RES4001:""51.21.0.0/16""|}, ""13.50.187.51"" };"));

        [Fact]
        public Task Collection_expressions_params_and_split_lists_are_read() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] AllowedIps = [""192.121.110.100"", {|RES4001:""51.21.0.0/16""|}, ""13.50.187.51""];
    static readonly string[] TrustedSources = ""192.121.110.100, 13.50.187.51, {|RES4001:51.21.0.0/16|}"".Split(',');

    IpFilter Build() => IpFilter.Allow(""192.121.110.100"", {|RES4001:""13.50.0.0/16""|}, {|RES4001:""51.21.0.0/16""|});"));

        [Fact]
        public Task A_const_is_reported_once_at_its_declaration() => Verify.VerifyAnalyzerAsync(Code(@"
    const string AwsStockholm = {|RES4001:""51.21.0.0/16""|};
    static readonly string Cloud = AwsStockholm;

    void M(IpFilterOptions options, IpFilter filter)
    {
        options.AllowedRanges.Add(AwsStockholm);
        filter.AllowRange(AwsStockholm);
        var allowed = new[] { Cloud };
    }"));

        [Fact]
        public Task Resurs_networks_exact_addresses_and_unrelated_ranges_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] AllowedRanges = { ""194.68.237.0/24"", ""91.198.202.0/24"", ""10.0.0.0/8"", ""172.16.0.0/12"", ""52.0.0.0/8"", ""2001:db8::/32"" };
    static readonly string[] AllowedResursNetwork = { ""192.121.110.0/24"" };
    static readonly string[] AllowedExact = { ""13.50.187.51/32"" };
    string AllowedIp = ""51.21.32.255"";"));

        [Fact]
        public Task Deny_lists_are_not_allowlists() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] BlockedRanges = { ""51.21.0.0/16"", ""0.0.0.0/0"" };
    static readonly List<IPNetwork> DeniedNetworks = new List<IPNetwork> { IPNetwork.Parse(""13.50.0.0/16"") };

    void M(IpFilterOptions options, IpFilter filter)
    {
        options.BlockedRanges.Add(""51.21.0.0/16"");
        var blacklist = new HashSet<string> { ""13.48.0.0/13"" };
        var banned = IpFilter.Deny(""51.21.0.0/16"", ""13.50.0.0/16"");
        var untrustedCloud = new[] { IPNetwork.Parse(""51.21.0.0/16"") };
        if (untrustedCloud.Any(n => n.Contains(IPAddress.Loopback))) { }
    }"));

        [Fact]
        public Task Neutral_values_and_reads_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] AwsRegions = { ""51.21.0.0/16"", ""13.50.0.0/16"" };

    void M(string cidr, IpFilter filter)
    {
        Console.WriteLine(""51.21.0.0/16"");
        Console.WriteLine(AwsRegions.Length);
        if (cidr == ""51.21.0.0/16"") { }
        var isAllowed = filter.IsAllowed(""13.50.0.0/16"");
        var version = ""1.2.0.0"";
        // var allowedRanges = new[] { ""51.21.0.0/16"" };
        var name = nameof(AwsRegions);
    }"));

        [Fact]
        public Task Silent_in_test_projects_by_default()
        {
            var test = new Verify.Test(Code(@"    static readonly string[] AllowedRanges = { ""51.21.0.0/16"" };"));
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }

        [Fact]
        public Task Test_code_report_turns_it_on_in_test_projects()
        {
            var test = new Verify.Test(Code(@"    static readonly string[] AllowedRanges = { {|RES4001:""51.21.0.0/16""|} };"), "resurs_analyzers.RES4001.test_code = report");
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }

        [Fact]
        public Task Callback_ips_option_decides_which_ranges_are_cloud_ranges() => Verify.VerifyAnalyzerAsync(
            Code(@"    static readonly string[] AllowedRanges = { ""51.21.0.0/16"", {|#0:""16.16.0.0/16""|}, ""192.121.110.0/24"" };"),
            "resurs_analyzers.callback_ips = 192.121.110.100, 16.16.5.5",
            Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("16.16.0.0/16", "65,536 addresses that include the cloud callback IP 16.16.5.5", Advice));

        [Fact]
        public Task Invalid_callback_ips_fall_back_to_the_defaults() => Verify.VerifyAnalyzerAsync(
            Code(@"    static readonly string[] AllowedRanges = { {|RES4001:""51.21.0.0/16""|} };"),
            "resurs_analyzers.callback_ips = 51.21.0.0/16, resurs");

        [Fact]
        public Task Fix_replaces_the_range_with_one_element_per_ip_like_the_neighbours() => VerifyFixAsync(
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
        public Task Fix_writes_slash_32_when_the_list_holds_cidrs() => VerifyFixAsync(
            Code(@"    static readonly List<string> AllowedCidrs = new List<string> { ""192.121.110.0/24"", {|RES4001:""13.50.0.0/16""|}, {|RES4001:""51.20.0.0/14""|} };"),
            Code(@"    static readonly List<string> AllowedCidrs = new List<string> { ""192.121.110.0/24"", ""13.50.187.51/32"", ""51.21.32.255/32"", ""51.21.206.32/32"", ""51.21.39.192/32"" };"),
            EquivalenceKeys.AllowExactCallbackIps);

        [Fact]
        public Task Fix_in_a_collection_expression_and_a_params_call() => VerifyFixAsync(
            Code(@"
    static readonly string[] AllowedIps = [""192.121.110.100"", {|RES4001:""51.21.0.0/16""|}];
    IpFilter Build() => IpFilter.Allow(""192.121.110.100"", {|RES4001:""13.50.0.0/16""|});"),
            Code(@"
    static readonly string[] AllowedIps = {|RES4002:[""192.121.110.100"", ""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192""]|};
    IpFilter Build() => {|RES4002:IpFilter.Allow(""192.121.110.100"", ""13.50.187.51"")|};"),
            EquivalenceKeys.AllowExactCallbackIps);

        [Fact]
        public Task Fix_copies_network_elements_and_add_statements() => VerifyFixAsync(
            Code(@"
    static readonly IPNetwork[] AllowedCallbackNetworks = { IPNetwork.Parse({|RES4001:""51.21.0.0/16""|}) };
    static readonly List<AspNetIPNetwork> TrustedWebhookSources = new List<AspNetIPNetwork> { {|RES4001:new AspNetIPNetwork(IPAddress.Parse(""13.50.0.0""), 16)|} };

    void M()
    {
        var resursAllowlist = new List<string>();
        resursAllowlist.Add({|RES4001:@""51.20.0.0/15""|});
    }"),
            Code(@"
    static readonly IPNetwork[] AllowedCallbackNetworks = {|RES4002:{ IPNetwork.Parse(""51.21.32.255/32""), IPNetwork.Parse(""51.21.206.32/32""), IPNetwork.Parse(""51.21.39.192/32"") }|};
    static readonly List<AspNetIPNetwork> TrustedWebhookSources = new List<AspNetIPNetwork> { new AspNetIPNetwork(IPAddress.Parse(""13.50.187.51""), 32) };

    void M()
    {
        var resursAllowlist = {|RES4002:new List<string>()|};
        resursAllowlist.Add(@""51.21.32.255/32"");
        resursAllowlist.Add(@""51.21.206.32/32"");
        resursAllowlist.Add(@""51.21.39.192/32"");
    }"),
            EquivalenceKeys.AllowExactCallbackIps);

        [Fact]
        public Task Fix_inside_a_split_list_keeps_the_separator() => VerifyFixAsync(
            Code(@"    static readonly string[] TrustedSources = ""192.121.110.100;{|RES4001:13.50.0.0/16|};{|RES4001:0.0.0.0/0|}"".Split(';');"),
            Code(@"    static readonly string[] TrustedSources = ""192.121.110.100;13.50.187.51;51.21.32.255;51.21.206.32;51.21.39.192"".Split(';');"),
            EquivalenceKeys.AllowExactCallbackIps);

        [Fact]
        public Task Fix_inside_a_split_literal_with_one_range() => VerifyFixAsync(
            Code(@"    static readonly string[] TrustedCallbackSources = ""{|RES4001:51.21.0.0/16|}"".Split(',');"),
            Code(@"    static readonly string[] TrustedCallbackSources = {|RES4002:""51.21.32.255/32,51.21.206.32/32,51.21.39.192/32""|}.Split(',');"),
            EquivalenceKeys.AllowExactCallbackIps);

        [Fact]
        public Task Fix_removes_a_range_whose_callback_ips_are_all_listed() => VerifyFixAsync(
            Code(@"    static readonly string[] AllowedIps = { ""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192"", {|RES4001:""51.21.0.0/16""|} };"),
            Code(@"    static readonly string[] AllowedIps = { ""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192"" };"),
            EquivalenceKeys.AllowExactCallbackIps);

        [Fact]
        public Task Fix_for_a_single_value_needs_a_single_ip() => VerifyFixAsync(
            Code(@"
    const string ResursCloud = {|RES4001:""13.50.0.0/16""|};
    string AllowedRange = {|RES4001:""51.21.0.0/16""|};"),
            Code(@"
    const string ResursCloud = ""13.50.187.51/32"";
    string AllowedRange = {|RES4001:""51.21.0.0/16""|};"),
            EquivalenceKeys.AllowExactCallbackIps);

        /// <summary>
        /// An allowlist nothing ties to Resurs (an admin UI's, a partner's) keeps its finding, but the advice is
        /// conditional and there is no fix: putting Resurs's addresses in place of its range would lock its own users out
        /// and let Resurs in. A name that says Resurs, callback or webhook, or an entry that admits a callback IP without
        /// being a cloud-wide range (the IP itself, Resurs's own /24), ties it to Resurs.
        /// </summary>
        [Fact]
        public Task Allowlists_not_tied_to_resurs_get_conditional_advice_and_no_fix()
        {
            var source = Code(@"
    public static readonly string[] AdminAllowedIps = { ""10.0.0.0/8"", {|#0:""13.0.0.0/8""|} };
    public static readonly string[] PartnerAllowlist = { {|#1:""51.21.0.0/16""|}, ""10.1.0.0/16"" };
    public static readonly string[] KlarnaCallbackAllowlist = { {|#2:""13.48.0.0/13""|} };
    public static readonly string[] OfficeAllowedRanges = { {|#3:""0.0.0.0/1""|}, ""128.0.0.0/1"" };");
            return Task.WhenAll(
                Verify.VerifyAnalyzerAsync(
                    source,
                    Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("13.0.0.0/8", "16,777,216 addresses that include the cloud callback IP 13.50.187.51", OtherListAdvice),
                    Verify.Diagnostic("RES4001").WithLocation(1).WithArguments("51.21.0.0/16", "65,536 addresses that include the cloud callback IPs 51.21.32.255, 51.21.206.32 and 51.21.39.192", OtherListAdvice),
                    Verify.Diagnostic("RES4001").WithLocation(2).WithArguments("13.48.0.0/13", "524,288 addresses that include the cloud callback IP 13.50.187.51", OtherListAdvice),
                    Verify.Diagnostic("RES4001").WithLocation(3).WithArguments("0.0.0.0/1", "2,147,483,648 addresses that include the cloud callback IPs 13.50.187.51, 51.21.32.255, 51.21.206.32 and 51.21.39.192", OtherListAdvice)),
                VerifyFixAsync(Flagged(source), Flagged(source), EquivalenceKeys.AllowExactCallbackIps));
        }

        [Fact]
        public Task Lists_tied_to_resurs_by_name_or_entry_get_the_callback_advice() => Verify.VerifyAnalyzerAsync(
            Code(@"
    static readonly string[] AllowedWebhookSources = { {|#0:""13.50.0.0/16""|} };
    static readonly string[] AdminAllowedIps = { ""192.121.110.0/24"", {|#1:""13.50.0.0/16""|} };"),
            Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("13.50.0.0/16", "65,536 addresses that include the cloud callback IP 13.50.187.51", Advice),
            Verify.Diagnostic("RES4001").WithLocation(1).WithArguments("13.50.0.0/16", "65,536 addresses that include the cloud callback IP 13.50.187.51", Advice));

        /// <summary>
        /// A range written in another file (a const in a constants file) is reported where the list uses it, since the
        /// IDE analyses one document at a time; the message says where the range is written, and the declaration is the
        /// additional location. There is no fix from the use.
        /// </summary>
        [Fact]
        public async Task A_range_written_in_another_file_is_reported_at_its_use()
        {
            var test = new Resurs.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Network.AllowlistAnalyzer>.Test(
                "public static class CallbackFilter { public static readonly string[] CallbackSources = { \"192.121.110.100\", {|#0:NetworkConstants.AwsEuNorth1|}, ResursConstants.AwsStockholm }; }");
            test.TestState.Sources.Add(("NetworkConstants.cs", "public static class NetworkConstants { public const string AwsEuNorth1 = \"13.48.0.0/13\"; }"));

            // A range whose own name says allow is reported where it is written, once, not again at each use.
            test.TestState.Sources.Add(("ResursConstants.cs", "public static class ResursConstants { public const string AwsStockholm = {|RES4001:\"13.50.0.0/16\"|}; }"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RES4001").WithLocation(0).WithSpan("NetworkConstants.cs", 1, 74, 1, 88).WithArguments(
                "13.48.0.0/13",
                "524,288 addresses that include the cloud callback IP 13.50.187.51",
                Advice + " (the range is NetworkConstants.AwsEuNorth1, written in NetworkConstants.cs)"));
            await test.RunAsync();
        }

        [Fact]
        public Task No_fix_in_forwarded_headers_trust_lists()
        {
            var source = Code(@"    void M(ForwardedHeadersOptions options) => options.KnownNetworks.Add(AspNetIPNetwork.Parse({|RES4001:""51.21.0.0/16""|}));");
            return VerifyFixAsync(source, source, EquivalenceKeys.AllowExactCallbackIps);
        }

        [Fact]
        public Task Dotted_masks_are_read_as_prefixes() => Verify.VerifyAnalyzerAsync(
            Code(@"
    static readonly string[] AllowedRanges = { {|#0:""51.21.0.0/255.255.0.0""|}, ""192.121.110.100"" };
    static readonly IPAddressRange[] Trusted = { IPAddressRange.Parse({|RES4001:""13.48.0.0/255.252.0.0""|}) };
    static readonly string[] CallbackSources = ""192.121.110.100, {|RES4001:13.50.0.0/255.255.0.0|}"".Split(',');"),
            Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("51.21.0.0/255.255.0.0", Aws51, Advice));

        [Fact]
        public Task A_mask_that_is_not_contiguous_is_not_a_network() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] AllowedRanges = { ""51.21.0.0/255.0.255.0"", ""13.50.0.0/0.0.255.255"", ""51.21.0.0/255.255.0.1"", ""51.21.0.0/256.0.0.0"", ""192.121.110.100"" };"));

        [Fact]
        public Task Fix_writes_exact_masks_when_the_range_is_written_with_a_mask() => VerifyFixAsync(
            Code(@"    static readonly string[] AllowedRanges = { ""192.121.110.0/255.255.255.0"", {|RES4001:""13.50.0.0/255.255.0.0""|} };"),
            Code(@"    static readonly string[] AllowedRanges = {|RES4002:{ ""192.121.110.0/255.255.255.0"", ""13.50.187.51/255.255.255.255"" }|};"),
            EquivalenceKeys.AllowExactCallbackIps);

        /// <summary>Issue 17: a library's own range arithmetic is not an allowlist; the test against a caller's address is.</summary>
        [Fact]
        public Task Range_arithmetic_that_tests_no_caller_is_not_an_allowlist() => Verify.VerifyAnalyzerAsync(Code(@"
    static bool IsAnyIPv4(IPAddress address) => IPNetwork.Parse(""0.0.0.0/0"").Contains(address);

    static bool InRange(IPAddress value)
    {
        var all = new IPNetwork(IPAddress.Any, 0);
        var aws = IPNetwork.Parse(""51.21.0.0/16"");
        return all.Contains(value) && aws.Contains(value);
    }

    static int PrefixOf(IPAddress value)
    {
        foreach (var network in new[] { IPNetwork.Parse(""13.50.0.0/16"") })
        {
            if (network.Contains(value)) return network.PrefixLength;
        }

        return -1;
    }"));

        [Fact]
        public Task A_range_tested_against_the_callers_address_is_an_allowlist() => Verify.VerifyAnalyzerAsync(Code(@"
    static bool Admit(Microsoft.AspNetCore.Http.HttpContext context)
    {
        if (IPNetwork.Parse({|RES4001:""0.0.0.0/0""|}).Contains(context.Connection.RemoteIpAddress)) return true;
        var ip = context.Connection.RemoteIpAddress;
        var any = {|RES4001:new IPNetwork(IPAddress.Any, 0)|};
        return any.Contains(ip) || IPNetwork.Parse({|RES4001:""51.21.0.0/16""|}).Contains(ip);
    }

    static bool IsAllowed(IPAddress address) => IPNetwork.Parse({|RES4001:""13.50.0.0/16""|}).Contains(address);"));
    }
}
