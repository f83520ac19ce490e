using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Callbacks.CallbackUrlAnalyzer,
    Resurs.Analyzers.CodeFixes.Callbacks.CallbackUrlCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES1003")]
    public class RES1003InternalCallbackHostTests
    {
        private static string Code(string body) => CallbackTestCode.InClass(body);

        [Fact]
        public Task Localhost_gets_RES1003_alone_even_with_http_and_a_port() => Verify.VerifyAnalyzerAsync(
            Code(@"    void M(BookingRequest r) => r.CallbackUrl = {|#0:""http://localhost:5000/cb""|};"),
            Verify.Diagnostic("RES1003").WithLocation(0).WithArguments("http://localhost:5000/cb", "BookingRequest.CallbackUrl", "localhost", "a name for the local machine", ""));

        [Fact]
        public Task Internal_names_are_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(BookingRequest r, ConfigurationService service)
    {
        r.CallbackUrl = {|RES1003:""https://billing/cb""|};
        r.SuccessUrl = {|RES1003:""https://shop.local/ok""|};
        r.FailUrl = {|RES1003:""https://host.docker.internal:8443/fail""|};
        service.registerEventCallback(""BOOKED"", {|RES1003:""https://payments.shop.svc.cluster.local/booked""|}, null, null);
        service.registerEventCallback(""TEST"", {|RES1003:""https://dev.shop.localhost/test""|}, null, null);
        var callbackUrl = {|RES1003:""https://shop.corp/resurs""|};
        var hook = new CallbackUrl({|RES1003:""https://box.tail42.ts.net/cb""|});
    }"));

        [Fact]
        public Task A_host_followed_by_an_unknown_path_is_still_judged() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(BookingRequest r, string path, string suffix)
    {
        r.CallbackUrl = {|RES1003:""http://localhost:5000""|} + path;
        r.SuccessUrl = {|RES1003:""http://localhost""|} + path;
        r.FailUrl = ""https://shop"" + suffix + ""/fail"";
        r.CallbackUri = new UriBuilder(""http"", {|RES1003:""localhost""|}, 5000).Uri;
    }"));

        [Fact]
        public Task Bind_addresses_lookalikes_and_placeholders_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(BookingRequest r)
    {
        var listen = ""http://localhost:5000"";
        r.HealthCheckUrl = ""http://localhost/health"";
        r.CallbackUrl = ""https://localhost.evil.com/cb"";
        r.SuccessUrl = ""https://mylocalhost.com/ok"";
        r.FailUrl = ""https://shop.example.com/fail"";
        r.NotifyEmail = ""ops@shop.local"";
        r.CallbackUri = new Uri(""/resurs/callback"", UriKind.Relative);
    }"));

        [Fact]
        public Task Internal_host_suffixes_option_adds_suffixes() => Verify.VerifyAnalyzerAsync(
            Code(@"    void M(BookingRequest r) => r.CallbackUrl = {|RES1003:""https://shop.intra.nordicgear.se/cb""|};"),
            "resurs_analyzers.internal_host_suffixes = intra.nordicgear.se, *.lab");

        [Fact]
        public Task Allowed_hosts_option_accepts_hosts() => Verify.VerifyAnalyzerAsync(
            Code(@"    void M(BookingRequest r) { r.CallbackUrl = ""https://billing/cb""; r.SuccessUrl = ""https://shop.lab.local/ok""; }"),
            "resurs_analyzers.allowed_hosts = billing, *.lab.local");

        [Fact]
        public Task Fix_uses_public_base_url() => Verify.VerifyCodeFixAsync(
            Code(@"    void M(BookingRequest r) => r.CallbackUrl = {|RES1003:""http://localhost:5000/resurs/cb""|};"),
            Code(@"    void M(BookingRequest r) => r.CallbackUrl = ""https://staging.shop.nordicgear.se/resurs/cb"";"),
            EquivalenceKeys.CallbackUrl("RES1003"),
            "resurs_analyzers.public_base_url = https://staging.shop.nordicgear.se");

        [Fact]
        public Task Test_projects_are_silent_unless_test_code_is_report()
        {
            var silent = new Verify.Test(Code(@"    void M(BookingRequest r) => r.CallbackUrl = ""http://localhost/cb"";"));
            silent.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            var reported = new Verify.Test(Code(@"    void M(BookingRequest r) => r.CallbackUrl = {|RES1003:""http://localhost/cb""|};"), "resurs_analyzers.test_code = report");
            reported.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return Task.WhenAll(silent.RunAsync(), reported.RunAsync());
        }
    }
}
