using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Callbacks.CallbackUrlAnalyzer,
    Resurs.Analyzers.CodeFixes.Callbacks.CallbackUrlCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES1004")]
    public class RES1004InsecureCallbackSchemeTests
    {
        private static string Code(string body) => CallbackTestCode.InClass(body, @"using System.Xml.Serialization;

[XmlType(Namespace = ""http://ecommerce.resurs.com/v4/msg/shopflow"")]
public class BookPayment
{
    public string? Ns = ""http://ecommerce.resurs.com/v4/types"";
}

");

        [Fact]
        public Task Message_says_what_Resurs_requires() => Verify.VerifyAnalyzerAsync(
            Code(@"    void M(BookingRequest r) => r.CallbackUrl = {|#0:""http://shop.nordicgear.se/resurs/cb""|};"),
            Verify.Diagnostic("RES1004").WithLocation(0).WithArguments("http://shop.nordicgear.se/resurs/cb", "BookingRequest.CallbackUrl", ""));

        [Fact]
        public Task Scheme_in_every_shape_is_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(BookingRequest r, ConfigurationService service, string host, string id)
    {
        r.CallbackUrl = {|RES1004:""http://""|} + host + ""/resurs/cb"";
        r.SuccessUrl = {|RES1004:$""http://{host}/success/{id}""|};
        r.FailUrl = string.Format({|RES1004:""HTTP://{0}/fail""|}, host);
        r.CallbackUri = new UriBuilder { Scheme = {|RES1004:""http""|}, Host = host, Path = ""/cb"" }.Uri;
        service.SetWebhook(new UriBuilder({|RES1004:Uri.UriSchemeHttp|}, host).Uri);
        service.registerEventCallback(""BOOKED"", {|RES1004:""http://shop.nordicgear.se/booked/{paymentId}/{digest}""|}, null, null);
    }"));

        [Fact]
        public Task Namespaces_bind_addresses_health_checks_and_non_urls_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    void M(BookingRequest r, ConfigurationService service, string host)
    {
        var urls = ""http://+:5000;http://localhost:5001"";
        r.HealthCheckUrl = ""http://shop.nordicgear.se/health"";
        r.NotifyEmail = ""payments@shop.nordicgear.se"";
        r.CallbackUrl = ""https://shop.nordicgear.se/resurs/cb"";
        r.SuccessUrl = ""/checkout/success"";
        r.FailUrl = host;
        service.Send(""http://shop.nordicgear.se/telemetry"");
        var connection = ""Server=db;Database=shop;User Id=app;Password=x"";
    }"));

        [Fact]
        public Task Url_patterns_in_regular_expressions_are_not_urls_and_schemes_from_holes_are() => Verify.VerifyAnalyzerAsync(Code(@"
    static bool IsAbsolute(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, @""^(https?)://[^/]+"") || System.Text.RegularExpressions.Regex.IsMatch(value, @""^\w*://|^[a-z]?://"");

    static string Strip(string value) => System.Text.RegularExpressions.Regex.Replace(value, @""((^|\b)(\w*)://)"", string.Empty);

    void M(BookingRequest r, string url, string host)
    {
        const string scheme = {|RES1004:""http""|};
        if (IsAbsolute(url))
        {
            r.CallbackUrl = Strip(url);
        }

        r.FailUrl = $""{scheme}://{host}/resurs/fail"";
    }"));

        [Fact]
        public Task Framework_members_are_not_callbacks() => Verify.VerifyAnalyzerAsync(Code(@"
    void M()
    {
        var properties = new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = ""http://localhost:5000/signin"" };
        properties.RedirectUri = ""http://shop.nordicgear.se/after-login"";
    }"));

        [Fact]
        public Task Development_only_code_is_reported_with_a_note() => Verify.VerifyAnalyzerAsync(
            Code(@"
    void M(BookingRequest r, Microsoft.AspNetCore.Hosting.IWebHostEnvironment env)
    {
        if (Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsDevelopment(env))
        {
            r.CallbackUrl = {|#0:""http://shop.nordicgear.se/cb""|};
        }
    }"),
            Verify.Diagnostic("RES1004").WithLocation(0).WithArguments(
                "http://shop.nordicgear.se/cb", "BookingRequest.CallbackUrl", " (in development-only code, which Resurs cannot reach from any environment either)"));

        [Fact]
        public Task Development_code_skip_silences_development_only_code() => Verify.VerifyAnalyzerAsync(
            Code(@"
    void M(BookingRequest r, Microsoft.AspNetCore.Hosting.IWebHostEnvironment env)
    {
        if (Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsDevelopment(env))
        {
            r.CallbackUrl = ""http://shop.nordicgear.se/cb"";
        }
        else
        {
            r.CallbackUrl = {|RES1004:""http://shop.nordicgear.se/prod-cb""|};
        }
    }"),
            "resurs_analyzers.development_code = skip");

        [Fact]
        public Task Callback_names_option_adds_and_replaces_names() => Task.WhenAll(
            Verify.VerifyAnalyzerAsync(
                Code(@"    void M() { var pingBackAddress = {|RES1004:""http://shop.nordicgear.se/ping""|}; var callbackUrl = {|RES1004:""http://shop.nordicgear.se/cb""|}; }"),
                "resurs_analyzers.callback_names = ping back"),
            Verify.VerifyAnalyzerAsync(
                Code(@"    void M() { var pingBackAddress = {|RES1004:""http://shop.nordicgear.se/ping""|}; var callbackUrl = ""http://shop.nordicgear.se/cb""; }"),
                "resurs_analyzers.callback_names = -defaults, ping back"),

            // Listing "webhook" again, in any spelling, keeps it the word a chat service's type outweighs.
            Verify.VerifyAnalyzerAsync(
                Code(@"    class SlackOptions { public string WebhookUrl { get; set; } = ""http://chat.nordicgear.lan/hooks/a""; }
    void M() { var webhookUrl = {|RES1004:""http://shop.nordicgear.se/hook""|}; }"),
                "resurs_analyzers.callback_names = Webhooks, web-hook"));

        [Fact]
        public Task Values_in_field_and_property_initializers_are_followed_to_their_uses_in_the_file() => Verify.VerifyAnalyzerAsync(Code(@"
    const string SiteRoot = {|RES1004:""http://shop.nordicgear.se""|};
    const string Hook = SiteRoot + ""/resurs/cb"";
    static string Success { get; } = {|RES1004:""http://shop.nordicgear.se/ok""|};
    static readonly BookingRequest Defaults = new BookingRequest { FailUrl = {|RES1004:""http://shop.nordicgear.se/fail""|} };
    static readonly string Api = ""http://api.nordicgear.se/"";

    void M(BookingRequest r, System.Net.Http.HttpClient client)
    {
        r.CallbackUrl = Hook;
        r.SuccessUrl = Success;
        client.BaseAddress = new Uri(Api);
    }"));

        [Fact]
        public Task Fix_switches_to_https_everywhere() => Verify.VerifyCodeFixAsync(
            Code(@"
    const string Base = {|RES1004:""http://shop.nordicgear.se""|};

    void M(BookingRequest r, ConfigurationService service, string host, string id)
    {
        r.CallbackUrl = Base + ""/cb"";
        r.SuccessUrl = {|RES1004:$""http://{host}/success/{id}""|};
        r.FailUrl = {|RES1004:""http://""|} + host;
        r.CallbackUri = new UriBuilder { Scheme = {|RES1004:""http""|}, Host = host }.Uri;
        service.SetWebhook(new UriBuilder({|RES1004:Uri.UriSchemeHttp|}, host).Uri);
    }"),
            Code(@"
    const string Base = ""https://shop.nordicgear.se"";

    void M(BookingRequest r, ConfigurationService service, string host, string id)
    {
        r.CallbackUrl = Base + ""/cb"";
        r.SuccessUrl = $""https://{host}/success/{id}"";
        r.FailUrl = ""https://"" + host;
        r.CallbackUri = new UriBuilder { Scheme = ""https"", Host = host }.Uri;
        service.SetWebhook(new UriBuilder(Uri.UriSchemeHttps, host).Uri);
    }"),
            EquivalenceKeys.CallbackUrl("RES1004"));
    }
}
