using System.Threading.Tasks;
using Resurs.Analyzers.Tests.Rules;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Callbacks.CallbackUrlAnalyzer,
    Resurs.Analyzers.CodeFixes.Callbacks.CallbackUrlCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Consumers
{
    /// <summary>
    /// Callback URLs the way a merchant's project spreads them: a constants file, an options class, configuration reads
    /// with fallbacks, helpers in other files, locals that change before use. A value written in another file is reported
    /// where this file uses it, and its fix (from the lightbulb and from Fix All) edits the declaration.
    /// </summary>
    public class CallbackConsumerTests
    {
        private const string Constants = @"
namespace NordicGear.Payments
{
    public static class ResursConstants
    {
        public const string PaymentsEndpoint = ""http://shop.nordicgear.se/resurs/callback"";
        public const string PublicSite = ""https://shop.nordicgear.se"";
        public static readonly string StagingEndpoint = ""https://staging.nordicgear.internal/resurs/callback"";
    }
}
";

        private const string FixedConstants = @"
namespace NordicGear.Payments
{
    public static class ResursConstants
    {
        public const string PaymentsEndpoint = ""https://shop.nordicgear.se/resurs/callback"";
        public const string PublicSite = ""https://shop.nordicgear.se"";
        public static readonly string StagingEndpoint = ""https://staging.nordicgear.internal/resurs/callback"";
    }
}
";

        private const string Urls = @"
namespace NordicGear.Payments
{
    public static class CallbackUrls
    {
        public static string ForOrder(string orderId) => $""http://10.20.0.5/resurs/callback/{orderId}"";

        public static string Public(string orderId) => ResursConstants.PublicSite + ""/resurs/callback/"" + orderId;

        public static string Landing
        {
            get
            {
                return ""https://shop.nordicgear.se/thanks"";
            }
        }
    }
}
";

        [Fact]
        public async Task A_constant_from_another_file_is_reported_at_its_use_and_fixed_at_its_declaration()
        {
            var test = new Verify.Test(@"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public BookingRequest Create(string orderId) => new BookingRequest
        {
            CallbackUrl = {|RES1004:ResursConstants.PaymentsEndpoint|} + ""?order="" + orderId,
            SuccessUrl = ResursConstants.PublicSite + ""/thanks"",
        };
    }
}
");
            test.TestState.Sources.Add(("ResursConstants.cs", Constants));
            test.TestState.Sources.Add(("Shop.cs", CallbackTestCode.Types));
            test.FixedState.Sources.Add(@"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public BookingRequest Create(string orderId) => new BookingRequest
        {
            CallbackUrl = ResursConstants.PaymentsEndpoint + ""?order="" + orderId,
            SuccessUrl = ResursConstants.PublicSite + ""/thanks"",
        };
    }
}
");
            test.FixedState.Sources.Add(("ResursConstants.cs", FixedConstants));
            test.FixedState.Sources.Add(("Shop.cs", CallbackTestCode.Types));

            // The lightbulb edits the declaration in the other file, and so does Fix All in document, project and solution.
            await test.RunAsync();
        }

        [Fact]
        public async Task The_message_names_the_symbol_and_its_file()
        {
            var test = new Verify.Test(@"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public void Fill(BookingRequest request) => request.CallbackUrl = ResursConstants.StagingEndpoint;
    }
}
");
            test.TestState.Sources.Add(("ResursConstants.cs", Constants));
            test.TestState.Sources.Add(("Shop.cs", CallbackTestCode.Types));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RES1003")
                .WithSpan(8, 75, 8, 106)
                .WithSpan("ResursConstants.cs", 8, 57, 8, 110)
                .WithArguments(
                    "https://staging.nordicgear.internal/resurs/callback",
                    "BookingRequest.CallbackUrl, from ResursConstants.StagingEndpoint in ResursConstants.cs",
                    "staging.nordicgear.internal",
                    "an internal-only name (.internal)",
                    string.Empty));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_constant_whose_own_name_says_callback_is_reported_once_at_its_declaration()
        {
            await VerifyProjectAsync(
                @"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public void Fill(BookingRequest request) => request.CallbackUrl = CallbackDefaults.DefaultCallbackUrl;
    }
}
",
                ("CallbackDefaults.cs", @"
namespace NordicGear.Payments
{
    public static class CallbackDefaults
    {
        public const string DefaultCallbackUrl = {|RES1003:""http://localhost:5000/resurs/callback""|};
    }
}
"));
        }

        [Fact]
        public async Task A_helper_in_another_file_is_followed_to_the_url_it_returns()
        {
            await VerifyProjectAsync(
                @"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public BookingRequest Create(string orderId) => new BookingRequest
        {
            CallbackUrl = {|RES1002:CallbackUrls.ForOrder(orderId)|},
            FailUrl = CallbackUrls.Public(orderId),
            SuccessUrl = CallbackUrls.Landing,
        };
    }
}
",
                ("ResursConstants.cs", Constants),
                ("CallbackUrls.cs", Urls));
        }

        [Fact]
        public async Task A_helper_is_followed_by_what_it_returns_whatever_else_is_named_like_it()
        {
            // The helpers return a Uri and a string[]; a void Configure and a bool Get elsewhere also write URLs, and are
            // judged where they write them, not searched for by name in every file.
            await VerifyProjectAsync(
                @"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public BookingRequest Create(string[] args) => new BookingRequest
        {
            CallbackUri = {|RES1002:Endpoints.Booking()|},
            CallbackUrl = Endpoints.All[0],
        };

        public void Configure(ConfigurationService service) => service.Send(""http://10.20.0.8/ping"");

        public bool Get(string url) => url.StartsWith(""http://"");
    }
}
",
                ("Endpoints.cs", @"
namespace NordicGear.Payments
{
    public static class Endpoints
    {
        public static System.Uri Booking() => new System.Uri(""http://10.20.0.7/resurs/booking-callback"");

        public static readonly string[] All = { ""https://shop.nordicgear.se/resurs/callback"" };
    }
}
"));
        }

        [Fact]
        public async Task A_private_helper_is_followed_within_its_file_and_across_the_files_of_a_partial_class()
        {
            await VerifyProjectAsync(
                @"
using Shop;

namespace NordicGear.Payments
{
    public partial class BookingService
    {
        public BookingRequest Create() => new BookingRequest { CallbackUrl = {|RES1002:Gateway()|} };
    }
}
",
                ("BookingService.Urls.cs", @"
namespace NordicGear.Payments
{
    public partial class BookingService
    {
        private static string Gateway() => ""http://10.20.0.9/resurs/callback"";
    }
}
"),
                ("Refunds.cs", @"
using Shop;

namespace NordicGear.Payments
{
    public class RefundService
    {
        private static string Gateway() => {|RES1002:""http://10.20.0.10/resurs/refund-callback""|};

        public BookingRequest Create() => new BookingRequest { CallbackUrl = Gateway() };
    }
}
"));
        }

        [Fact]
        public async Task Configuration_fallbacks_are_judged_as_the_values_they_can_be()
        {
            await Verify.VerifyAnalyzerAsync(@"
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop;

namespace NordicGear.Payments
{
    public sealed class ResursOptions
    {
        public string? CallbackUrl { get; set; }
    }

    public class Wiring
    {
        public void Configure(IServiceCollection services, IConfiguration configuration, BookingRequest request, bool staging)
        {
            request.CallbackUrl = configuration[""Resurs:CallbackUrl""] ?? {|RES1003:""http://localhost:5000/resurs/callback""|};
            request.FailUrl = configuration.GetValue<string>(""Resurs:FailUrl"", {|RES1004:{|RES1005:""http://shop.nordicgear.se:8080/fail""|}|});
            request.SuccessUrl = staging ? {|RES1002:""https://192.168.1.20/ok""|} : ""https://shop.nordicgear.se/ok"";
            services.PostConfigure<ResursOptions>(o => o.CallbackUrl ??= {|RES1003:""https://resurs-callbacks.svc.cluster.local/cb""|});

            // Look-alikes: a fallback that is public https, and a configuration read with no default.
            request.CallbackUrl = configuration[""Resurs:CallbackUrl""] ?? ""https://shop.nordicgear.se/resurs/callback"";
            request.CallbackUrl = configuration.GetValue<string>(""Resurs:CallbackUrl"");
        }
    }
}
" + CallbackTestCode.Types);
        }

        [Fact]
        public async Task Defaults_of_positional_record_parameters_are_judged_as_the_properties_they_declare()
        {
            await Verify.VerifyAnalyzerAsync(@"
namespace NordicGear.Payments
{
    public sealed record ResursWebhook(string Event, string CallbackUrl = {|RES1004:""http://shop.nordicgear.se/resurs/cb""|});
    public sealed record CheckoutRedirects(string FailUrl = {|RES1004:""http://shop.nordicgear.se/checkout/fail""|}, string SuccessUrl = ""https://shop.nordicgear.se/checkout/ok"");
    public sealed record ResursCallbackEndpoints(string Url = {|RES1005:""https://shop.nordicgear.se:8443/resurs/cb""|});
    public readonly record struct BookingCallback(string CallbackUrl = {|RES1003:""http://localhost:5000/cb""|});

    // Look-alikes: a URL that is not a callback, a generic name with no payment context, a method parameter that is never used.
    public sealed record ApiEndpoints(string BaseUrl = ""http://localhost:5000"");
    public sealed record MailOptions(string NotificationUrl = ""http://localhost:8025"");
    public sealed class Registrar
    {
        public void Register(string callbackUrl = ""https://shop.nordicgear.se/resurs/cb"") { }
    }
}
");
        }

        [Fact]
        public async Task A_registration_body_is_judged_by_the_request_path_it_is_sent_to()
        {
            await Verify.VerifyAnalyzerAsync(@"
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

namespace NordicGear.Payments
{
    public sealed class Registrar
    {
        public async Task RegisterAsync(HttpClient resurs)
        {
            await resurs.PutAsJsonAsync(""callbacks/BOOKED"", new { url = {|#0:""http://localhost:7071/api/resurs/booked""|} });
            await resurs.PostAsJsonAsync(""v2/callbacks/test"", new { url = {|RES1003:""http://localhost:7071/api/resurs/test""|} });

            // Look-alikes: the same body sent where no callback is registered.
            await resurs.PostAsJsonAsync(""v2/images"", new { url = ""http://localhost:7071/logo.png"" });
            await resurs.PostAsJsonAsync(""v2/payments"", new { url = ""http://localhost:7071/api"" });
            await resurs.PostAsJsonAsync(""api/callbackStats"", new { url = ""http://localhost:7071/health"" });
            await resurs.PostAsJsonAsync(""internal/notifications"", new { url = ""http://payments-api:8080/payments/1"" });
            await resurs.PostAsJsonAsync(""hooks/payments"", new { text = ""paid"", url = ""http://backoffice.x.lan/p/1"" });
        }
    }
}
", Verify.Diagnostic("RES1003").WithLocation(0).WithArguments(
                "http://localhost:7071/api/resurs/booked", "url in the body sent to callbacks/BOOKED", "localhost", "a name for the local machine", string.Empty));
        }

        [Fact]
        public Task A_positional_record_default_is_fixed_in_place() => Verify.VerifyCodeFixAsync(@"
namespace NordicGear.Payments
{
    public sealed record ResursWebhook(string Event, string CallbackUrl = {|RES1004:""http://shop.nordicgear.se/resurs/cb""|});
    public sealed record ResursCallbackEndpoints(string Url = {|RES1005:""https://shop.nordicgear.se:8443/resurs/cb""|});
}
", @"
namespace NordicGear.Payments
{
    public sealed record ResursWebhook(string Event, string CallbackUrl = ""https://shop.nordicgear.se/resurs/cb"");
    public sealed record ResursCallbackEndpoints(string Url = ""https://shop.nordicgear.se/resurs/cb"");
}
");

        [Fact]
        public async Task Every_value_a_local_can_hold_and_a_parameter_default_are_judged()
        {
            await Verify.VerifyAnalyzerAsync(@"
using Shop;

namespace NordicGear.Payments
{
    public class BookingService
    {
        public BookingRequest Create(bool useStaging)
        {
            var callback = ""https://shop.nordicgear.se/resurs/callback"";
            if (useStaging)
            {
                callback = {|RES1003:""https://staging.nordicgear.lan/resurs/callback""|};
            }

            return new BookingRequest { CallbackUrl = callback };
        }

        public BookingRequest WithDefault(string callbackBase = {|RES1004:""http://shop.nordicgear.se""|}) =>
            new BookingRequest { CallbackUrl = callbackBase + ""/resurs/callback"" };

        // Look-alike: the default is public https.
        public BookingRequest Safe(string callbackBase = ""https://shop.nordicgear.se"") =>
            new BookingRequest { CallbackUrl = callbackBase + ""/resurs/callback"" };
    }
}
" + CallbackTestCode.Types);
        }

        /// <summary>Runs the rule on <paramref name="source"/> beside the merchant's other files and the shop's types.</summary>
        private static Task VerifyProjectAsync(string source, params (string Name, string Text)[] files)
        {
            var test = new Verify.Test(source);
            foreach (var file in files)
            {
                test.TestState.Sources.Add(file);
            }

            test.TestState.Sources.Add(("Shop.cs", CallbackTestCode.Types));
            return test.RunAsync();
        }
    }
}
