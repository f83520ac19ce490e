using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Certificates.RevocationCheckAnalyzer,
    Resurs.Analyzers.CodeFixes.Certificates.RevocationCheckCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES3003")]
    public class RES3003RevocationCheckDisabledTests
    {
        private const string Usings = "using System;\nusing System.IO;\nusing System.Net;\nusing System.Net.Http;\nusing System.Net.Security;\nusing System.Security.Authentication;\nusing System.Security.Cryptography.X509Certificates;\nusing System.Threading.Tasks;\n";

        private static string Class(string members) => Usings + "\nclass C\n{\n" + members + "\n}\n";

        [Fact]
        public Task Crl_flag_set_to_false_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    sealed class ResursHandler : HttpClientHandler { }

    void M(HttpClientHandler handler, bool legacy)
    {
        handler.CheckCertificateRevocationList = {|RES3003:false|};
        var inline = new HttpClientHandler { CheckCertificateRevocationList = {|RES3003:false|} };
        var derived = new ResursHandler { CheckCertificateRevocationList = {|RES3003:false|} };
        ServicePointManager.CheckCertificateRevocationList = {|RES3003:false|};
        if (legacy)
        {
            handler.CheckCertificateRevocationList = {|RES3003:false|};
        }
    }"));

        [Fact]
        public Task Message_names_the_setting() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(HttpClientHandler handler) => handler.CheckCertificateRevocationList = {|#0:false|};"),
            Verify.Diagnostic("RES3003").WithLocation(0).WithArguments("CheckCertificateRevocationList = false", string.Empty, string.Empty));

        [Fact]
        public Task Revocation_mode_no_check_is_reported_where_it_configures() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(X509Chain chain, SslClientAuthenticationOptions client)
    {
        chain.ChainPolicy.RevocationMode = {|#0:X509RevocationMode.NoCheck|};
        client.CertificateRevocationCheckMode = {|RES3003:X509RevocationMode.NoCheck|};
        var server = new SslServerAuthenticationOptions { ClientCertificateRequired = true, CertificateRevocationCheckMode = {|RES3003:X509RevocationMode.NoCheck|} };
        var policy = new X509ChainPolicy { RevocationMode = {|RES3003:X509RevocationMode.NoCheck|} };
        var mode = {|RES3003:X509RevocationMode.NoCheck|};
        chain.ChainPolicy.RevocationMode = mode;
    }"),
            Verify.Diagnostic("RES3003").WithLocation(0).WithArguments("RevocationMode = X509RevocationMode.NoCheck", string.Empty, string.Empty));

        [Fact]
        public Task No_check_through_an_alias_or_a_using_static_is_reported_and_other_revocation_names_are_not_anchors() => Verify.VerifyAnalyzerAsync(
            "using Mode = System.Security.Cryptography.X509Certificates.X509RevocationMode;\nusing static System.Security.Cryptography.X509Certificates.X509RevocationMode;\n" + Class(@"
    enum RevocationReason { Lost, Stolen }

    void Aliased(X509Chain chain) => chain.ChainPolicy.RevocationMode = {|RES3003:Mode.NoCheck|};

    void Imported(SslClientAuthenticationOptions client) => client.CertificateRevocationCheckMode = {|RES3003:NoCheck|};

    RevocationReason Reason(X509ChainPolicy policy) => policy.VerificationFlags == X509VerificationFlags.NoFlag ? RevocationReason.Lost : RevocationReason.Stolen;"));

        [Fact]
        public Task SslStream_revocation_argument_is_reported_positional_and_named() => Verify.VerifyAnalyzerAsync(
            Class(@"
    async Task M(SslStream stream, X509Certificate2 serverCertificate)
    {
        stream.AuthenticateAsClient(""merchant-api.resurs.com"", null, SslProtocols.Tls12, {|RES3003:false|});
        await stream.AuthenticateAsClientAsync(""merchant-api.resurs.com"", null, SslProtocols.Tls12, checkCertificateRevocation: {|#0:false|});
        stream.AuthenticateAsServer(serverCertificate, false, SslProtocols.Tls12, {|RES3003:false|});
        await stream.AuthenticateAsServerAsync(serverCertificate, clientCertificateRequired: true, enabledSslProtocols: SslProtocols.Tls12, checkCertificateRevocation: {|RES3003:false|});
    }"),
            Verify.Diagnostic("RES3003").WithLocation(0).WithArguments("checkCertificateRevocation: false", string.Empty, string.Empty));

        [Fact]
        public Task Kestrel_client_certificate_revocation_is_reported() => Verify.VerifyAnalyzerAsync(@"
using Microsoft.AspNetCore.Server.Kestrel.Core;

class Startup
{
    void Configure(KestrelServerOptions kestrel) =>
        kestrel.ConfigureHttpsDefaults(https => https.CheckCertificateRevocation = {|RES3003:false|});
}
");

        [Fact]
        public Task Wcf_revocation_mode_is_reported() => Verify.VerifyAnalyzerAsync(@"
using System.Security.Cryptography.X509Certificates;

namespace System.ServiceModel.Security
{
    public sealed class X509ServiceCertificateAuthentication
    {
        public X509RevocationMode RevocationMode { get; set; }
    }
}

namespace Shop
{
    using System.ServiceModel.Security;

    static class ResursSoapClient
    {
        static void Configure(X509ServiceCertificateAuthentication authentication) =>
            authentication.RevocationMode = {|RES3003:X509RevocationMode.NoCheck|};
    }
}
");

        [Fact]
        public Task Constant_false_is_reported_at_its_use() => Verify.VerifyAnalyzerAsync(Class(@"
    const bool CheckCrl = false;
    void M(HttpClientHandler handler, SslStream stream)
    {
        handler.CheckCertificateRevocationList = {|RES3003:CheckCrl|};
        stream.AuthenticateAsClient(""merchant-api.resurs.com"", null, SslProtocols.Tls12, {|RES3003:!true|});
    }"));

        [Fact]
        public Task Checking_revocation_defaults_and_reading_are_not_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool IsStrict(X509RevocationMode mode) => mode != X509RevocationMode.NoCheck;

    async Task<bool> M(HttpClientHandler handler, X509Chain chain, SslStream stream, bool fromConfig)
    {
        handler.CheckCertificateRevocationList = true;
        handler.CheckCertificateRevocationList = fromConfig;
        var unset = new HttpClientHandler();
        var client = new HttpClient();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.Offline;
        stream.AuthenticateAsClient(""merchant-api.resurs.com"", null, SslProtocols.Tls12, true);
        await stream.AuthenticateAsClientAsync(""merchant-api.resurs.com"");
        var mode = X509RevocationMode.NoCheck;
        if (chain.ChainPolicy.RevocationMode == mode || IsStrict(X509RevocationMode.NoCheck))
        {
            Console.WriteLine(X509RevocationMode.NoCheck);
        }

        return chain.ChainPolicy.RevocationMode is X509RevocationMode.NoCheck || !handler.CheckCertificateRevocationList;
    }"));

        [Fact]
        public Task Development_only_code_is_reported_with_a_note() => Verify.VerifyAnalyzerAsync(
            @"
using System.Net.Http;
using Microsoft.Extensions.Hosting;

class Startup
{
    void M(IHostEnvironment env, HttpClientHandler handler)
    {
        if (env.IsDevelopment())
        {
            handler.CheckCertificateRevocationList = {|#0:false|};
        }
    }
}
",
            Verify.Diagnostic("RES3003").WithLocation(0).WithArguments(
                "CheckCertificateRevocationList = false",
                string.Empty,
                " (in development-only code; if this is deliberate, suppress RES3003 with #pragma warning disable or set resurs_analyzers.development_code = skip)"));

        [Fact]
        public Task Test_projects_are_silent_by_default()
        {
            var test = new Verify.Test(Class(@"
    void M(HttpClientHandler handler) => handler.CheckCertificateRevocationList = false;"));
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }

        [Fact]
        public Task Settings_that_cannot_weaken_tls_are_silent() => Verify.VerifyAnalyzerAsync(Class(@"
    // A server that does not require client certificates never checks their revocation.
    SslServerAuthenticationOptions Server() => new SslServerAuthenticationOptions { CertificateRevocationCheckMode = X509RevocationMode.NoCheck };

    // A standalone chain that checks a signing certificate, outside any TLS validation.
    bool IsSignedByBroker(X509Certificate2 signer)
    {
        var chain = new X509Chain();
        chain.ChainPolicy = new X509ChainPolicy { RevocationMode = X509RevocationMode.NoCheck };
        return chain.Build(signer);
    }

    // The same inside a validation callback weakens TLS.
    bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var own = new X509Chain();
        own.ChainPolicy.RevocationMode = {|RES3003:X509RevocationMode.NoCheck|};
        return errors == SslPolicyErrors.None;
    }"));

        private const string Options = @"
    sealed class TlsOptions
    {
        public bool CheckRevocation { get; set; } = true;
        public bool CheckCrl { get; set; } = true;
        public bool SkipRevocation { get; set; }
    }

    sealed class LegacyOptions
    {
        public bool CheckRevocation { get; set; }
        public bool CheckCrl { get; set; } = false;
        public bool SkipRevocation { get; set; } = true;
        public bool CheckOcsp;
    }
";

        [Fact]
        public Task A_choice_on_configuration_is_silent_when_the_default_checks_revocation() => Verify.VerifyAnalyzerAsync(Class(Options + @"
    void M(X509Chain chain, HttpClientHandler handler, SslClientAuthenticationOptions client, TlsOptions options)
    {
        chain.ChainPolicy.RevocationMode = options.CheckRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
        client.CertificateRevocationCheckMode = options.SkipRevocation ? X509RevocationMode.NoCheck : X509RevocationMode.Online;
        client.CertificateRevocationCheckMode = !options.CheckRevocation ? X509RevocationMode.NoCheck : X509RevocationMode.Online;
        handler.CheckCertificateRevocationList = options.CheckCrl;
        handler.CheckCertificateRevocationList = !options.SkipRevocation;
    }"));

        [Fact]
        public Task A_choice_on_configuration_is_reported_when_the_default_turns_revocation_off() => Verify.VerifyAnalyzerAsync(
            Class(Options + @"
    void M(X509Chain chain, HttpClientHandler handler, SslClientAuthenticationOptions client, LegacyOptions options, SslStream stream)
    {
        chain.ChainPolicy.RevocationMode = options.CheckRevocation ? X509RevocationMode.Online : {|#0:X509RevocationMode.NoCheck|};
        client.CertificateRevocationCheckMode = options.SkipRevocation ? {|RES3003:X509RevocationMode.NoCheck|} : X509RevocationMode.Online;
        handler.CheckCertificateRevocationList = {|#1:options.CheckCrl|};
        handler.CheckCertificateRevocationList = {|RES3003:!options.SkipRevocation|};
        stream.AuthenticateAsClient(""merchant-api.resurs.com"", null, SslProtocols.Tls12, {|RES3003:options.CheckCrl|});
        handler.CheckCertificateRevocationList = {|RES3003:options.CheckOcsp|};
        handler.CheckCertificateRevocationList = checkLater;
    }

    // A private field is state, not an option: it may be set anywhere in the class.
    private bool checkLater;"),
            Verify.Diagnostic("RES3003").WithLocation(0).WithArguments("RevocationMode = X509RevocationMode.NoCheck", " while 'CheckRevocation' keeps its default (false)", string.Empty),
            Verify.Diagnostic("RES3003").WithLocation(1).WithArguments("CheckCertificateRevocationList = options.CheckCrl", " while 'CheckCrl' keeps its default (false)", string.Empty));

        [Fact]
        public Task An_opt_in_revocation_option_that_defaults_to_off_stays_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    // Shaped like npgsql: revocation is checked only when the connection string asks for it, and by default it does not.
    sealed class ConnectionSettings
    {
        public bool CheckCertificateRevocation { get; set; }
    }

    void Authenticate(SslStream stream, ConnectionSettings settings, X509Chain chain)
    {
        var mode = settings.CheckCertificateRevocation ? X509RevocationMode.Online : {|RES3003:X509RevocationMode.NoCheck|};
        chain.ChainPolicy.RevocationMode = mode;
        stream.AuthenticateAsClient(new SslClientAuthenticationOptions
        {
            TargetHost = ""db.example.com"",
            CertificateRevocationCheckMode = settings.CheckCertificateRevocation ? X509RevocationMode.Online : {|RES3003:X509RevocationMode.NoCheck|},
        });
    }"));

        [Fact]
        public Task A_choice_whose_default_is_not_knowable_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    sealed class Settings
    {
        public Settings(bool check) => CheckRevocation = check;
        public bool CheckRevocation { get; set; }
        public bool Computed => DateTime.Now.Year > 2000;
    }

    void M(X509Chain chain, HttpClientHandler handler, Settings settings, bool checkRevocation)
    {
        chain.ChainPolicy.RevocationMode = checkRevocation ? X509RevocationMode.Online : {|RES3003:X509RevocationMode.NoCheck|};
        chain.ChainPolicy.RevocationMode = settings.CheckRevocation ? X509RevocationMode.Online : {|RES3003:X509RevocationMode.NoCheck|};
        chain.ChainPolicy.RevocationMode = settings.Computed ? X509RevocationMode.Online : {|RES3003:X509RevocationMode.NoCheck|};
        handler.CheckCertificateRevocationList = settings.CheckRevocation;
        handler.CheckCertificateRevocationList = settings.Computed;
        handler.CheckCertificateRevocationList = checkRevocation;
    }"));

        [Fact]
        public Task Fix_is_not_offered_where_an_option_default_turns_revocation_off()
        {
            // Writing 'true' here would ignore the option; its default is what to change.
            var source = Class(Options + @"
    void M(HttpClientHandler handler, X509Chain chain, LegacyOptions options)
    {
        handler.CheckCertificateRevocationList = {|RES3003:options.CheckCrl|};
        chain.ChainPolicy.RevocationMode = options.CheckRevocation ? X509RevocationMode.Online : {|RES3003:X509RevocationMode.NoCheck|};
    }");
            return Verify.VerifyCodeFixAsync(source, source, EquivalenceKeys.CheckRevocation);
        }

        [Fact]
        public Task Fix_is_not_offered_for_one_side_of_a_choice()
        {
            // 'check ? Online : Online' would compile, but the condition would be silently ignored.
            var source = Class(@"
    void M(X509Chain chain, bool checkRevocation) =>
        chain.ChainPolicy.RevocationMode = checkRevocation ? X509RevocationMode.Online : {|RES3003:X509RevocationMode.NoCheck|};");
            return Verify.VerifyCodeFixAsync(source, source, EquivalenceKeys.CheckRevocation);
        }

        [Fact]
        public Task Revocation_on_an_object_that_accepts_every_certificate_is_left_to_RES3001() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler, SocketsHttpHandler sockets, X509Chain chain)
    {
        var inline = new HttpClientHandler
        {
            CheckCertificateRevocationList = false,
            ServerCertificateCustomValidationCallback = (m, c, ch, e) => true,
        };
        var dangerous = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            CheckCertificateRevocationList = false,
        };
        var client = new SslClientAuthenticationOptions
        {
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = AcceptAll,
        };
        handler.CheckCertificateRevocationList = false;
        handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;
        sockets.SslOptions.CertificateRevocationCheckMode = X509RevocationMode.NoCheck;
        sockets.SslOptions.RemoteCertificateValidationCallback = delegate { return true; };
        ServicePointManager.CheckCertificateRevocationList = false;
        ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => true;
    }

    void StillReported(HttpClientHandler handler, HttpClientHandler other)
    {
        var validating = new HttpClientHandler
        {
            CheckCertificateRevocationList = {|RES3003:false|},
            ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None,
        };
        handler.CheckCertificateRevocationList = {|RES3003:false|};
        other.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;
        if (DateTime.Now.Hour > 12)
        {
            handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;
        }
    }

    static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;"));

        [Fact]
        public Task A_constant_false_is_reported_by_the_member_name_where_the_types_do_not_resolve() => new Verify.Test(@"
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

class Program
{
    static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.ListenAnyIP(8443, listen => listen.UseHttps(Certificates.Load()));
            kestrel.ConfigureHttpsDefaults(https => https.CheckCertificateRevocation = {|RES3003:false|});
            kestrel.ConfigureHttpsDefaults(https => https.CheckCertificateRevocation = true);
            kestrel.ConfigureHttpsDefaults(https => https.CheckCertificateRevocation = bool.Parse(builder.Configuration[""Tls:CheckCrl""] ?? {|RES3003:""false""|}));
        });

        MissingType handler = null!;
        handler.CheckCertificateRevocationList = {|RES3003:false|};
        handler.CheckCertificateRevocationList = settings.Check;
        handler.CheckCertificateRevocationListEnabled = false;

        // One root cause, one diagnostic (RES3001's): beside an accept-all callback on the same object, by name too.
        var smtp = new MailKit.Net.Smtp.SmtpClient();
        smtp.CheckCertificateRevocation = false;
        smtp.ServerCertificateValidationCallback = (s, c, h, e) => true;
        var ssl = new MongoDB.Driver.SslSettings { CheckCertificateRevocation = false, ServerCertificateValidationCallback = (s, c, ch, e) => true };
        var strict = new MailKit.Net.Smtp.SmtpClient();
        strict.CheckCertificateRevocation = {|RES3003:false|};
        smtp.ServerCertificateValidationCallback = (s, c, h, e) => e == 0;
    }
}
")
        {
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        }.RunAsync();

        [Fact]
        public Task A_positional_record_default_that_configures_is_reported() => Verify.VerifyAnalyzerAsync(Usings + @"
record TlsOptions(X509RevocationMode Mode = {|RES3003:X509RevocationMode.NoCheck|}, bool CheckCrl = true);
record StrictOptions(X509RevocationMode Mode = X509RevocationMode.Online);
");

        [Fact]
        public Task Parsed_text_that_turns_revocation_off_is_reported_where_it_is_written() => Verify.VerifyAnalyzerAsync(
            "using Microsoft.Extensions.Configuration;\n" + Class(@"
    void M(IConfiguration config, X509Chain chain, HttpClientHandler handler, SslClientAuthenticationOptions client)
    {
        chain.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(config[""Tls:RevocationMode""] ?? {|#0:""NoCheck""|});
        client.CertificateRevocationCheckMode = (X509RevocationMode)Enum.Parse(typeof(X509RevocationMode), config.GetValue<string>(""Tls:Mode"", {|RES3003:""nocheck""|})!, ignoreCase: true);
        chain.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>({|RES3003:""NoCheck""|});
        var mode = Enum.Parse<X509RevocationMode>(config[""Tls:RevocationMode""] ?? {|RES3003:""NoCheck""|});
        chain.ChainPolicy.RevocationMode = mode;
        handler.CheckCertificateRevocationList = bool.Parse(config[""Tls:CheckCrl""] ?? {|#1:""false""|});
        handler.CheckCertificateRevocationList = Convert.ToBoolean(config[""Tls:CheckCrl""] ?? {|RES3003:""False""|});
        handler.CheckCertificateRevocationList = config.GetValue(""Tls:CheckCrl"", {|#2:false|});
    }

    void LookAlikes(IConfiguration config, X509Chain chain, HttpClientHandler handler)
    {
        chain.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(config[""Tls:RevocationMode""] ?? ""Online"");
        chain.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(config[""Tls:RevocationMode""]!);
        chain.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(""nocheck"", ignoreCase: false); // throws: not a value
        handler.CheckCertificateRevocationList = bool.Parse(config[""Tls:CheckCrl""] ?? ""true"");
        handler.CheckCertificateRevocationList = config.GetValue(""Tls:CheckCrl"", true);
        var logged = Enum.Parse<X509RevocationMode>(config[""Tls:RevocationMode""] ?? ""NoCheck"");
        Console.WriteLine(logged == X509RevocationMode.Online);
        var unrelated = Enum.Parse<StringComparison>(config[""Compare""] ?? ""Ordinal"");
    }"),
            Verify.Diagnostic("RES3003").WithLocation(0).WithArguments(
                "RevocationMode = Enum.Parse<X509RevocationMode>(config[\"Tls:RevocationMode\"] ?? \"NoCheck\")", " when the configuration leaves it unset", string.Empty),
            Verify.Diagnostic("RES3003").WithLocation(1).WithArguments(
                "CheckCertificateRevocationList = bool.Parse(config[\"Tls:CheckCrl\"] ?? \"false\")", " when the configuration leaves it unset", string.Empty),
            Verify.Diagnostic("RES3003").WithLocation(2).WithArguments(
                "CheckCertificateRevocationList = config.GetValue(\"Tls:CheckCrl\", false)", " when the configuration leaves it unset", string.Empty));

        [Fact]
        public async Task Parsed_text_from_a_constant_in_another_file_is_reported_at_its_use_without_a_fix()
        {
            var source = "using Microsoft.Extensions.Configuration;\n" + Class(@"
    void M(IConfiguration config, X509Chain chain) =>
        chain.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(config[""Tls:Mode""] ?? {|#0:TlsDefaults.RevocationMode|});");
            var test = new Verify.Test(source) { FixedCode = source, CodeActionEquivalenceKey = EquivalenceKeys.CheckRevocation };
            test.TestState.Sources.Add(("TlsDefaults.cs", "public static class TlsDefaults { public const string RevocationMode = {|#1:\"NoCheck\"|}; }"));
            test.FixedState.Sources.Add(test.TestState.Sources[1]);
            var expected = Verify.Diagnostic("RES3003").WithLocation(0).WithLocation(1).WithArguments(
                "RevocationMode = Enum.Parse<X509RevocationMode>(config[\"Tls:Mode\"] ?? TlsDefaults.RevocationMode)",
                " through 'TlsDefaults.RevocationMode' (\"NoCheck\", written in TlsDefaults.cs)",
                string.Empty);
            test.ExpectedDiagnostics.Add(expected);
            test.FixedState.ExpectedDiagnostics.Add(expected);
            await test.RunAsync();
        }

        [Fact]
        public Task Parsed_text_is_reported_once_and_not_fixed_where_a_rewrite_would_be_wrong()
        {
            // The fixed state keeps the three findings that have no fix.
            const string Unfixable = @"
        a.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(config[""Tls:Mode""] ?? {|RES3003:nameof(X509RevocationMode.NoCheck)|});
        a.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(strict ? ""Online"" : {|RES3003:""NoCheck""|});
        a.ChainPolicy.RevocationMode = mode switch { ""dev"" => {|RES3003:X509RevocationMode.NoCheck|}, _ => X509RevocationMode.Online };
    }";
            string Source(string fallback) => "using Microsoft.Extensions.Configuration;\n" + Class(@"
    void M(IConfiguration config, X509Chain a, X509Chain b, bool strict, string mode)
    {
        var text = config[""Tls:Mode""] ?? " + fallback + @";
        a.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(text);
        b.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(text);
" + Unfixable);
            var source = Source("{|RES3003:\"NoCheck\"|}");
            var fixedSource = Source("\"Online\"");
            var test = new Verify.Test(source) { FixedCode = fixedSource, CodeActionEquivalenceKey = EquivalenceKeys.CheckRevocation };
            test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_writes_the_checking_value_into_parsed_text() => Verify.VerifyCodeFixAsync(
            "using Microsoft.Extensions.Configuration;\n" + Class(@"
    void M(IConfiguration config, X509Chain chain, HttpClientHandler handler)
    {
        chain.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(config[""Tls:RevocationMode""] ?? {|RES3003:""NoCheck""|});
        handler.CheckCertificateRevocationList = bool.Parse(config[""Tls:CheckCrl""] ?? {|RES3003:""false""|});
        handler.CheckCertificateRevocationList = config.GetValue(""Tls:CheckCrl"", {|RES3003:false|});
    }"),
            "using Microsoft.Extensions.Configuration;\n" + Class(@"
    void M(IConfiguration config, X509Chain chain, HttpClientHandler handler)
    {
        chain.ChainPolicy.RevocationMode = Enum.Parse<X509RevocationMode>(config[""Tls:RevocationMode""] ?? ""Online"");
        handler.CheckCertificateRevocationList = bool.Parse(config[""Tls:CheckCrl""] ?? ""true"");
        handler.CheckCertificateRevocationList = config.GetValue(""Tls:CheckCrl"", true);
    }"),
            EquivalenceKeys.CheckRevocation);

        [Fact]
        public Task Fix_turns_revocation_checking_on() => Verify.VerifyCodeFixAsync(
            Class(@"
    const bool CheckCrl = false;
    void M(HttpClientHandler handler, X509Chain chain, SslStream stream)
    {
        handler.CheckCertificateRevocationList = {|RES3003:false|};
        handler.CheckCertificateRevocationList = {|RES3003:CheckCrl|};
        chain.ChainPolicy.RevocationMode = {|RES3003:X509RevocationMode.NoCheck|};
        var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = {|RES3003:System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck|} };
        stream.AuthenticateAsClient(""merchant-api.resurs.com"", null, SslProtocols.Tls12, checkCertificateRevocation: {|RES3003:false|});
    }"),
            Class(@"
    const bool CheckCrl = false;
    void M(HttpClientHandler handler, X509Chain chain, SslStream stream)
    {
        handler.CheckCertificateRevocationList = true;
        handler.CheckCertificateRevocationList = true;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
        var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.Online };
        stream.AuthenticateAsClient(""merchant-api.resurs.com"", null, SslProtocols.Tls12, checkCertificateRevocation: true);
    }"),
            EquivalenceKeys.CheckRevocation);
    }
}
