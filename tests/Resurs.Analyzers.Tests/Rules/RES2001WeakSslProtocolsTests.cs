using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.CodeFixes.Tls;
using Resurs.Analyzers.Rules.Tls;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Tls.WeakTlsProtocolAnalyzer,
    Resurs.Analyzers.CodeFixes.Tls.WeakTlsProtocolCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES2001")]
    public class RES2001WeakSslProtocolsTests
    {
        private const string Usings = "using System;\nusing System.Net.Http;\nusing System.Net.Security;\nusing System.Security.Authentication;\nusing System.Threading.Tasks;\n";

        private static string Class(string members) => Usings + "class C\n{\n" + members + "\n}\n";

        [Fact]
        public Task A_positional_record_default_that_configures_is_reported() => Verify.VerifyAnalyzerAsync(Usings + @"
record TlsSettings(SslProtocols Protocols = {|RES2001:SslProtocols.Tls|}, int Port = 443);
record StrongSettings(SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13);
");

        [Fact]
        public Task Assignment_to_handler_property_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler) => handler.SslProtocols = {|RES2001:SslProtocols.Tls11|};"));

        [Fact]
        public Task Message_names_the_value_and_the_requirement() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(HttpClientHandler handler) => handler.SslProtocols = {|#0:SslProtocols.Tls11|};"),
            Verify.Diagnostic("RES2001").WithLocation(0).WithArguments("SslProtocols.Tls11", "TLS 1.1"));

        [Fact]
        public Task Compound_or_assignment_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler) => handler.SslProtocols |= {|RES2001:SslProtocols.Tls|};"));

        [Fact]
        public Task Object_initializer_reports_only_the_weak_part_of_a_mask() => Verify.VerifyAnalyzerAsync(Class(@"
    HttpClientHandler M() => new HttpClientHandler { SslProtocols = {|RES2001:SslProtocols.Tls11|} | SslProtocols.Tls12 };"));

        [Fact]
        public Task SslStream_authenticate_arguments_are_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    async Task M(SslStream stream, System.Security.Cryptography.X509Certificates.X509Certificate cert)
    {
        stream.AuthenticateAsClient(""merchant-api.resurs.com"", null, {|RES2001:SslProtocols.Tls|}, true);
        await stream.AuthenticateAsClientAsync(""merchant-api.resurs.com"", null, {|RES2001:SslProtocols.Ssl3|}, true);
        stream.AuthenticateAsServer(cert, false, {|RES2001:SslProtocols.Tls11|}, true);
        await stream.AuthenticateAsServerAsync(cert, false, enabledSslProtocols: {|RES2001:SslProtocols.Ssl2|}, checkCertificateRevocation: true);
    }"));

        [Fact]
        public Task Authentication_options_and_sockets_handler_are_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(SocketsHttpHandler sockets)
    {
        var client = new SslClientAuthenticationOptions { EnabledSslProtocols = {|RES2001:SslProtocols.Tls11|} };
        var server = new SslServerAuthenticationOptions();
        server.EnabledSslProtocols = {|RES2001:SslProtocols.Tls|} | SslProtocols.Tls12;
        sockets.SslOptions.EnabledSslProtocols = {|RES2001:SslProtocols.Default|};
        var nested = new SocketsHttpHandler { SslOptions = { EnabledSslProtocols = {|RES2001:SslProtocols.Tls11|} } };
    }"));

        [Fact]
        public Task Kestrel_https_defaults_and_UseHttps_are_reported() => Verify.VerifyAnalyzerAsync(@"
using System.Security.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

class Startup
{
    void Configure(KestrelServerOptions kestrel)
    {
        kestrel.ConfigureHttpsDefaults(https => https.SslProtocols = {|RES2001:SslProtocols.Tls11|} | SslProtocols.Tls12);
        kestrel.ListenAnyIP(443, listen => listen.UseHttps(https => https.SslProtocols = {|RES2001:SslProtocols.Tls|}));
    }
}
");

        [Fact]
        public Task Return_values_and_locals_that_flow_are_reported_once_where_written() => Verify.VerifyAnalyzerAsync(Class(@"
    const SslProtocols Legacy = {|RES2001:SslProtocols.Tls|};
    static SslProtocols Protocols() => {|RES2001:SslProtocols.Tls11|} | SslProtocols.Tls12;
    static SslProtocols Block(bool old)
    {
        if (old)
        {
            return {|RES2001:SslProtocols.Ssl3|};
        }

        return SslProtocols.Tls12;
    }

    void M(HttpClientHandler handler, bool legacy)
    {
        var protocols = {|RES2001:SslProtocols.Tls11|};
        handler.SslProtocols = protocols;
        handler.SslProtocols = Legacy;
        handler.SslProtocols = Protocols();
        handler.SslProtocols = legacy ? {|RES2001:SslProtocols.Tls11|} : SslProtocols.Tls12;
    }"));

        [Fact]
        public Task Numeric_casts_are_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    const int LegacyBits = 768;
    void M(HttpClientHandler handler, SslProtocols input)
    {
        handler.SslProtocols = {|RES2001:(SslProtocols)192|};
        handler.SslProtocols = {|RES2001:(SslProtocols)768|};
        handler.SslProtocols = {|RES2001:(SslProtocols)(24 + 24)|};
        handler.SslProtocols = input | {|RES2001:(SslProtocols)192|};
        handler.SslProtocols = {|RES2001:(SslProtocols)3264|};
        handler.SslProtocols = {|RES2001:(SslProtocols)LegacyBits|};
    }"));

        [Fact]
        public Task Negation_that_turns_weak_members_on_is_reported_on_the_negation() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(HttpClientHandler handler) => handler.SslProtocols = {|#0:~SslProtocols.Ssl3|};"),
            Verify.Diagnostic("RES2001").WithLocation(0).WithArguments("~SslProtocols.Ssl3", "SSL 2.0, TLS 1.0 and TLS 1.1"));

        [Fact]
        public Task Deconstruction_assignment_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        int i;
        (handler.SslProtocols, i) = ({|RES2001:(SslProtocols)384|}, 0);
    }"));

        [Fact]
        public Task Reading_values_is_not_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    static readonly SslProtocols[] Rejected = { SslProtocols.Tls, SslProtocols.Tls11 };

    string M(SslStream stream, SslProtocols configured)
    {
        // handler.SslProtocols = SslProtocols.Tls11;
        if (stream.SslProtocol == SslProtocols.Tls || stream.SslProtocol != SslProtocols.Tls11)
        {
            return ""old"";
        }

        if ((configured & SslProtocols.Tls) != 0 || configured.HasFlag(SslProtocols.Ssl3) || configured is SslProtocols.Tls11)
        {
            return ""weak"";
        }

        switch (stream.SslProtocol)
        {
            case SslProtocols.Tls11:
                return ""1.1"";
        }

        Console.WriteLine(SslProtocols.Tls);
        var text = SslProtocols.Tls11.ToString() + nameof(SslProtocols.Tls);
        var weak = SslProtocols.Tls11;
        if (stream.SslProtocol == weak)
        {
            return text;
        }

        return stream.SslProtocol switch { SslProtocols.Tls => ""1.0"", _ => ""new"" };
    }"));

        [Fact]
        public Task Predicates_that_take_a_protocol_are_not_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool IsAllowed(SslProtocols protocols) => (protocols & SslProtocols.Tls12) != 0;
    static void Configure(SslProtocols protocols) { }

    void M()
    {
        if (IsAllowed(SslProtocols.Tls11))
        {
            Configure({|RES2001:SslProtocols.Tls11|});
        }
    }"));

        [Fact]
        public Task Strong_values_and_masks_that_remove_weak_bits_are_not_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler, SslClientAuthenticationOptions options)
    {
        handler.SslProtocols = SslProtocols.None;
        handler.SslProtocols = SslProtocols.Tls12;
        handler.SslProtocols = SslProtocols.Tls13;
        handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        handler.SslProtocols = (SslProtocols)12288;
        handler.SslProtocols &= ~(SslProtocols.Tls | SslProtocols.Tls11);
        options.EnabledSslProtocols = options.EnabledSslProtocols & ~(SslProtocols.Ssl2 | SslProtocols.Ssl3 | SslProtocols.Tls | SslProtocols.Tls11);
        var local = SslProtocols.Tls12;
        local &= ~SslProtocols.Tls11;
        handler.SslProtocols = local;
    }"));

        [Fact]
        public Task Fix_removes_the_weak_member_from_a_mask() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(HttpClientHandler handler) => handler.SslProtocols = {|RES2001:SslProtocols.Tls11|} | SslProtocols.Tls12;"),
            Class(@"
    void M(HttpClientHandler handler) => handler.SslProtocols = SslProtocols.Tls12;"),
            EquivalenceKeys.RemoveWeakProtocols);

        [Fact]
        public Task Fix_writes_tls12_and_tls13_when_nothing_strong_remains() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.SslProtocols = {|RES2001:SslProtocols.Tls11|};
        handler.SslProtocols = {|RES2001:(SslProtocols)192|};
        handler.SslProtocols = {|RES2001:~SslProtocols.Ssl3|};
        handler.SslProtocols |= {|RES2001:SslProtocols.Tls|};
    }"),
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        handler.SslProtocols |= SslProtocols.Tls12 | SslProtocols.Tls13;
    }"),
            EquivalenceKeys.RemoveWeakProtocols);

        [Fact]
        public Task Fix_keeps_strong_bits_of_a_mixed_cast_and_non_constant_operands() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(HttpClientHandler handler, SslProtocols input)
    {
        handler.SslProtocols = {|RES2001:(SslProtocols)3264|};
        handler.SslProtocols = input | {|RES2001:SslProtocols.Tls11|};
        handler.SslProtocols = {|RES2001:SslProtocols.Tls|} | {|RES2001:SslProtocols.Tls11|} | SslProtocols.Tls12;
    }"),
            Class(@"
    void M(HttpClientHandler handler, SslProtocols input)
    {
        handler.SslProtocols = SslProtocols.Tls12;
        handler.SslProtocols = input;
        handler.SslProtocols = SslProtocols.Tls12;
    }"),
            EquivalenceKeys.RemoveWeakProtocols);

        [Fact]
        public Task Fix_uses_the_type_as_written() => Verify.VerifyCodeFixAsync(
            @"
using Protocols = System.Security.Authentication.SslProtocols;

class C
{
    void M(System.Net.Http.HttpClientHandler handler) => handler.SslProtocols = {|RES2001:Protocols.Tls11|};
    void N(System.Net.Http.HttpClientHandler handler) => handler.SslProtocols = {|RES2001:System.Security.Authentication.SslProtocols.Tls|};
}
",
            @"
using Protocols = System.Security.Authentication.SslProtocols;

class C
{
    void M(System.Net.Http.HttpClientHandler handler) => handler.SslProtocols = Protocols.Tls12 | Protocols.Tls13;
    void N(System.Net.Http.HttpClientHandler handler) => handler.SslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13;
}
",
            EquivalenceKeys.RemoveWeakProtocols);

        [Fact]
        public Task Fix_lets_the_operating_system_choose() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.SslProtocols = {|RES2001:SslProtocols.Tls11|} | SslProtocols.Tls12;
        handler.SslProtocols |= {|RES2001:SslProtocols.Tls|};
    }"),
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.SslProtocols = SslProtocols.None;
        handler.SslProtocols = SslProtocols.None;
    }"),
            EquivalenceKeys.UseSystemDefaultProtocols);

        [Fact]
        public Task Fix_writes_only_tls12_when_the_framework_has_no_tls13()
        {
            var test = new Verify.Test(
                @"
using System.Security.Authentication;

class C
{
    SslProtocols P() => {|RES2001:SslProtocols.Tls11|};
}
")
            {
                ReferenceAssemblies = TestEnvironment.NetStandard20,
                FixedCode = @"
using System.Security.Authentication;

class C
{
    SslProtocols P() => SslProtocols.Tls12;
}
",
                CodeActionEquivalenceKey = EquivalenceKeys.RemoveWeakProtocols,
            };
            test.TestState.AdditionalReferences.Clear();
            return test.RunAsync();
        }
    }
}
