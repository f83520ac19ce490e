using System.Threading.Tasks;
using Xunit;
using ConfigVerify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Configuration.ConfigFileAnalyzer,
    Resurs.Analyzers.CodeFixes.Configuration.ConfigFileCodeFixProvider>;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Callbacks.CallbackUrlAnalyzer,
    Resurs.Analyzers.CodeFixes.Callbacks.CallbackUrlCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    /// <summary>
    /// Success, back and fail URLs send the customer's browser back to the shop. RES1002–RES1005 still report them, with a
    /// message about the customer's return address instead of "Resurs sends callbacks only over HTTPS".
    /// </summary>
    [Trait("Rule", "RES1004")]
    public class CallbackReturnAddressTests
    {
        private static string Code(string body) => CallbackTestCode.InClass(body);

        [Fact]
        public Task Http_return_address_speaks_of_the_customers_browser() => Verify.VerifyAnalyzerAsync(
            Code(@"    void M(BookingRequest r) => r.SuccessUrl = {|#0:""http://shop.nordicgear.se/checkout/success""|};"),
            Verify.Diagnostic("RES1004").WithLocation(0).WithMessage(
                "'http://shop.nordicgear.se/checkout/success' is the customer's return address (BookingRequest.SuccessUrl) over plain http; the customer's browser comes back to the shop unencrypted"));

        [Fact]
        public Task Unreachable_return_address_speaks_of_the_customers_browser() => Verify.VerifyAnalyzerAsync(
            Code(@"
    void M(BookingRequest r)
    {
        r.FailUrl = {|#0:""https://10.0.0.5/checkout/fail""|};
        r.SuccessUrl = {|#1:""https://shop.lan/checkout/success""|};
    }"),
            Verify.Diagnostic("RES1002").WithLocation(0).WithMessage(
                "'https://10.0.0.5/checkout/fail' is the customer's return address (BookingRequest.FailUrl) but 10.0.0.5 is a private address that the customer's browser cannot reach from the internet"),
            Verify.Diagnostic("RES1003").WithLocation(1).WithArguments(
                "https://shop.lan/checkout/success", "BookingRequest.SuccessUrl", "shop.lan", "an internal-only name (.lan)", ""));

        [Fact]
        public Task Return_address_on_another_port_speaks_of_the_customers_network() => Verify.VerifyAnalyzerAsync(
            Code(@"    void M(string host) { var backUrl = {|#0:""https://shop.nordicgear.se:8443/checkout""|}; Send(backUrl); }
    void Send(string url) { }"),
            Verify.Diagnostic("RES1005").WithLocation(0).WithMessage(
                "'https://shop.nordicgear.se:8443/checkout' is the customer's return address (local 'backUrl') on port 8443; networks that allow only the standard HTTPS port keep the customer from getting back to the shop"));

        [Fact]
        public Task A_name_that_says_callback_keeps_the_callback_message() => Verify.VerifyAnalyzerAsync(
            @"
public class PaymentCallbacks { public string? SuccessCallbackUrl { get; set; } }
class C { void M(PaymentCallbacks c) => c.SuccessCallbackUrl = {|#0:""http://shop.nordicgear.se/cb/success""|}; }",
            Verify.Diagnostic("RES1004").WithLocation(0).WithMessage(
                "'http://shop.nordicgear.se/cb/success' is used as a callback URL (PaymentCallbacks.SuccessCallbackUrl) over plain http; Resurs sends callbacks only over HTTPS on port 443"));

        [Fact]
        public Task A_payload_keyed_in_a_dictionary_is_named_by_its_key() => Verify.VerifyAnalyzerAsync(
            @"
using System.Collections.Generic;
class BookingRequest { public Dictionary<string, object> Callbacks { get; set; } = new(); }
class C
{
    void M(BookingRequest r)
    {
        r.Callbacks = new Dictionary<string, object> { [""authorization""] = new { url = {|#0:""http://shop.nordicgear.se/cb""|} } };
        r.Callbacks[""management""] = new { url = {|#1:""http://shop.nordicgear.se/m""|} };
        r.Callbacks.Add(""booked"", new { url = {|#2:""http://shop.nordicgear.se/b""|} });
        r.Callbacks = new Dictionary<string, object> { { ""annulment"", new { url = {|#3:""http://shop.nordicgear.se/a""|} } } };

        // Look-alikes: a dictionary whose path names no callback.
        var images = new Dictionary<string, object>();
        images[""logo""] = new { url = ""http://localhost/logo.png"" };
        images.Add(""banner"", new { url = ""http://localhost/banner.png"" });
    }

    void Body(Dictionary<string, object> body) => body[""callbacks""] = new { booked = new { url = {|#4:""http://shop.nordicgear.se/k""|} } };
}

class PaymentNotifier
{
    public Dictionary<string, object> Notifications { get; } = new();

    // A channel word on the path outweighs a generic name, as a configuration section does.
    void M() => Notifications[""email""] = new { url = ""http://mailhog:8025"" };
}

class Endpoint { public string? Url { get; set; } }
class CallbackRegistration { public CallbackRegistration(Endpoint endpoint) { } }
class Registrations
{
    object M() => new CallbackRegistration(new Endpoint { Url = {|#5:""http://shop.nordicgear.se/r""|} });
}",
            Verify.Diagnostic("RES1004").WithLocation(0).WithMessage(Message("http://shop.nordicgear.se/cb", "Callbacks[\"authorization\"].url")),
            Verify.Diagnostic("RES1004").WithLocation(1).WithMessage(Message("http://shop.nordicgear.se/m", "Callbacks[\"management\"].url")),
            Verify.Diagnostic("RES1004").WithLocation(2).WithMessage(Message("http://shop.nordicgear.se/b", "Callbacks[\"booked\"].url")),
            Verify.Diagnostic("RES1004").WithLocation(3).WithMessage(Message("http://shop.nordicgear.se/a", "Callbacks[\"annulment\"].url")),
            Verify.Diagnostic("RES1004").WithLocation(4).WithMessage(Message("http://shop.nordicgear.se/k", "[\"callbacks\"].booked.url")),
            Verify.Diagnostic("RES1004").WithLocation(5).WithMessage(Message("http://shop.nordicgear.se/r", "Endpoint.Url")));

        private static string Message(string url, string sink) =>
            "'" + url + "' is used as a callback URL (" + sink + ") over plain http; Resurs sends callbacks only over HTTPS on port 443";

        [Fact]
        public Task Return_members_of_an_anonymous_payload_are_return_addresses() => Verify.VerifyAnalyzerAsync(
            @"
class PaymentRequest
{
    void M() => Send(new { redirectionUrls = new { successUrl = {|#0:""http://shop.nordicgear.se/ok""|} }, callbacks = new { booked = new { url = {|#1:""http://shop.nordicgear.se/cb""|} } } });
    void Send(object payload) { }
}",
            Verify.Diagnostic("RES1004").WithLocation(0).WithArguments("http://shop.nordicgear.se/ok", "redirectionUrls.successUrl", ""),
            Verify.Diagnostic("RES1004").WithLocation(1).WithMessage(
                "'http://shop.nordicgear.se/cb' is used as a callback URL (callbacks.booked.url) over plain http; Resurs sends callbacks only over HTTPS on port 443"));

        /// <summary>
        /// A generic name ("NotificationServiceUrl", "DeliveryReportHook") or a webhook ("SlackWebhookUrl", Teams's
        /// "IncomingWebhookUrl") in a mail, SMS or chat options, settings or client type, or configuration section, is that
        /// channel's address, even in a payments namespace; "CallbackUrl" stays a callback anywhere, "push" is a payment provider's word, and a method that mentions mail
        /// (pay by link) does not make the payload it sends to Resurs a mail address.
        /// </summary>
        [Fact]
        public async Task Notification_addresses_of_mail_sms_and_chat_services_are_not_callbacks()
        {
            await Verify.VerifyAnalyzerAsync(@"
namespace Shop.Payments
{
    public class MailOptions { public string NotificationServiceUrl { get; set; } = ""http://localhost:8025""; }
    public class SmsSettings { public string DeliveryReportHook { get; set; } = ""http://sms.shop.internal/hook""; }
    public class PaymentOptions { public string NotificationUrl { get; set; } = {|RES1004:""http://shop.nordicgear.se/resurs/notification""|}; }
    public class SmtpOptions { public string CallbackUrl { get; set; } = {|RES1004:""http://shop.nordicgear.se/resurs/cb""|}; }
    public class SlackOptions { public string WebhookUrl { get; set; } = ""http://chat.nordicgear.lan/hooks/a""; }
    public class OpsChatOptions { public string SlackWebhookUrl { get; set; } = ""http://chat.nordicgear.lan/hooks/p""; }
    public class TeamsOptions { public string IncomingWebhookUrl { get; set; } = ""http://teams.nordicgear.lan/hooks/b""; }
    public class AlertSettings { public string TeamsWebhookUrl { get; set; } = ""http://teams.nordicgear.lan/hooks/c""; }
    public class ResursWebhookOptions { public string WebhookUrl { get; set; } = {|RES1004:""http://shop.nordicgear.se/resurs/webhook""|}; }
    public class GoogleChatOptions { public string WebhookUrl { get; set; } = ""http://chat.nordicgear.lan/g""; }
    public class TeamsPlanFeatures { public string WebhookUrl { get; set; } = {|RES1004:""http://shop.nordicgear.se/resurs/webhook""|}; }
    public class ResursOptions { public string PushNotificationUrl { get; set; } = {|RES1004:""http://shop.nordicgear.se/resurs/push""|}; }
    public class PayByLink
    {
        public object SendPaymentLinkByEmail() => new { redirectionUrls = new { successUrl = {|RES1004:""http://shop.nordicgear.se/ok""|} } };
    }
}
");

            var test = new ConfigVerify.Test("class Program { }");
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", @"{
  ""Payments"": {
    ""Email"": { ""NotificationUrl"": ""http://localhost:8025"" },
    ""NotificationUrl"": {|RES1004:""http://shop.nordicgear.se/resurs/notification""|}
  },
  ""OpsChat"": { ""SlackWebhookUrl"": ""http://chat.nordicgear.lan/hooks/p"" },
  ""Slack"": { ""WebhookUrl"": ""http://chat.nordicgear.lan/hooks/a"" },
  ""Resurs"": { ""WebhookUrl"": {|RES1004:""http://shop.nordicgear.se/resurs/webhook""|} }
}"));
            await test.RunAsync();
        }

        [Fact]
        public Task Configuration_return_addresses_get_the_return_message()
        {
            var test = new ConfigVerify.Test("class Program { }");
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", @"{
  ""Resurs"": {
    ""CallbackUrl"": {|#0:""http://shop.nordicgear.se/cb""|},
    ""BackUrl"": {|#1:""http://shop.nordicgear.se/checkout""|}
  }
}"));
            test.ExpectedDiagnostics.Add(ConfigVerify.Diagnostic("RES1004").WithLocation(0).WithMessage(
                "'http://shop.nordicgear.se/cb' is used as a callback URL (Resurs:CallbackUrl) over plain http; Resurs sends callbacks only over HTTPS on port 443"));
            test.ExpectedDiagnostics.Add(ConfigVerify.Diagnostic("RES1004").WithLocation(1).WithMessage(
                "'http://shop.nordicgear.se/checkout' is the customer's return address (Resurs:BackUrl) over plain http; the customer's browser comes back to the shop unencrypted"));
            return test.RunAsync();
        }
    }
}
