using System.Threading.Tasks;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Network.ForwardedHeadersAnalyzer>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES4005")]
    public class RES4005ForwardedHeadersTrustAllTests
    {
        private const string Cleared = "KnownNetworks and KnownProxies are both cleared while X-Forwarded-For is processed";

        private static string Code(string body) => @"
using System;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using IPNetwork = Microsoft.AspNetCore.HttpOverrides.IPNetwork;

static class Startup
{
" + body + @"
}
";

        [Fact]
        public Task Clearing_both_lists_is_reported_at_the_second_clear() => Verify.VerifyAnalyzerAsync(
            Code(@"
    static void Configure(IServiceCollection services) => services.Configure<ForwardedHeadersOptions>(options =>
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownNetworks.Clear();
        {|#0:options.KnownProxies.Clear()|};
    });"),
            Verify.Diagnostic("RES4005").WithLocation(0).WithArguments(Cleared));

        [Fact]
        public Task Every_form_is_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    static void Proxies(IServiceCollection services) => services.Configure<ForwardedHeadersOptions>(o =>
    {
        o.KnownProxies.Clear();
        {|RES4005:o.KnownNetworks.Clear()|};
    });

    static void Local(WebApplication app)
    {
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.All, ForwardLimit = null };
        forwarded.KnownNetworks.Clear();
        {|#0:forwarded.KnownProxies.Clear()|};
        app.UseForwardedHeaders(forwarded);
    }

    static void TrustAll(IServiceCollection services) => services.Configure<ForwardedHeadersOptions>(o =>
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
        {|#1:o.KnownNetworks.Add(IPNetwork.Parse(""::/0""))|};
    });

    static ForwardedHeadersOptions Initializer() => new ForwardedHeadersOptions
    {
        ForwardedHeaders = ForwardedHeaders.XForwardedFor,
        KnownNetworks = { {|#2:new IPNetwork(IPAddress.Any, 0)|} },
    };"),
            Verify.Diagnostic("RES4005").WithLocation(0).WithArguments("KnownNetworks and KnownProxies are both cleared and ForwardLimit is null while X-Forwarded-For is processed"),
            Verify.Diagnostic("RES4005").WithLocation(1).WithArguments("KnownNetworks trusts ::/0 while X-Forwarded-For is processed"),
            Verify.Diagnostic("RES4005").WithLocation(2).WithArguments("KnownNetworks trusts 0.0.0.0/0 while X-Forwarded-For is processed"));

        [Fact]
        public Task The_environment_switch_is_reported() => Verify.VerifyAnalyzerAsync(
            Code(@"
    static void Main(string[] args)
    {
        {|#0:Environment.SetEnvironmentVariable(""ASPNETCORE_FORWARDEDHEADERS_ENABLED"", ""true"")|};
        var builder = WebApplication.CreateBuilder(args);
        {|#1:builder.WebHost.UseSetting(""FORWARDEDHEADERS_ENABLED"", ""True"")|};
        {|#2:builder.Configuration[""FORWARDEDHEADERS_ENABLED""] = ""true""|};
    }"),
            Verify.Diagnostic("RES4005").WithLocation(0).WithArguments("ASPNETCORE_FORWARDEDHEADERS_ENABLED=true turns on the forwarded-headers middleware for X-Forwarded-For with KnownNetworks and KnownProxies cleared"),
            Verify.Diagnostic("RES4005").WithLocation(1).WithArguments("FORWARDEDHEADERS_ENABLED=true turns on the forwarded-headers middleware for X-Forwarded-For with KnownNetworks and KnownProxies cleared"),
            Verify.Diagnostic("RES4005").WithLocation(2).WithArguments("FORWARDEDHEADERS_ENABLED=true turns on the forwarded-headers middleware for X-Forwarded-For with KnownNetworks and KnownProxies cleared"));

        [Fact]
        public Task The_environment_switch_in_lower_case_is_reported() => Verify.VerifyAnalyzerAsync(
            Code(@"
    static void Main(string[] args)
    {
        {|#0:Environment.SetEnvironmentVariable(""aspnetcore_forwardedheaders_enabled"", ""true"")|};
    }"),
            Verify.Diagnostic("RES4005").WithLocation(0).WithArguments("aspnetcore_forwardedheaders_enabled=true turns on the forwarded-headers middleware for X-Forwarded-For with KnownNetworks and KnownProxies cleared"));

        [Fact]
        public Task Listing_the_real_proxies_is_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    static void Configure(IServiceCollection services) => services.Configure<ForwardedHeadersOptions>(options =>
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
        options.KnownNetworks.Clear();
        options.KnownProxies.Clear();
        options.KnownNetworks.Add(new IPNetwork(IPAddress.Parse(""10.0.0.0""), 8));
        options.KnownProxies.Add(IPAddress.Parse(""10.0.0.4""));
    });"));

        [Fact]
        public Task Other_settings_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    static void ProtoOnly(IServiceCollection services) => services.Configure<ForwardedHeadersOptions>(options =>
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedProto;
        options.KnownNetworks.Clear();
        options.KnownProxies.Clear();
    });

    static void OneList(IServiceCollection services) => services.Configure<ForwardedHeadersOptions>(options =>
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
        options.KnownNetworks.Clear();
    });

    static void TwoObjects(ForwardedHeadersOptions a, ForwardedHeadersOptions b)
    {
        a.KnownNetworks.Clear();
        b.KnownProxies.Clear();
        a.KnownNetworks.Add(IPNetwork.Parse(""10.0.0.0/8""));
    }

    static void Switches()
    {
        Environment.SetEnvironmentVariable(""ASPNETCORE_FORWARDEDHEADERS_ENABLED"", ""false"");
        Environment.SetEnvironmentVariable(""ASPNETCORE_ENVIRONMENT"", ""true"");
        var enabled = Environment.GetEnvironmentVariable(""ASPNETCORE_FORWARDEDHEADERS_ENABLED"") == ""true"";
    }"));

        [Fact]
        public Task KnownIPNetworks_of_newer_aspnetcore_is_read()
        {
            var test = new Verify.Test(@"
namespace Microsoft.AspNetCore.Builder
{
    public class ForwardedHeadersOptions
    {
        public System.Collections.Generic.IList<System.Net.IPNetwork> KnownIPNetworks { get; } = new System.Collections.Generic.List<System.Net.IPNetwork>();
        public System.Collections.Generic.IList<System.Net.IPAddress> KnownProxies { get; } = new System.Collections.Generic.List<System.Net.IPAddress>();
    }
}

static class Startup
{
    static void Configure(Microsoft.AspNetCore.Builder.ForwardedHeadersOptions options)
    {
        options.KnownIPNetworks.Clear();
        {|#0:options.KnownProxies.Clear()|};
        {|#1:options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(""0.0.0.0/0""))|};
    }
}
");
            test.TestState.AdditionalReferences.Clear();
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RES4005").WithLocation(0).WithArguments("KnownIPNetworks and KnownProxies are both cleared while X-Forwarded-For is processed"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RES4005").WithLocation(1).WithArguments("KnownIPNetworks trusts 0.0.0.0/0 while X-Forwarded-For is processed"));
            return test.RunAsync();
        }

        [Fact]
        public Task Silent_in_test_projects_by_default()
        {
            var test = new Verify.Test(Code(@"
    static void Configure(ForwardedHeadersOptions options)
    {
        options.KnownNetworks.Clear();
        options.KnownProxies.Clear();
    }"));
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }
    }
}
