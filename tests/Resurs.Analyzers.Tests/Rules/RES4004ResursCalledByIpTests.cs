using System.Threading.Tasks;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Network.ResursIpUrlAnalyzer>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES4004")]
    public class RES4004ResursCalledByIpTests
    {
        private const string Fqdns = "merchant-api.resurs.com, merchant-api.integration.resurs.com, ecommerce.resurs.com, test.resurs.com, checkout.resurs.com, omnitest.resurs.com or apigw.resurs.com";

        private static string Code(string body) => @"
using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

class ResursClient
{
" + body + @"
}
" + Wcf;

        /// <summary>System.ServiceModel is not in .NET 8's reference set; a stub stands in for the WCF types.</summary>
        private const string Wcf = @"
namespace System.ServiceModel
{
    public class EndpointAddress { public EndpointAddress(string uri) { } }
    public abstract class ClientBase<TChannel> where TChannel : class
    {
        protected ClientBase(string endpointConfigurationName, string remoteAddress) { }
    }
}

public interface ISimplifiedShopFlow { }

public sealed class SimplifiedShopFlowClient : System.ServiceModel.ClientBase<ISimplifiedShopFlow>
{
    public SimplifiedShopFlowClient(string endpointConfigurationName, string remoteAddress) : base(endpointConfigurationName, remoteAddress) { }
}
";

        [Fact]
        public Task Message_names_the_url_the_address_the_use_and_the_fqdns() => Verify.VerifyAnalyzerAsync(
            Code(@"    void M(HttpClient client) => client.BaseAddress = new Uri({|#0:""https://192.121.110.20/""|});"),
            Verify.Diagnostic("RES4004").WithLocation(0).WithArguments("https://192.121.110.20/", "192.121.110.20", "HttpClient.BaseAddress", Fqdns));

        [Fact]
        public Task Every_outbound_use_is_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    async Task M(HttpClient client, string paymentId, HttpContent content)
    {
        var configured = new HttpClient { BaseAddress = new Uri({|RES4004:""https://194.68.237.10""|}) };
        client.BaseAddress ??= new Uri({|RES4004:""https://192.121.110.21/""|});
        await client.GetAsync({|RES4004:""https://91.198.202.5/api/v2/payments""|});
        await client.PostAsync({|RES4004:$""https://13.50.187.51/v2/payments/{paymentId}/capture""|}, content);
        await client.GetFromJsonAsync<object>({|RES4004:""https://51.21.32.255/v2/stores""|});
        await client.GetStringAsync(new Uri({|RES4004:""https://3229183588/""|}));
        var request = new HttpRequestMessage(HttpMethod.Post, {|RES4004:""https://192.121.110.100/oauth2/token""|});
        request.RequestUri = new Uri({|RES4004:""http://[::ffff:192.121.110.20]/ws""|});
        await client.SendAsync(request);
        var legacy = WebRequest.Create({|RES4004:""https://192.121.110.5/ws/V4/SimplifiedShopFlowService""|});
        var endpoint = new System.ServiceModel.EndpointAddress({|RES4004:""https://192.121.110.6/ws/V4/AfterShopFlowService""|});
        var soap = new SimplifiedShopFlowClient(""SimplifiedShopFlowWebServiceImplPortBinding"", {|RES4004:""https://192.121.110.7/ws/V4/SimplifiedShopFlowService""|});
    }"));

        [Fact]
        public Task A_const_url_is_reported_once_at_its_declaration() => Verify.VerifyAnalyzerAsync(Code(@"
    const string ResursApi = {|RES4004:""https://192.121.110.20/""|};
    static readonly Uri TokenUrl = new Uri(ResursApi + ""oauth2/token"");

    async Task M(HttpClient client)
    {
        client.BaseAddress = new Uri(ResursApi);
        await client.PostAsync(TokenUrl, null);
        await client.GetAsync(ResursApi + ""v2/stores"");
    }"));

        [Fact]
        public Task Host_names_other_addresses_and_other_uses_are_not_reported() => Verify.VerifyAnalyzerAsync(Code(@"
    async Task M(HttpClient client, string suffix)
    {
        client.BaseAddress = new Uri(""https://merchant-api.resurs.com/"");
        await client.GetAsync(""https://merchant-api.integration.resurs.com/v2/stores"");
        await client.GetAsync(""https://10.0.0.5/internal"");
        await client.GetAsync(""https://192.121.111.5/"");
        await client.GetAsync(""https://192.121.110."" + suffix);
        await client.GetAsync(""/v2/payments"");
        var note = ""https://192.121.110.20/"";
        Console.WriteLine(""https://192.121.110.20/"");
        var allowed = new[] { ""192.121.110.100"" };
    }"));

        [Fact]
        public Task Silent_in_test_projects_by_default()
        {
            var test = new Verify.Test(Code(@"    void M(HttpClient client) => client.BaseAddress = new Uri(""https://192.121.110.20/"");"));
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }
    }
}
