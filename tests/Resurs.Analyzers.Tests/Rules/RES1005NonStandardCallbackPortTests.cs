using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Callbacks.CallbackUrlAnalyzer,
    Resurs.Analyzers.CodeFixes.Callbacks.CallbackUrlCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES1005")]
    public class RES1005NonStandardCallbackPortTests
    {
        private static string Code(string body) => CallbackTestCode.InClass(body);

        [Fact]
        public Task Port_is_reported_with_its_number() => Verify.VerifyAnalyzerAsync(
            Code(@"    void M(BookingRequest r) => r.CallbackUrl = {|#0:""https://shop.nordicgear.se:8443/cb""|};"),
            Verify.Diagnostic("RES1005").WithLocation(0).WithArguments("https://shop.nordicgear.se:8443/cb", "BookingRequest.CallbackUrl", "8443", ""));

        [Fact]
        public Task Http_with_a_port_gets_both_rules_on_a_reachable_host() => Verify.VerifyAnalyzerAsync(
            Code(@"    void M(BookingRequest r) => r.CallbackUrl = {|#0:""http://shop.nordicgear.se:8080/cb""|};"),
            Verify.Diagnostic("RES1004").WithLocation(0).WithArguments("http://shop.nordicgear.se:8080/cb", "BookingRequest.CallbackUrl", ""),
            Verify.Diagnostic("RES1005").WithLocation(0).WithArguments("http://shop.nordicgear.se:8080/cb", "BookingRequest.CallbackUrl", "8080", ""));

        [Fact]
        public Task Unreachable_hosts_get_only_their_own_rule() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(BookingRequest r)
    {
        r.CallbackUrl = {|RES1002:""http://10.0.0.5:8080/cb""|};
        r.SuccessUrl = {|RES1001:""http://abc.ngrok.io:8080/ok""|};
        r.FailUrl = {|RES1003:""http://localhost:5000/fail""|};
    }"));

        [Fact]
        public Task Builder_ports_and_every_shape_are_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(BookingRequest r, ConfigurationService service, string id)
    {
        r.CallbackUri = new UriBuilder(""https"", ""shop.nordicgear.se"", {|RES1005:8443|}, ""/cb"").Uri;
        r.SuccessUrl = new UriBuilder(""https://shop.nordicgear.se/ok"") { Port = {|RES1005:9443|} }.ToString();
        r.FailUrl = new UriBuilder(""https"", ""shop.nordicgear.se"", {|RES1005:8444|}, ""/fail"").Uri.ToString();
        r.CallbackUrl = new UriBuilder(""https"", ""shop.nordicgear.se"", {|RES1005:8445|}, ""/cb"").Uri.AbsoluteUri;
        r.FailUrl = {|RES1005:$""https://shop.nordicgear.se:4443/fail/{id}""|};
        service.registerEventCallback(""BOOKED"", {|RES1005:""https://shop.nordicgear.se:8443/booked""|}, null, null);
    }"));

        [Fact]
        public Task Port_443_and_no_port_are_fine() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(BookingRequest r)
    {
        r.CallbackUrl = ""https://shop.nordicgear.se:443/cb"";
        r.SuccessUrl = ""https://shop.nordicgear.se/ok"";
        r.CallbackUri = new UriBuilder(""https"", ""shop.nordicgear.se"", 443).Uri;
        r.HealthCheckUrl = ""https://shop.nordicgear.se:8443/health"";
    }"));

        [Fact]
        public Task A_port_written_after_a_host_we_cannot_see_is_judged_and_fixed() => Verify.VerifyCodeFixAsync(
            Code(@"
    void M(BookingRequest r, string host, string tenant)
    {
        r.CallbackUrl = {|RES1005:$""https://{host}:8443/cb""|};
        r.CallbackUrl = ""https://"" + host + {|RES1005:"":8443/cb""|};
        r.CallbackUrl = {|RES1005:$""https://{tenant}.nordicgear.se:8443/cb""|};
        r.CallbackUrl = {|RES1004:{|RES1005:$""http://{Environment.MachineName}:5080/cb""|}|};
" + PortLookAlikes),
            Code(@"
    void M(BookingRequest r, string host, string tenant)
    {
        r.CallbackUrl = $""https://{host}/cb"";
        r.CallbackUrl = ""https://"" + host + ""/cb"";
        r.CallbackUrl = $""https://{tenant}.nordicgear.se/cb"";
        r.CallbackUrl = $""https://{Environment.MachineName}/cb"";
" + PortLookAlikes));

        /// <summary>Ports after a hole that are not judged: 443, digits another hole may lengthen, a colon in the path, none, placeholder and internal hosts.</summary>
        private const string PortLookAlikes = @"
        r.CallbackUrl = $""https://{host}:443/cb"";
        r.CallbackUrl = $""https://{host}:80{tenant}/cb"";
        r.CallbackUrl = $""https://{host}/cb:8443"";
        r.CallbackUrl = $""https://{host}/cb"";
        r.CallbackUrl = $""https://{tenant}.example.com:8443/cb"";
        r.CallbackUrl = $""https://{tenant}.default.svc.cluster.local:8443/cb"";
    }";

        [Fact]
        public Task Fix_removes_the_port_keeping_path_and_query() => Verify.VerifyCodeFixAsync(
            Code(@"
    void M(BookingRequest r, string id)
    {
        r.CallbackUrl = {|RES1005:""https://shop.nordicgear.se:8443/cb?paymentId={paymentId}""|};
        r.FailUrl = {|RES1005:$""https://shop.nordicgear.se:4443/fail/{id}""|};
        r.CallbackUri = new UriBuilder(""https"", ""shop.nordicgear.se"", {|RES1005:8443|}, ""/cb"").Uri;
    }"),
            Code(@"
    void M(BookingRequest r, string id)
    {
        r.CallbackUrl = ""https://shop.nordicgear.se/cb?paymentId={paymentId}"";
        r.FailUrl = $""https://shop.nordicgear.se/fail/{id}"";
        r.CallbackUri = new UriBuilder(""https"", ""shop.nordicgear.se"", -1, ""/cb"").Uri;
    }"),
            EquivalenceKeys.CallbackUrl("RES1005"));
    }
}
