using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using OptionsVerify = Resurs.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Configuration.OptionsValidationAnalyzer>;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Network.AllowlistAnalyzer,
    Resurs.Analyzers.CodeFixes.Network.AllowlistCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES4002")]
    public class RES4002IncompleteCallbackAllowlistTests
    {
        private static string Code(string body) => @"
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Shop;

class Filter
{
" + body + @"
}
" + NetworkTestCode.Types;

        private static Task VerifyFixAsync(string source, string fixedSource, string? editorConfig = null) =>
            Verify.VerifyCodeFixAsync(source, fixedSource, EquivalenceKeys.AddMissingCallbackIps, editorConfig);

        [Fact]
        public Task Message_counts_the_ips_and_names_the_missing_ones() => Verify.VerifyAnalyzerAsync(
            Code(@"    static readonly string[] CallbackIps = {|#0:{ ""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"" }|};"),
            Verify.Diagnostic("RES4002").WithLocation(0).WithArguments("3", "5", "51.21.206.32 and 51.21.39.192"));

        [Fact]
        public Task Every_collection_form_is_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] A = {|RES4002:{ ""192.121.110.100"", ""13.50.187.51"" }|};
    static readonly string[] B = new[] {|RES4002:{ ""51.21.32.255/32"", ""51.21.206.32/32"", ""51.21.39.192/32"" }|};
    static readonly List<string> C = new List<string> {|RES4002:{ ""192.121.110.100"", ""51.21.39.192"" }|};
    static readonly HashSet<IPAddress> D = new HashSet<IPAddress> {|RES4002:{ IPAddress.Parse(""13.50.187.51""), IPAddress.Parse(""51.21.32.255"") }|};
    static readonly IPNetwork[] E = {|RES4002:{ IPNetwork.Parse(""192.121.110.100/32""), IPNetwork.Parse(""51.21.206.32/32"") }|};
    static readonly string[] F = {|RES4002:[""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32""]|};
    static readonly string[] G = {|RES4002:""192.121.110.100,13.50.187.51""|}.Split(',');
    string AllowedIps = {|RES4002:""192.121.110.100; 51.21.32.255""|};

    IpFilter Build() => {|RES4002:IpFilter.Allow(""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32"")|};

    void M()
    {
        var allowed = {|RES4002:new List<string>()|};
        allowed.Add(""192.121.110.100"");
        allowed.Add(""13.50.187.51"");
    }"));

        [Fact]
        public Task Add_calls_in_a_constructor_complete_a_field_initializer() => Verify.VerifyAnalyzerAsync(Code(@"
    private readonly HashSet<string> allowed = {|RES4002:new HashSet<string> { ""192.121.110.100"" }|};
    private readonly HashSet<string> complete = new HashSet<string> { ""192.121.110.100"", ""13.50.187.51"" };
    private readonly List<string> sources = {|RES4002:new List<string>()|};

    public Filter()
    {
        sources.Add(""51.21.32.255"");
        this.sources.Add(""51.21.206.32"");
        allowed.Add(""13.50.187.51"");
        complete.Add(""51.21.32.255"");
        complete.Add(""51.21.206.32"");
        complete.Add(""51.21.39.192"");
    }"));

        [Fact]
        public Task Complete_lists_and_lists_with_one_callback_ip_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] All = { ""51.21.39.192"", ""51.21.206.32"", ""51.21.32.255/32"", ""13.50.187.51"", ""192.121.110.100"" };
    static readonly string[] ResursNetworkAndCloud = { ""192.121.110.0/24"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192"" };
    static readonly string[] One = { ""192.121.110.100"", ""10.0.0.0/8"" };
    static readonly string[] Other = { ""8.8.8.8"", ""1.1.1.1"" };
    static readonly string[] AllowedIps = ""192.121.110.100,13.50.187.51,51.21.32.255,51.21.206.32,51.21.39.192"".Split(',');"));

        [Fact]
        public Task Resurs_own_network_counts_as_a_callback_entry() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] AllowedIps = {|RES4002:{ ""192.121.110.0/24"", ""13.50.187.51"" }|};"));

        [Fact]
        public Task Deny_lists_and_forwarded_proxy_lists_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] BlockedIps = { ""192.121.110.100"", ""13.50.187.51"" };

    void M(ForwardedHeadersOptions options)
    {
        options.KnownProxies.Add(IPAddress.Parse(""192.121.110.100""));
        options.KnownProxies.Add(IPAddress.Parse(""13.50.187.51""));
        var denied = IpFilter.Deny(""192.121.110.100"", ""13.50.187.51"");
    }"));

        [Fact]
        public Task A_range_that_holds_the_missing_ips_is_RES4001_not_RES4002() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] AllowedIps = { ""192.121.110.100"", ""13.50.187.51"", {|RES4001:""51.21.0.0/16""|} };"));

        [Fact]
        public Task Silent_in_test_projects_by_default()
        {
            var test = new Verify.Test(Code(@"    static readonly string[] CallbackIps = { ""192.121.110.100"", ""13.50.187.51"" };"));
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }

        [Fact]
        public Task Callback_ips_option_replaces_the_five_addresses() => Verify.VerifyAnalyzerAsync(
            Code(@"
    static readonly string[] Old = { ""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192"" };
    static readonly string[] New = {|#0:{ ""192.121.110.100"", ""16.16.5.5"" }|};"),
            "resurs_analyzers.callback_ips = 192.121.110.100, 16.16.5.5, 2a05:d016::5",
            Verify.Diagnostic("RES4002").WithLocation(0).WithArguments("2", "3", "2a05:d016::5"));

        [Fact]
        public Task Rule_specific_callback_ips_key_wins() => Verify.VerifyAnalyzerAsync(
            Code(@"    static readonly string[] CallbackIps = { ""192.121.110.100"", ""13.50.187.51"" };"),
            "resurs_analyzers.callback_ips = 1.1.1.1, 2.2.2.2, 3.3.3.3\nresurs_analyzers.RES4002.callback_ips = 192.121.110.100, 13.50.187.51");

        [Fact]
        public Task Invalid_callback_ips_fall_back_to_the_five_addresses() => Verify.VerifyAnalyzerAsync(
            Code(@"    static readonly string[] CallbackIps = {|RES4002:{ ""192.121.110.100"", ""13.50.187.51"" }|};"),
            "resurs_analyzers.callback_ips = 192.121.110.100, callbacks.resurs.com");

        [Theory]
        [InlineData("192.121.110.100, callbacks.resurs.com")]
        [InlineData("192.121.110.0/24")]
        [InlineData("192.121.110.100:443")]
        [InlineData(" , ")]
        public Task Invalid_callback_ips_are_reported_by_RES9001(string value) => OptionsVerify.VerifyAnalyzerAsync(
            "class A { }",
            "resurs_analyzers.callback_ips = " + value,
            OptionsVerify.Diagnostic("RES9001").WithArguments(
                "resurs_analyzers.callback_ips",
                value.Trim(),
                "a comma-separated list of IPv4 or IPv6 addresses such as '192.121.110.100, 13.50.187.51'",
                "192.121.110.100, 13.50.187.51, 51.21.32.255, 51.21.206.32, 51.21.39.192"));

        [Fact]
        public Task Valid_callback_ips_are_not_reported_by_RES9001() => OptionsVerify.VerifyAnalyzerAsync(
            "class A { }",
            "resurs_analyzers.callback_ips = 192.121.110.100 ,13.50.187.51, 2a05:d016::5\nresurs_analyzers.RES4001.callback_ips = 13.50.187.51");

        [Fact]
        public Task Fix_appends_the_missing_ips_after_the_last_one_in_the_same_style() => VerifyFixAsync(
            Code(@"
    static readonly string[] CallbackIps = {|RES4002:{ ""192.121.110.100"", ""13.50.187.51"", ""8.8.8.8"" }|};
    static readonly List<string> CallbackCidrs = new List<string> {|RES4002:{ ""51.21.32.255/32"", ""192.121.110.100/32"" }|};"),
            Code(@"
    static readonly string[] CallbackIps = { ""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192"", ""8.8.8.8"" };
    static readonly List<string> CallbackCidrs = new List<string> { ""51.21.32.255/32"", ""192.121.110.100/32"", ""13.50.187.51/32"", ""51.21.206.32/32"", ""51.21.39.192/32"" };"));

        [Fact]
        public Task Fix_keeps_one_element_per_line() => VerifyFixAsync(
            Code(@"
    static readonly HashSet<IPAddress> ResursCallbackSources = new HashSet<IPAddress>
    {|RES4002:{
        IPAddress.Parse(""192.121.110.100""),
        IPAddress.Parse(""13.50.187.51""),
    }|};"),
            Code(@"
    static readonly HashSet<IPAddress> ResursCallbackSources = new HashSet<IPAddress>
    {
        IPAddress.Parse(""192.121.110.100""),
        IPAddress.Parse(""13.50.187.51""),
        IPAddress.Parse(""51.21.32.255""),
        IPAddress.Parse(""51.21.206.32""),
        IPAddress.Parse(""51.21.39.192""),
    };"));

        [Fact]
        public Task Fix_in_collection_expressions_params_calls_and_split_lists() => VerifyFixAsync(
            Code(@"
    static readonly string[] AllowedIps = {|RES4002:[""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32""]|};
    static readonly string[] TrustedIps = {|RES4002:""192.121.110.100;13.50.187.51""|}.Split(';');
    IpFilter Build() => {|RES4002:IpFilter.Allow(""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192"")|};"),
            Code(@"
    static readonly string[] AllowedIps = [""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192""];
    static readonly string[] TrustedIps = ""192.121.110.100;13.50.187.51;51.21.32.255;51.21.206.32;51.21.39.192"".Split(';');
    IpFilter Build() => IpFilter.Allow(""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192"", ""192.121.110.100"", ""13.50.187.51"");"));

        [Fact]
        public Task Fix_adds_add_calls_after_the_last_one() => VerifyFixAsync(
            Code(@"
    void M(IpFilterOptions options)
    {
        var allowed = {|RES4002:new List<IPNetwork>()|};
        allowed.Add(IPNetwork.Parse(""192.121.110.100/32""));
        allowed.Add(IPNetwork.Parse(""13.50.187.51/32""));
        allowed.Add(IPNetwork.Parse(""10.0.0.0/8""));
    }"),
            Code(@"
    void M(IpFilterOptions options)
    {
        var allowed = new List<IPNetwork>();
        allowed.Add(IPNetwork.Parse(""192.121.110.100/32""));
        allowed.Add(IPNetwork.Parse(""13.50.187.51/32""));
        allowed.Add(IPNetwork.Parse(""51.21.32.255/32""));
        allowed.Add(IPNetwork.Parse(""51.21.206.32/32""));
        allowed.Add(IPNetwork.Parse(""51.21.39.192/32""));
        allowed.Add(IPNetwork.Parse(""10.0.0.0/8""));
    }"));

        [Fact]
        public Task Fix_uses_the_configured_callback_ips() => VerifyFixAsync(
            Code(@"    static readonly string[] CallbackIps = {|RES4002:{ ""192.121.110.100"", ""16.16.5.5"" }|};"),
            Code(@"    static readonly string[] CallbackIps = { ""192.121.110.100"", ""16.16.5.5"", ""16.16.5.6"" };"),
            "resurs_analyzers.callback_ips = 192.121.110.100, 16.16.5.5, 16.16.5.6");

        [Fact]
        public Task Masked_single_addresses_count_as_callback_ips() => VerifyFixAsync(
            Code(@"    static readonly string[] CallbackSources = {|RES4002:{ ""192.121.110.100/255.255.255.255"", ""13.50.187.51/255.255.255.255"" }|};"),
            Code(@"    static readonly string[] CallbackSources = { ""192.121.110.100/255.255.255.255"", ""13.50.187.51/255.255.255.255"", ""51.21.32.255/255.255.255.255"", ""51.21.206.32/255.255.255.255"", ""51.21.39.192/255.255.255.255"" };"));
    }
}
