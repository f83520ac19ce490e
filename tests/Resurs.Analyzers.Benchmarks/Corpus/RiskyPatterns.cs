using System.Collections.Immutable;

namespace Resurs.Analyzers.Benchmarks.Corpus
{
    /// <summary>
    /// The mistakes the rules look for, and look-alikes they must leave alone, as statements in a method with the parameters
    /// <c>handler, request, registry, environment, stream, orderId</c>: TLS versions, callback URLs, certificate
    /// validation, revocation, self-signed and chain settings, allowlists, reverse DNS, Resurs called by IP and forwarded
    /// headers. The generator spreads them over the corpus in turn.
    /// </summary>
    internal static class RiskyPatterns
    {
        public static readonly ImmutableArray<string> All = ImmutableArray.Create(
            "handler.SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12;",
            "handler.SslProtocols = (SslProtocols)192;",
            "ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12;",
            "AppContext.SetSwitch(\"Switch.System.Net.DontEnableSchUseStrongCrypto\", true);",
            "AppContext.SetSwitch(\"Switch.System.Net.DontEnableSystemDefaultTlsVersions\", true);",
            "request.CallbackUrl = \"https://192.168.1.20/resurs/callback?order=\" + orderId;",
            "var webhookUrl = \"https://10-0-0-5.nip.io/resurs/hook\";\nregistry.RegisterCallback(\"BOOKED\", webhookUrl);",
            "request.SuccessUrl = \"https://shop.contoso.local/checkout/success\";",
            "if (environment.IsDevelopment())\n{\n    request.CallbackUrl = $\"http://localhost:5000/resurs/callbacks/{orderId}\";\n}",
            "request.CallbackUrl = \"http://www.contoso-shop.se/resurs/callback\";",
            "request.FailUrl = \"https://www.contoso-shop.se:8443/checkout/failed\";",
            "registry.RegisterCallback(\"AUTHORIZATION\", \"https://contoso-dev.ngrok-free.app/resurs/authorization\");",
            "request.NotificationUri = new Uri(\"https://shop-demo.loca.lt/resurs/notify\");",
            "if (stream.SslProtocol == SslProtocols.Tls11 || stream.SslProtocol == SslProtocols.Tls)\n{\n    throw new AuthenticationException(\"Legacy TLS negotiated with \" + stream.TargetHostName);\n}",
            "var health = \"http://10.0.0.5/health\";\nrequest.Metadata[\"health\"] = health;",
            "request.BackUrl = new UriBuilder(\"https\", \"www.contoso-shop.se\", 443, \"/checkout/back\").Uri.ToString();",
            "handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;",
            "handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true;",
            "handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => certificate!.Subject == \"CN=merchant-api.resurs.com\";",
            "handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>\n{\n    if (errors != SslPolicyErrors.None)\n    {\n        return false;\n    }\n\n    return certificate!.Issuer.Contains(\"DigiCert\");\n};",
            "handler.CheckCertificateRevocationList = false;",
            "handler.CheckCertificateRevocationList = true;\nhandler.ClientCertificates.Add(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(\"client.pfx\", orderId));",
            "using var key = System.Security.Cryptography.ECDsa.Create();\nvar certificateRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest(\"CN=shop.contoso.se\", key, System.Security.Cryptography.HashAlgorithmName.SHA256);\nvar kestrel = new Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions();\nkestrel.ListenAnyIP(443, listen => Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions.UseHttps(listen, certificateRequest.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1))));",
            "using var key = System.Security.Cryptography.RSA.Create(2048);\nvar signingRequest = new System.Security.Cryptography.X509Certificates.CertificateRequest(\"CN=client\", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);\nhandler.ClientCertificates.Add(signingRequest.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30)));",
            "using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();\nchain.ChainPolicy.VerificationFlags = System.Security.Cryptography.X509Certificates.X509VerificationFlags.AllowUnknownCertificateAuthority;\nchain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;",
            "var allowedCallbackIps = new[] { \"192.121.110.100\", \"51.21.0.0/16\" };\nrequest.Metadata[\"trusted\"] = (Array.IndexOf(allowedCallbackIps, orderId) >= 0).ToString();",
            "var callbackSources = new[] { \"192.121.110.100\", \"13.50.187.51\" };\nrequest.Metadata[\"trusted\"] = (Array.IndexOf(callbackSources, orderId) >= 0).ToString();",
            "var resursCallbackIps = new[] { \"192.121.110.100\", \"13.50.187.51\", \"51.21.32.255\", \"51.21.206.32\", \"51.21.39.192\" };\nrequest.Metadata[\"trusted\"] = (Array.IndexOf(resursCallbackIps, orderId) >= 0).ToString();\nrequest.Metadata[\"os\"] = \"10.0.19045.1\";",
            "var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();\nvar caller = Dns.GetHostEntry(context.Connection.RemoteIpAddress!);\nif (caller.HostName.EndsWith(\".resurs.se\", StringComparison.OrdinalIgnoreCase))\n{\n    request.Metadata[\"caller\"] = \"resurs\";\n}",
            "var merchantApi = new HttpClient { BaseAddress = new Uri(\"https://192.121.110.21/\") };\nrequest.Metadata[\"api\"] = merchantApi.BaseAddress.Host;",
            "var forwarded = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor };\nforwarded.KnownProxies.Clear();\nforwarded.KnownNetworks.Clear();",
            "var forwarded = new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor };\nforwarded.KnownProxies.Add(IPAddress.Parse(\"10.0.0.10\"));");
    }
}
