using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Certificates.SelfSignedCertificateAnalyzer>;

namespace Resurs.Analyzers.Tests.Consumers
{
    /// <summary>
    /// A self-signed certificate the way a merchant's project spreads it over files: a certificate helper in one file,
    /// Kestrel and an SslStream gateway serving its result in others, next to look-alikes that load a real certificate
    /// or only send the self-signed one.
    /// </summary>
    public class SelfSignedConsumerTests
    {
        private const string Certificates = @"
using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NordicGear.Hosting
{
    public static class Certificates
    {
        public static X509Certificate2 CreateDevelopmentCertificate(string host)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest(""CN="" + host, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1));
            return new X509Certificate2(certificate.Export(X509ContentType.Pfx));
        }

        // A wrapper one level up, as helpers grow.
        public static X509Certificate2 ForShop() => CreateDevelopmentCertificate(""shop.nordicgear.se"");

        public static X509Certificate2 FromStore(string path) => new X509Certificate2(path);
    }
}
";

        [Fact]
        public async Task A_certificate_made_by_a_helper_in_another_file_is_reported_where_it_is_served()
        {
            var test = new Verify.Test(@"
using System.Net.Http;
using System.Net.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NordicGear.Hosting
{
    public static class Server
    {
        public static void Configure(KestrelServerOptions kestrel)
        {
            kestrel.ListenAnyIP(443, listen => listen.UseHttps({|#0:Certificates.ForShop()|}));

            // Look-alike: a certificate from the store is what the FAQ asks for.
            kestrel.ListenAnyIP(8443, listen => listen.UseHttps(Certificates.FromStore(""/etc/ssl/shop.pfx"")));
        }

        public static SslServerAuthenticationOptions Gateway()
        {
            var certificate = {|#1:Certificates.CreateDevelopmentCertificate(""gateway.nordicgear.se"")|};
            return new SslServerAuthenticationOptions { ServerCertificate = certificate };
        }

        // Look-alike: the self-signed certificate is only sent, as a client certificate.
        public static HttpClientHandler Client()
        {
            var handler = new HttpClientHandler();
            handler.ClientCertificates.Add(Certificates.ForShop());
            return handler;
        }
    }
}
");
            test.TestState.Sources.Add(("Certificates.cs", Certificates));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RES3004").WithLocation(0).WithArguments(
                "Kestrel (UseHttps), made by Certificates.ForShop() in Certificates.cs", string.Empty)
                .WithLocation("Certificates.cs", 14, 31));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RES3004").WithLocation(1).WithArguments(
                "SslServerAuthenticationOptions.ServerCertificate, made by Certificates.CreateDevelopmentCertificate() in Certificates.cs", string.Empty)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            await test.RunAsync();
        }
    }
}
