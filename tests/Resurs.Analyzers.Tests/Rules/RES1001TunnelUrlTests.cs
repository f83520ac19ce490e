using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Callbacks.CallbackUrlAnalyzer,
    Resurs.Analyzers.CodeFixes.Callbacks.CallbackUrlCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES1001")]
    public class RES1001TunnelUrlTests
    {
        private static string Code(string body) => @"
using System;

class Settings
{
" + body + @"
}
";

        [Fact]
        public Task Tunnel_message_names_the_service() => Verify.VerifyAnalyzerAsync(
            Code(@"    const string Cb = {|#0:""https://abc123.ngrok-free.app/resurs/callback""|};"),
            Verify.Diagnostic("RES1001").WithLocation(0).WithArguments(
                "https://abc123.ngrok-free.app/resurs/callback",
                "ngrok (abc123.ngrok-free.app), a tunnel service that Resurs's firewall blocks; tunnel URLs never belong in shipped code",
                ""));

        [Fact]
        public Task Capture_services_get_their_own_message() => Verify.VerifyAnalyzerAsync(
            Code(@"    string Cb = {|#0:""https://webhook.site/6f1c2f3e-1111-2222-3333-444455556666""|};"),
            Verify.Diagnostic("RES1001").WithLocation(0).WithArguments(
                "https://webhook.site/6f1c2f3e-1111-2222-3333-444455556666",
                "webhook.site (webhook.site), a request-capture service: callbacks would land in a stranger's inbox (Resurs's own examples use webhook.site only as a placeholder)",
                ""));

        [Fact]
        public Task Every_form_is_reported_anywhere_in_code() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(string id)
    {
        var a = {|RES1001:""https://shop.eu.ngrok.io""|};
        var b = {|RES1001:""shop-demo.loca.lt""|};
        var c = {|RES1001:$""https://{id}.trycloudflare.com/cb""|};
        var d = {|RES1001:$""https://{id}.ngrok.app""|};
        var e = new Uri({|RES1001:""http://x.serveo.net:8080/cb""|});
        var f = {|RES1001:""https://HOOK.SMEE.IO/abc""|};
        var g = {|RES1001:""Callback set to https://demo-5000.euw.devtunnels.ms/cb for now""|};
        var h = new UriBuilder(""https"", {|RES1001:""abc.lhr.life""|}).Uri;
        var i = {|RES1001:""https://user@abc.pinggy.link:443/""|};
    }"));

        [Fact]
        public Task Lookalikes_comments_and_documentation_sites_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    // https://abc.ngrok.io/cb
    /// <summary>See https://abc.loca.lt</summary>
    void M()
    {
        var a = ""https://notngrok.io/x"";
        var b = ""https://ngrok.com/docs"";
        var c = ""ngrok.io is blocked by Resurs"";
        var d = ""https://webhook.sites.example.com/x"";
        var e = ""shop.nordicgear.se"";
        var f = ""version 1.2.3.4"";
    }"));

        [Fact]
        public Task Detection_code_and_block_lists_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string[] Blocked = { ""ngrok.io"", ""loca.lt"", ""webhook.site"" };

    bool IsTunnel(string host) =>
        host == ""webhook.site"" || host.EndsWith(""ngrok-free.app"", StringComparison.Ordinal) || host is ""smee.io"";

    string Kind(string host)
    {
        switch (host)
        {
            case ""ngrok.io"": return ""tunnel"";
            default: return ""other"";
        }
    }"));

        [Fact]
        public Task Constant_concatenation_is_not_detection_code() => Verify.VerifyAnalyzerAsync(
            Code(@"    const string Cb = ""https://"" + {|RES1001:""abc.ngrok.io""|} + ""/cb"";"));

        [Fact]
        public Task Other_capture_services_do_not_mention_Resurs_examples() => Verify.VerifyAnalyzerAsync(
            Code(@"    string Cb = {|#0:""https://shop.free.beeceptor.com/cb""|};"),
            Verify.Diagnostic("RES1001").WithLocation(0).WithArguments(
                "https://shop.free.beeceptor.com/cb",
                "Beeceptor (shop.free.beeceptor.com), a request-capture service: callbacks would land in a stranger's inbox",
                ""));

        [Fact]
        public Task Tunnel_domains_option_adds_domains() => Verify.VerifyAnalyzerAsync(
            Code(@"    const string Cb = {|RES1001:""https://shop.tunnel.nordicgear.dev/cb""|};"),
            "resurs_analyzers.tunnel_domains = tunnel.nordicgear.dev");

        [Fact]
        public Task Test_projects_are_silent_by_default()
        {
            var test = new Verify.Test(Code(@"    const string Cb = ""https://abc.ngrok.io/cb"";"));
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_uses_public_base_url() => Verify.VerifyCodeFixAsync(
            Code(@"    const string Cb = {|RES1001:""https://abc123.ngrok-free.app/resurs/callback?x=1""|};"),
            Code(@"    const string Cb = ""https://staging.shop.nordicgear.se/resurs/callback?x=1"";"),
            EquivalenceKeys.CallbackUrl("RES1001"),
            "resurs_analyzers.public_base_url = https://staging.shop.nordicgear.se");
    }
}
