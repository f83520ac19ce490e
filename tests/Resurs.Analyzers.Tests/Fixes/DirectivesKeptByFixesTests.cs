using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Xunit;
using CertificateVerify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Certificates.CertificateValidationAnalyzer,
    Resurs.Analyzers.CodeFixes.Certificates.CertificateValidationCodeFixProvider>;
using ChainVerify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Certificates.ChainTrustAnalyzer,
    Resurs.Analyzers.CodeFixes.Certificates.ChainTrustCodeFixProvider>;
using ProtocolVerify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Tls.WeakTlsProtocolAnalyzer,
    Resurs.Analyzers.CodeFixes.Tls.WeakTlsProtocolCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Fixes
{
    /// <summary>
    /// A fix that removes a statement or a member keeps the preprocessor directives in front of it: a lost
    /// <c>#pragma warning restore</c> or <c>#nullable restore</c> would silently widen a suppression or a nullable context
    /// to the end of the file.
    /// </summary>
    public class DirectivesKeptByFixesTests
    {
        [Fact]
        public Task Removing_an_accept_all_callback_keeps_the_directives_before_it() => CertificateVerify.VerifyCodeFixAsync(@"
using System.Net;

class C
{
    void M()
    {
#pragma warning disable SYSLIB0014
        ServicePointManager.Expect100Continue = false;
#pragma warning restore SYSLIB0014
        ServicePointManager.ServerCertificateValidationCallback = {|RES3001:delegate|} { return true; };
    }
}
", @"
using System.Net;

class C
{
    void M()
    {
#pragma warning disable SYSLIB0014
        ServicePointManager.Expect100Continue = false;
#pragma warning restore SYSLIB0014
    }
}
", EquivalenceKeys.UseDefaultCertificateValidation);

        [Fact]
        public Task Removing_neighbours_keeps_the_directives_before_the_first_and_keeps_defines_once() => CertificateVerify.VerifyCodeFixAsync(@"#define TLS_TRACE
using System.Net.Http;

class C
{
    void M(HttpClientHandler a, HttpClientHandler b)
    {
#pragma warning disable CS0618
        System.Console.WriteLine();
#pragma warning restore CS0618
        a.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
        b.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
    }
}
", @"#define TLS_TRACE
using System.Net.Http;

class C
{
    void M(HttpClientHandler a, HttpClientHandler b)
    {
#pragma warning disable CS0618
        System.Console.WriteLine();
#pragma warning restore CS0618
    }
}
", EquivalenceKeys.UseDefaultCertificateValidation);

        [Fact]
        public async Task Removing_a_statement_with_a_missing_semicolon_does_not_throw()
        {
            var source = @"
using System.Net.Http;

class C
{
    void M(HttpClientHandler a)
    {
#pragma warning restore CS0618
        a.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true{|CS1002:|}
        System.Console.WriteLine();
    }
}
";
            var fixedSource = @"
using System.Net.Http;

class C
{
    void M(HttpClientHandler a)
    {
#pragma warning restore CS0618
        System.Console.WriteLine();
    }
}
";
            await new CertificateVerify.Test(source) { FixedCode = fixedSource, CodeActionEquivalenceKey = EquivalenceKeys.UseDefaultCertificateValidation }.RunAsync();
        }

        [Fact]
        public async Task Removing_a_top_level_statement_keeps_the_directives_before_it()
        {
            var test = new CertificateVerify.Test(@"
using System.Net;

#pragma warning disable SYSLIB0014
ServicePointManager.Expect100Continue = false;
#pragma warning restore SYSLIB0014
ServicePointManager.ServerCertificateValidationCallback = {|RES3001:delegate|} { return true; };
")
            {
                FixedCode = @"
using System.Net;

#pragma warning disable SYSLIB0014
ServicePointManager.Expect100Continue = false;
#pragma warning restore SYSLIB0014
",
                CodeActionEquivalenceKey = EquivalenceKeys.UseDefaultCertificateValidation,
            };
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_All_removing_a_statement_and_rewriting_the_next_keeps_the_directives()
        {
            const string Head = @"
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

class C
{
    void M(HttpClientHandler a, HttpClientHandler b)
    {
#pragma warning disable CS0618
        System.Console.WriteLine();
#pragma warning restore CS0618
";
            var test = new CertificateVerify.Test(Head + @"        a.ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true;
        bool Check(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch;
        b.ServerCertificateCustomValidationCallback = {|RES3002:Check|};
    }
}
")
            {
                // One at a time, the chosen fix is RES3001's; Fix All gives RES3002 its own fix in the same edit.
                FixedCode = Head + @"        bool Check(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch;
        b.ServerCertificateCustomValidationCallback = {|RES3002:Check|};
    }
}
",
                BatchFixedCode = Head + @"        bool Check(HttpRequestMessage m, X509Certificate2? c, X509Chain? ch, SslPolicyErrors e) => e == SslPolicyErrors.None;
        b.ServerCertificateCustomValidationCallback = Check;
    }
}
",
                CodeActionEquivalenceKey = EquivalenceKeys.UseDefaultCertificateValidation,
            };
            test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
            await test.RunAsync();
        }

        [Fact]
        public Task Removing_an_initializer_entry_keeps_an_unbalanced_if() => CertificateVerify.VerifyCodeFixAsync(@"
using System.Net.Http;

class C
{
    HttpClientHandler M() => new HttpClientHandler
    {
#if !RELEASE
        ServerCertificateCustomValidationCallback = {|RES3001:(m, c, ch, e)|} => true,
#endif
        UseProxy = false,
    };
}
", @"
using System.Net.Http;

class C
{
    HttpClientHandler M() => new HttpClientHandler
    {

#if !RELEASE
#endif
        UseProxy = false,
    };
}
", EquivalenceKeys.UseDefaultCertificateValidation);

        [Fact]
        public Task Removing_a_weakening_statement_keeps_the_directives_before_it() => ChainVerify.VerifyCodeFixAsync(@"
using System.Security.Cryptography.X509Certificates;

class C
{
    void M(X509Chain chain)
    {
#nullable disable
        string legacy = null;
#nullable restore
        chain.ChainPolicy.VerificationFlags |= {|RES3005:X509VerificationFlags.IgnoreNotTimeValid|};
        System.Console.WriteLine(legacy);
    }
}
", @"
using System.Security.Cryptography.X509Certificates;

class C
{
    void M(X509Chain chain)
    {
#nullable disable
        string legacy = null;
#nullable restore
        System.Console.WriteLine(legacy);
    }
}
", EquivalenceKeys.RemoveWeakeningFlags);

        [Fact]
        public Task Removing_an_unused_weak_constant_keeps_the_directives_before_it() => ProtocolVerify.VerifyCodeFixAsync(@"
using System.Net;

class C
{
#pragma warning disable CS0618
    private const int Unrelated = 1;
#pragma warning restore CS0618
    private const SecurityProtocolType Tls11 = {|RES2002:(SecurityProtocolType)768|};

    void M()
    {
        ServicePointManager.SecurityProtocol = Tls11;
    }
}
", @"
using System.Net;

class C
{
#pragma warning disable CS0618
    private const int Unrelated = 1;
#pragma warning restore CS0618

    void M()
    {
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
    }
}
", EquivalenceKeys.RemoveWeakProtocols);
    }
}
