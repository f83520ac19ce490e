using System.Collections.Immutable;

namespace Resurs.Analyzers.Benchmarks.Corpus
{
    /// <summary>
    /// The mistakes the rules look for, and look-alikes they must leave alone, as statements in a method with the parameters
    /// <c>handler, request, registry, environment, stream, orderId</c>. The generator spreads them over the corpus in turn.
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
            "request.BackUrl = new UriBuilder(\"https\", \"www.contoso-shop.se\", 443, \"/checkout/back\").Uri.ToString();");
    }
}
