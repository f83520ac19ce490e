using System.Threading.Tasks;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Certificates.SelfSignedCertificateAnalyzer>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES3004")]
    public class RES3004SelfSignedServerCertificateTests
    {
        private const string Usings = @"using System;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
";

        private static string Class(string members) => Usings + @"
class Startup
{
    static CertificateRequest Request()
    {
        var key = RSA.Create(2048);
        return new CertificateRequest(""CN=shop.nordicgear.se"", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
" + members + @"
}
";

        [Fact]
        public Task Kestrel_UseHttps_with_a_local_is_reported_at_the_creation() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void Configure(KestrelServerOptions kestrel)
    {
        var certificate = {|#0:Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1))|};
        kestrel.ListenAnyIP(443, listen => listen.UseHttps(certificate));
        kestrel.ListenAnyIP(8443, listen => listen.UseHttps(certificate));
    }"),
            Verify.Diagnostic("RES3004").WithLocation(0).WithArguments("Kestrel (UseHttps)", string.Empty));

        [Fact]
        public Task Kestrel_server_certificate_properties_are_reported() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void Inline(KestrelServerOptions kestrel) =>
        kestrel.ListenAnyIP(443, listen => listen.UseHttps({|RES3004:Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1))|}));

    void Defaults(KestrelServerOptions kestrel)
    {
        using var certificate = {|#0:Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1))|};
        kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
    }

    void Options(KestrelServerOptions kestrel)
    {
        var certificate = {|RES3004:Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1))|};
        var options = new HttpsConnectionAdapterOptions { ServerCertificate = certificate };
        kestrel.ListenAnyIP(443, listen => listen.UseHttps(options));
    }

    void Selector(KestrelServerOptions kestrel)
    {
        var certificate = {|RES3004:Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1))|};
        kestrel.ConfigureHttpsDefaults(https => https.ServerCertificateSelector = (context, name) => certificate);
    }"),
            Verify.Diagnostic("RES3004").WithLocation(0).WithArguments("Kestrel (HttpsConnectionAdapterOptions.ServerCertificate)", string.Empty));

        [Fact]
        public Task Copies_and_helpers_in_the_same_file_are_followed() => Verify.VerifyAnalyzerAsync(Class(@"
    static X509Certificate2 CreateCertificate()
    {
        using var ephemeral = {|RES3004:Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1))|};
        // Windows needs a persisted key, hence the PFX round trip.
        return new X509Certificate2(ephemeral.Export(X509ContentType.Pfx));
    }

    void Configure(KestrelServerOptions kestrel) => kestrel.ListenAnyIP(443, listen => listen.UseHttps(CreateCertificate()));"));

        [Fact]
        public Task Local_function_helpers_are_followed_to_their_calls() => Verify.VerifyAnalyzerAsync(Class(@"
    static void Configure(KestrelServerOptions kestrel)
    {
        X509Certificate2 Local()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return {|RES3004:new CertificateRequest(""CN=shop.nordicgear.se"", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1))|};
        }

        kestrel.ListenAnyIP(443, listen => listen.UseHttps(Local()));
    }

    // A look-alike: a local function whose certificate only signs test data.
    static byte[] Sign(byte[] data)
    {
        X509Certificate2 Signer() => Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        using var rsa = Signer().GetRSAPrivateKey()!;
        return rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }"));

        [Fact]
        public async Task A_static_local_function_in_top_level_statements_is_followed()
        {
            var test = new Verify.Test(Usings + @"
var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(443, listen => listen.UseHttps(Create())));

static X509Certificate2 Create()
{
    using var key = RSA.Create(2048);
    return {|RES3004:new CertificateRequest(""CN=shop.nordicgear.se"", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1))|};
}
");
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public Task SslStream_server_authentication_is_reported() => Verify.VerifyAnalyzerAsync(
            Class(@"
    async Task Serve(SslStream stream, SslStream other, SslStream third)
    {
        var certificate = {|#0:Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1))|};
        stream.AuthenticateAsServer(certificate);

        var options = new SslServerAuthenticationOptions { ServerCertificate = {|RES3004:Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30))|} };
        await other.AuthenticateAsServerAsync(options);

        var context = SslStreamCertificateContext.Create({|RES3004:Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30))|}, null);
        await third.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = context });
    }"),
            Verify.Diagnostic("RES3004").WithLocation(0).WithArguments("SslStream.AuthenticateAsServer", string.Empty));

        [Fact]
        public Task Self_signed_certificates_that_are_not_served_are_not_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void Other(KestrelServerOptions kestrel, System.Net.Http.HttpClientHandler handler, string path)
    {
        // A client certificate for mutual TLS, a signing key, a file: not served to Resurs.
        var client = Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1));
        handler.ClientCertificates.Add(client);
        var signing = Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, signing.Export(X509ContentType.Cert));

        // Certificates from a file or the store, and the development certificate.
        var trusted = new X509Certificate2(path, ""secret"");
        kestrel.ListenAnyIP(443, listen => listen.UseHttps(trusted));
        kestrel.ListenAnyIP(8443, listen => listen.UseHttps(""shop.pfx"", ""secret""));
        kestrel.ListenLocalhost(5001, listen => listen.UseHttps());
    }"));

        [Fact]
        public Task Development_only_serving_is_reported_with_a_note() => Verify.VerifyAnalyzerAsync(
            Usings + @"
using Microsoft.Extensions.Hosting;

class Startup
{
    void Configure(IHostEnvironment env, KestrelServerOptions kestrel, CertificateRequest request)
    {
        var certificate = {|#0:request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(7))|};
        if (env.IsDevelopment())
        {
            kestrel.ListenLocalhost(5001, listen => listen.UseHttps(certificate));
        }
    }
}
",
            Verify.Diagnostic("RES3004").WithLocation(0).WithArguments(
                "Kestrel (UseHttps)",
                " (in development-only code; if this is deliberate, suppress RES3004 with #pragma warning disable or set resurs_analyzers.development_code = skip)"));

        [Fact]
        public Task Development_code_skip_silences_it() => Verify.VerifyAnalyzerAsync(
            Usings + @"
using Microsoft.Extensions.Hosting;

class Startup
{
    void Configure(IHostEnvironment env, KestrelServerOptions kestrel, CertificateRequest request)
    {
        if (env.IsDevelopment())
        {
            kestrel.ListenLocalhost(5001, listen => listen.UseHttps(request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(7))));
        }
    }
}
",
            "resurs_analyzers.RES3004.development_code = skip");

        [Fact]
        public Task Test_projects_are_silent_by_default()
        {
            var test = new Verify.Test(Class(@"
    void Configure(KestrelServerOptions kestrel) =>
        kestrel.ListenLocalhost(5001, listen => listen.UseHttps(Request().CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1))));"));
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }
    }
}
