using System.Threading.Tasks;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Network.ResursIpUrlAnalyzer>;

namespace Resurs.Analyzers.Tests.Consumers
{
    /// <summary>
    /// RES4004 the way a merchant's client library calls Resurs: settings in a constants file, a typed HttpClient, RestSharp,
    /// Refit, gRPC, WebClient and Flurl, with an environment switch between addresses.
    /// </summary>
    public class OutboundConsumerTests
    {
        private const string Constants = @"
namespace NordicGear.Resurs
{
    public static class ResursEndpoints
    {
        public const string MerchantApi = ""https://192.121.110.20/"";
        public const string MerchantApiByName = ""https://merchant-api.resurs.com/"";
        public static readonly string Soap = ""https://91.198.202.5/ws/V4/"";
    }
}
";

        /// <summary>Just the shapes of the third-party clients: their packages are not referenced.</summary>
        private const string ThirdParty = @"
namespace RestSharp
{
    public class RestClientOptions { public RestClientOptions(string baseUrl) { } public System.Uri? BaseUrl { get; set; } }
    public class RestClient { public RestClient(string baseUrl) { } public RestClient(RestClientOptions options) { } }
}

namespace Refit
{
    public static class RestService { public static T For<T>(string hostUrl) => default!; }
}

namespace Grpc.Net.Client
{
    public sealed class GrpcChannel { public static GrpcChannel ForAddress(string address) => new GrpcChannel(); }
}

namespace Flurl.Http
{
    public static class GeneratedExtensions { public static System.Threading.Tasks.Task<string> GetStringAsync(this string url) => System.Threading.Tasks.Task.FromResult(url); }
}
";

        [Fact]
        public async Task Resurs_by_ip_is_reported_in_every_client_merchants_use()
        {
            var test = new Verify.Test(@"
using System;
using System.Net;
using System.Net.Http;
using Flurl.Http;

namespace NordicGear.Resurs
{
    public interface IMerchantApi { }

    public class ResursClients
    {
        public void Wire(HttpClient http, bool production)
        {
            http.BaseAddress = new Uri({|RES4004:ResursEndpoints.MerchantApi|});
            http.BaseAddress = new Uri(ResursEndpoints.MerchantApiByName);
            var rest = new RestSharp.RestClient({|RES4004:""https://192.121.110.21/""|});
            var options = new RestSharp.RestClientOptions({|RES4004:""https://192.121.110.22/""|}) { BaseUrl = new Uri(""https://merchant-api.resurs.com/"") };
            var api = Refit.RestService.For<IMerchantApi>({|RES4004:""https://194.68.237.10/""|});
            var channel = Grpc.Net.Client.GrpcChannel.ForAddress({|RES4004:""https://194.68.237.11""|});
            var text = new WebClient().DownloadString({|RES4004:""https://91.198.202.6/ws/V4/status""|});
            var flurl = {|RES4004:""https://91.198.202.7/v2/stores""|}.GetStringAsync();
            http.BaseAddress = new Uri(production ? ""https://merchant-api.resurs.com/"" : {|RES4004:""https://192.121.110.30/""|});
        }
    }
}
");
            test.TestState.Sources.Add(("ResursEndpoints.cs", Constants));
            test.TestState.Sources.Add(("ThirdParty.cs", ThirdParty));
            await test.RunAsync();
        }

        /// <summary>
        /// A library whose RestSharp, Refit, Flurl or gRPC package is not restored (or half-typed code): the calls are
        /// invalid operations, recognised by their shape; other types and Resurs's names stay silent.
        /// </summary>
        [Fact]
        public async Task Clients_whose_packages_are_not_restored_are_recognised_by_shape()
        {
            var test = new Verify.Test(@"
namespace NordicGear.Resurs
{
    public static class Unrestored
    {
        public static object A() => new RestSharp.RestClient({|RES4004:""https://192.121.110.21/""|});
        public static object B() => new RestClientOptions({|RES4004:""https://192.121.110.22/v2""|});
        public static object C() => Refit.RestService.For<object>({|#0:""https://194.68.237.10/""|});
        public static object D() => new Flurl.Http.FlurlClient({|RES4004:""https://91.198.202.7/""|});
        public static object E() => Grpc.Net.Client.GrpcChannel.ForAddress({|RES4004:""https://194.68.237.11""|});
        public static object F() => new RestSharp.RestClient(""https://merchant-api.resurs.com/"");
        public static object G() => new Acme.RestClientFactory(""https://192.121.110.21/"");
        public static object H() => Acme.Registry.For(""https://192.121.110.21/"");
    }
}
");
            test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
            test.ExpectedDiagnostics.Add(RefitAtMarker0("RestService.For<T>(…)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_refit_call_is_named_as_written()
        {
            var test = new Verify.Test(@"
namespace NordicGear.Resurs
{
    public interface IMerchantApi { }

    public static class Api
    {
        public static IMerchantApi Create() => Refit.RestService.For<IMerchantApi>({|#0:""https://194.68.237.10/""|});
    }
}
");
            test.TestState.Sources.Add(("ThirdParty.cs", ThirdParty));
            test.ExpectedDiagnostics.Add(RefitAtMarker0("RestService.For<T>(hostUrl)"));
            await test.RunAsync();
        }

        /// <summary>RES4004 at marker 0 for the Refit URL https://194.68.237.10/, with the use named as <paramref name="use"/>.</summary>
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult RefitAtMarker0(string use) =>
            Verify.Diagnostic("RES4004").WithLocation(0).WithArguments(
                "https://194.68.237.10/", "194.68.237.10", use, Resurs.Analyzers.Infrastructure.Net.ResursNetworks.FqdnList());

        [Fact]
        public async Task A_file_that_writes_no_address_is_still_judged_where_it_uses_one()
        {
            var test = new Verify.Test(@"
using System.ServiceModel;

namespace NordicGear.Resurs
{
    public static class Soap
    {
        public static EndpointAddress Endpoint() => new EndpointAddress({|RES4004:ResursEndpoints.Soap|} + ""AfterShopFlowService"");
    }
}
");
            test.TestState.Sources.Add(("ResursEndpoints.cs", Constants));
            test.TestState.Sources.Add(("ServiceModel.cs", "namespace System.ServiceModel { public class EndpointAddress { public EndpointAddress(string uri) { } } }"));
            await test.RunAsync();
        }
    }
}
