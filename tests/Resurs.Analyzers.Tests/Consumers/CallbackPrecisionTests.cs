using System.Threading.Tasks;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Callbacks.CallbackUrlAnalyzer,
    Resurs.Analyzers.CodeFixes.Callbacks.CallbackUrlCodeFixProvider>;
using VerifyConfig = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Configuration.ConfigFileAnalyzer,
    Resurs.Analyzers.CodeFixes.Configuration.ConfigFileCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Consumers
{
    /// <summary>
    /// The false reports found on public repositories, each as a silent look-alike next to the real risk it resembles: a
    /// URL is a callback when a specific name says so, or a generic name ("notification", "return url") sits in a payment
    /// context; sign-in redirects and URLs the application only calls out to are never callbacks.
    /// </summary>
    public class CallbackPrecisionTests
    {
        [Fact]
        public Task An_application_notification_service_is_not_a_callback_but_a_payment_notification_is() => Verify.VerifyAnalyzerAsync(@"
namespace Contoso.Notifications
{
    public sealed class AppSettings
    {
        public string NotificationServiceUrl { get; set; } = ""http://localhost:5005"";
        public string NotificationUrl { get; set; } = ""http://notifications.internal/api"";
    }

    public sealed class Notification
    {
        public string? Title { get; set; }
        public string? Link { get; set; }

        public static Notification OrderShipped() => new Notification { Title = ""Shipped"", Link = ""http://intranet/orders/1"" };
    }
}

namespace NordicGear.Payments
{
    public sealed class ResursPaymentOptions
    {
        public string NotificationUrl { get; set; } = {|RES1003:""http://localhost:5005/resurs/notify""|};
        public string ReturnUrl { get; set; } = {|RES1004:""http://shop.nordicgear.se/checkout/return""|};
    }
}
");

        [Fact]
        public Task Sign_in_return_addresses_and_external_login_callbacks_are_not_callbacks() => Verify.VerifyAnalyzerAsync(@"
namespace Contoso.Web.Areas.Identity
{
    public class AccountController
    {
        public string Login(string? returnUrl = ""http://localhost:5000/"")
        {
            var redirectUrl = ""http://localhost:5000/Account/ExternalLoginCallback"";
            return returnUrl ?? redirectUrl;
        }
    }

    public sealed class OpenIdConnectSettings
    {
        public string CallbackUrl { get; set; } = ""http://localhost:5000/signin-oidc"";
        public string PostLogoutRedirectUri { get; set; } = ""http://localhost:5000/"";
    }

    public sealed class MsalSettings
    {
        public string RedirectUri { get; set; } = ""http://localhost"";
    }
}

namespace NordicGear.Checkout
{
    public class PaymentController
    {
        public void Pay()
        {
            var returnUrl = {|RES1003:""http://localhost:5000/checkout/return""|};
            Start(returnUrl);
        }

        private void Start(string url) { }
    }
}
");

        [Fact]
        public Task Msal_and_azure_identity_redirect_uris_are_not_callbacks() => Verify.VerifyAnalyzerAsync(@"
using System;

namespace Microsoft.Identity.Client
{
    public sealed class PublicClientApplicationBuilder
    {
        public static PublicClientApplicationBuilder Create(string clientId) => new PublicClientApplicationBuilder();
        public PublicClientApplicationBuilder WithRedirectUri(string redirectUri) => this;
    }
}

namespace Azure.Identity
{
    public sealed class InteractiveBrowserCredentialOptions
    {
        public Uri? RedirectUri { get; set; }
    }
}

namespace Contoso.Desktop
{
    public static class SignIn
    {
        public static object Build() => Microsoft.Identity.Client.PublicClientApplicationBuilder.Create(""id"").WithRedirectUri(""http://localhost"");

        public static object Browser() => new Azure.Identity.InteractiveBrowserCredentialOptions { RedirectUri = new Uri(""http://localhost"") };
    }
}
");

        [Fact]
        public Task A_url_the_application_only_calls_out_to_is_not_a_callback_whatever_its_name() => Verify.VerifyAnalyzerAsync(@"
using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace NordicGear.Payments
{
    public class Notifier
    {
        private readonly HttpClient client = new HttpClient();

        public async Task NotifyAsync(HttpContent content)
        {
            var notifyUrl = ""http://localhost:5000/notify"";
            await client.PostAsync(notifyUrl, content);

            var webhookUrl = ""http://hooks.internal/resurs"";
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(webhookUrl));
            await client.SendAsync(request);

            // Read elsewhere too: still a callback URL.
            var callbackUrl = {|RES1003:""http://localhost:5000/resurs/callback""|};
            await client.PostAsync(""https://merchant-api.resurs.com/register?url="" + callbackUrl, content);
        }
    }
}
");

        [Fact]
        public Task A_signalr_hub_or_web_socket_the_application_connects_to_is_not_a_callback() => Verify.VerifyAnalyzerAsync(@"
using System;
using Microsoft.AspNetCore.SignalR.Client;

namespace NordicGear.Payments
{
    public sealed class PaymentStatusFeed
    {
        public async System.Threading.Tasks.Task Connect(System.Threading.CancellationToken token)
        {
            var paymentNotificationHubUrl = ""http://localhost:5000/hubs/payments"";
            var hub = new HubConnectionBuilder().WithUrl(paymentNotificationHubUrl);

            var paymentNotifySocketUrl = ""ws://localhost:5000/payments/notify"";
            using var socket = new System.Net.WebSockets.ClientWebSocket();
            await socket.ConnectAsync(new Uri(paymentNotifySocketUrl), token);
        }
    }
}

namespace Microsoft.AspNetCore.SignalR.Client
{
    public interface IHubConnectionBuilder { }
    public sealed class HubConnectionBuilder : IHubConnectionBuilder { }
    public static class HubConnectionBuilderHttpExtensions
    {
        public static IHubConnectionBuilder WithUrl(this IHubConnectionBuilder builder, string url) => builder;
    }
}");

        [Fact]
        public async Task Configuration_sign_in_and_notification_sections_are_silent_payment_sections_are_not()
        {
            var test = new VerifyConfig.Test("class Program { }");
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", @"{
  ""AzureAd"": { ""RedirectUri"": ""http://localhost"", ""CallbackPath"": ""/signin-oidc"" },
  ""Authentication"": { ""OpenIdConnect"": { ""PostLogoutRedirectUri"": ""http://localhost:5000/"" }, ""Google"": { ""CallbackUrl"": ""http://localhost:5000/signin-google"" } },
  ""Auth0"": { ""CallbackUrl"": ""http://localhost:3000/callback"" },
  ""NotificationService"": { ""BaseUrl"": ""http://localhost:5005"" },
  ""Notifications"": { ""Url"": ""http://notifications.internal"", ""ReturnUrl"": ""http://localhost/"" },
  ""Payments"": { ""Notifications"": { ""Url"": {|RES1003:""http://notifications.internal/resurs""|} }, ""ReturnUrl"": {|RES1004:""http://shop.nordicgear.se/return""|} }
}"));
            await test.RunAsync();
        }
    }
}
