using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Callbacks.CallbackUrlAnalyzer,
    Resurs.Analyzers.CodeFixes.Callbacks.CallbackUrlCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES1002")]
    public class RES1002NonPublicCallbackAddressTests
    {
        private static string Code(string body) => CallbackTestCode.InClass(body);

        [Fact]
        public Task Constant_arguments_of_a_composite_format_are_part_of_the_value() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(BookingRequest r, string host, int id)
    {
        r.CallbackUrl = string.Format(""https://{0}/cb"", {|RES1002:""10.0.0.7""|});
        r.CallbackUrl = string.Format(""https://{0}/cb/{1}"", new object[] { {|RES1002:""192.168.1.20""|}, id });

        // Look-alikes: a public host, an argument we cannot see, a placeholder with a format.
        r.CallbackUrl = string.Format(""https://{0}/cb"", ""shop.nordicgear.se"");
        r.CallbackUrl = string.Format(""https://{0}/cb"", host);
        r.CallbackUrl = string.Format(""https://{0,20}/cb"", ""10.0.0.7"");
    }"));

        [Fact]
        public Task Message_names_the_url_the_use_and_the_address() => Verify.VerifyAnalyzerAsync(
            Code(@"    BookingRequest M() => new BookingRequest { CallbackUrl = {|#0:""http://10.0.0.5/cb""|} };"),
            Verify.Diagnostic("RES1002").WithLocation(0).WithArguments("http://10.0.0.5/cb", "BookingRequest.CallbackUrl", "10.0.0.5", "a private address", ""));

        [Fact]
        public Task Every_callback_form_is_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    const string Local = {|RES1002:""https://192.168.1.20/resurs/booked?paymentId={paymentId}""|};

    void M(BookingRequest request, ConfigurationService service, IDictionary<string, string> settings)
    {
        request.SuccessUrl = {|RES1002:""https://127.0.0.1:5001/success""|};
        request.CallbackUri = new Uri({|RES1002:""http://2130706433/cb""|});
        service.registerEventCallback(""BOOKED"", Local, null, null);
        service.registerEventCallback(""UNFREEZE"", Local, null, null);
        service.SetWebhook(new Uri({|RES1002:""https://[::1]:8443/hook""|}));
        var payload = new { callbacks = new { authorization = new { url = {|RES1002:""https://172.20.1.4/auth""|} } } };
        settings[""paymentCreatedCallbackUrl""] = {|RES1002:""https://169.254.10.10/created""|};
        var body = new Dictionary<string, string> { { ""backUrl"", {|RES1002:""https://100.64.3.3/back""|} } };
        var callback = new CallbackUrl({|RES1002:""https://10-0-0-5.nip.io/cb""|});
        var failUrl = {|RES1002:""https://[fd12::7]/fail""|};
        request.FailUrl = failUrl;
    }"));

        [Fact]
        public Task Values_are_traced_through_concatenation_interpolation_and_fields() => Verify.VerifyAnalyzerAsync(Code(@"
    static readonly string Base = {|RES1002:""https://10.1.2.3""|};
    const string Path = ""/resurs/callback"";

    void M(BookingRequest request, string orderId)
    {
        request.CallbackUrl = Base + Path + ""?order="" + orderId;
        request.SuccessUrl = $""{Base}/success/{orderId}"";
        request.FailUrl = string.Format({|RES1002:""https://192.168.0.2/fail/{0}""|}, orderId);
    }"));

        [Fact]
        public Task Private_addresses_that_are_not_callbacks_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(BookingRequest request, ConfigurationService service)
    {
        var database = ""http://10.0.0.5:5432"";
        var seq = new Uri(""http://10.0.0.9:5341"");
        request.HealthCheckUrl = ""http://10.0.0.5/health"";
        request.OrderReference = ""10.0.0.5"";
        service.Send(""http://10.0.0.5/metrics"");
        request.CallbackUrl = ""https://192.121.110.100/cb"";
        request.SuccessUrl = ""https://8-8-8-8.nip.io/ok"";
        // request.CallbackUrl = ""http://10.0.0.5/cb"";
    }"));

        [Fact]
        public Task Fix_uses_public_base_url_keeping_path_and_query() => Verify.VerifyCodeFixAsync(
            Code(@"    void M(BookingRequest r) { r.CallbackUrl = {|RES1002:""http://10.0.0.5:8080/resurs/cb?id={paymentId}""|}; r.SuccessUrl = {|RES1002:""https://127.0.0.1/ok""|}; }"),
            Code(@"    void M(BookingRequest r) { r.CallbackUrl = ""https://staging.shop.nordicgear.se/resurs/cb?id={paymentId}""; r.SuccessUrl = ""https://staging.shop.nordicgear.se/ok""; }"),
            EquivalenceKeys.CallbackUrl("RES1002"),
            "resurs_analyzers.public_base_url = https://staging.shop.nordicgear.se/");

        [Fact]
        public Task No_fix_without_public_base_url()
        {
            var source = Code(@"    void M(BookingRequest r) => r.CallbackUrl = {|RES1002:""http://10.0.0.5/cb""|};");
            return Verify.VerifyCodeFixAsync(source, source);
        }
    }
}
