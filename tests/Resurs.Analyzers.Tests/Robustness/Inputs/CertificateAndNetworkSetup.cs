using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Robustness.Inputs
{
    /// <summary>Certificate and network shortcuts of a shop, one instance of each RES3xxx and RES4xxx rule, on .NET 8 APIs.</summary>
    public static class CertificateAndNetworkSetup
    {
        private static readonly string[] AllowedCallbackIps = { "192.121.110.100", "13.50.187.51", "51.21.0.0/16" };

        public static void UseShopCertificate(KestrelServerOptions kestrel)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=shop.example.se", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1));
            kestrel.ListenAnyIP(8443, listen => listen.UseHttps(certificate));
        }

        public static HttpMessageHandler CreateHandler() => new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,
        };

        public static HttpMessageHandler CreateReportingHandler() => new HttpClientHandler
        {
            CheckCertificateRevocationList = false,
        };

        public static bool AcceptPinned(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
            errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch;

        public static void Register() => ServicePointManager.ServerCertificateValidationCallback = AcceptPinned;

        public static bool IsTrusted(X509Certificate2 signer)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            return chain.Build(signer);
        }

        public static bool IsResursCaller(string remoteIp) => Array.IndexOf(AllowedCallbackIps, remoteIp) >= 0;

        public static async Task<bool> HasResursHostNameAsync(HttpContext context)
        {
            var entry = await Dns.GetHostEntryAsync(context.Connection.RemoteIpAddress!);
            return entry.HostName.EndsWith(".resurs.se", StringComparison.OrdinalIgnoreCase);
        }

        public static IServiceCollection TrustForwardedHeaders(IServiceCollection services) =>
            services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
                options.KnownNetworks.Clear();
                options.KnownProxies.Clear();
            });

        public static async Task<bool> CanReachResursAsync(HttpClient client, CancellationToken cancellationToken)
        {
            client.BaseAddress = new Uri("https://192.121.110.20/");
            using var response = await client.GetAsync("v2/stores", cancellationToken);
            return response.IsSuccessStatusCode;
        }
    }
}
