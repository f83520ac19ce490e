using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Certificates.CertificateValidationAnalyzer,
    Resurs.Analyzers.CodeFixes.Certificates.CertificateValidationCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES3002")]
    public class RES3002CertificateErrorsAcceptedTests
    {
        private const string Usings = "using System;\nusing System.Linq;\nusing System.Net;\nusing System.Net.Http;\nusing System.Net.Security;\nusing System.Security.Cryptography.X509Certificates;\n";

        private const string NameMismatch = "wrong-domain certificates (RemoteCertificateNameMismatch)";
        private const string ChainErrors = "certificates with a broken chain or an untrusted CA (RemoteCertificateChainErrors)";
        private const string NotAvailable = "a missing certificate (RemoteCertificateNotAvailable)";
        private const string Everything = NameMismatch + ", " + ChainErrors + " and " + NotAvailable;
        private const string NeverReads = ", because it never reads the SslPolicyErrors argument";
        private const string Advice = "accept a certificate only when the errors are SslPolicyErrors.None";

        private static string Class(string members) => Usings + "\nclass C\n{\n    const string Pin = \"3B0E2A5F9C\";\n" + members + "\n}\n";

        private static string Handler(string validator) => Class(@"
    void M(HttpClientHandler handler) => handler.ServerCertificateCustomValidationCallback = " + validator + ";");

        [Fact]
        public Task Accepting_a_name_mismatch_is_reported_and_named() => Verify.VerifyAnalyzerAsync(
            Handler("{|#0:(message, cert, chain, errors)|} => errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch"),
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments("This certificate validation callback", NameMismatch, Advice, string.Empty));

        [Fact]
        public Task Masking_out_chain_errors_is_reported_and_named() => Verify.VerifyAnalyzerAsync(
            Handler("{|#0:(message, cert, chain, errors)|} => (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None"),
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments("This certificate validation callback", ChainErrors, Advice, string.Empty));

        [Fact]
        public Task HasFlag_on_one_flag_is_reported_and_names_the_rest() => Verify.VerifyAnalyzerAsync(
            Handler("{|#0:(message, cert, chain, errors)|} => !errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)"),
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments("This certificate validation callback", NameMismatch + " and " + ChainErrors, Advice, string.Empty));

        [Fact]
        public Task Pinning_the_thumbprint_or_public_key_is_silent() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => cert?.GetCertHashString() == Pin;
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => cert != null && cert.Thumbprint == Pin;
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => cert?.GetPublicKeyString() == Pin;
    }"));

        [Fact]
        public Task Comparing_only_subject_or_issuer_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool ByIssuer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate != null && certificate.Issuer.Contains(""DigiCert"");

    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(_, cert, _, _)|} => cert!.Subject == ""CN=merchant-api.resurs.com"";
        ServicePointManager.ServerCertificateValidationCallback = {|RES3002:ByIssuer|};
    }"));

        private const string SubjectClause = ", when the certificate's Subject matches, which anyone can put in a self-signed certificate";
        private const string HostClause = ", for the hosts it names, where a forged certificate is then accepted";

        [Fact]
        public Task Accepting_errors_when_a_forgeable_property_matches_is_reported_and_says_so() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|#0:(message, cert, chain, errors)|} => errors == SslPolicyErrors.None || cert?.Subject == ""CN=api.example.com"";
        handler.ServerCertificateCustomValidationCallback = {|#1:(message, cert, chain, errors)|} =>
        {
            if (errors == SslPolicyErrors.None)
                return true;
            return cert != null && cert.SubjectName.Name == ""CN=api.example.com"";
        };
    }"),
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments("This certificate validation callback", Everything + SubjectClause, Advice, string.Empty),
            Verify.Diagnostic("RES3002").WithLocation(1).WithArguments(
                "This certificate validation callback",
                NameMismatch + ", " + ChainErrors + " and " + NotAvailable + ", when the certificate's distinguished name matches, which anyone can put in a self-signed certificate",
                Advice,
                string.Empty));

        [Fact]
        public Task Every_forgeable_property_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} => errors == SslPolicyErrors.None || cert!.Issuer == ""CN=Internal CA"";
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} => errors == SslPolicyErrors.None || cert!.GetNameInfo(X509NameType.DnsName, false) == ""api.example.com"";
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} => errors == SslPolicyErrors.None || cert!.FriendlyName == ""staging"";
        ServicePointManager.ServerCertificateValidationCallback = {|RES3002:(sender, cert, chain, errors)|} => errors == SslPolicyErrors.None || cert!.Subject.Contains(""example.com"");
    }"));

        [Fact]
        public Task Forgeable_properties_and_hosts_together_give_one_clause() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|#0:(request, cert, chain, errors)|} =>
            request.RequestUri!.Host == ""internal.example.com"" && cert?.Subject == ""CN=internal"";
        handler.ServerCertificateCustomValidationCallback = {|#1:(request, cert, chain, errors)|} => cert?.Issuer == ""CN=Internal CA"";
    }"),
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments(
                "This certificate validation callback",
                Everything + ", judging only the certificate's Subject and the request's host, which a self-signed certificate satisfies",
                Advice,
                string.Empty),
            Verify.Diagnostic("RES3002").WithLocation(1).WithArguments(
                "This certificate validation callback",
                Everything + ", when the certificate's Issuer matches, which anyone can put in a self-signed certificate",
                Advice,
                string.Empty));

        [Fact]
        public Task Accepting_errors_for_chosen_hosts_is_reported_and_says_so() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|#0:(request, cert, chain, errors)|} =>
            errors == SslPolicyErrors.None || request.RequestUri!.Host == ""internal.example.com"";
        ServicePointManager.ServerCertificateValidationCallback = {|RES3002:(sender, cert, chain, errors)|} =>
        {
            if (sender is HttpWebRequest request && request.Address.Host == ""internal.example.com"")
                return true;
            return errors == SslPolicyErrors.None;
        };
    }"),
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments("This certificate validation callback", Everything + HostClause, Advice, string.Empty));

        [Fact]
        public Task Forgeable_and_host_checks_on_top_of_no_errors_are_silent() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None && cert?.Subject == ""CN=api.example.com"";
        handler.ServerCertificateCustomValidationCallback = (request, cert, chain, errors) => errors == SslPolicyErrors.None && request.RequestUri!.Host == ""api.example.com"";
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
        {
            if (errors != SslPolicyErrors.None)
                return false;
            return cert!.Issuer.Contains(""DigiCert"");
        };
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None || cert?.GetCertHashString() == Pin;
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None || cert?.GetPublicKeyString() == Pin;
    }"));

        private const string IdentityModelStub = @"
namespace System.IdentityModel.Selectors
{
    using System.Security.Cryptography.X509Certificates;

    public abstract class X509CertificateValidator
    {
        public static X509CertificateValidator ChainTrust => null!;
        public abstract void Validate(X509Certificate2 certificate);
    }
}

namespace System.IdentityModel.Tokens
{
    public class SecurityTokenValidationException : System.Exception
    {
        public SecurityTokenValidationException(string message) : base(message) { }
    }
}
";

        [Fact]
        public Task Custom_validator_that_throws_only_on_a_forgeable_property_is_reported() => Verify.VerifyAnalyzerAsync(IdentityModelStub + @"
namespace Shop
{
    using System;
    using System.IdentityModel.Selectors;
    using System.IdentityModel.Tokens;
    using System.Security.Cryptography.X509Certificates;

    sealed class SubjectValidator : X509CertificateValidator
    {
        public override void {|#0:Validate|}(X509Certificate2 certificate)
        {
            if (certificate == null)
                throw new ArgumentNullException(nameof(certificate));
            if (certificate.Subject != ""CN=partner.example.com"")
                throw new SecurityTokenValidationException(""Unexpected certificate"");
        }
    }

    sealed class AcceptAllValidator : X509CertificateValidator
    {
        public override void {|#1:Validate|}(X509Certificate2 certificate)
        {
        }
    }

    sealed class ChainValidator : X509CertificateValidator
    {
        public override void Validate(X509Certificate2 certificate)
        {
            ChainTrust.Validate(certificate);
            if (certificate.Subject != ""CN=partner.example.com"")
                throw new SecurityTokenValidationException(""Unexpected certificate"");
        }
    }

    sealed class PinningValidator : X509CertificateValidator
    {
        public override void Validate(X509Certificate2 certificate)
        {
            if (certificate.Thumbprint != ""3B0E2A5F9C"")
                throw new SecurityTokenValidationException(""Unexpected certificate"");
        }
    }

    sealed class BuildingValidator : X509CertificateValidator
    {
        public override void Validate(X509Certificate2 certificate)
        {
            using var chain = new X509Chain();
            if (!chain.Build(certificate))
                throw new SecurityTokenValidationException(""Untrusted"");
        }
    }

    sealed class UnknownValidator : X509CertificateValidator
    {
        private readonly Func<X509Certificate2, bool> check;
        public UnknownValidator(Func<X509Certificate2, bool> check) => this.check = check;
        public override void Validate(X509Certificate2 certificate)
        {
            if (!check(certificate))
                throw new SecurityTokenValidationException(""Rejected"");
        }
    }
}
",
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments(
                "Certificate validator 'SubjectValidator'",
                "any certificate whose Subject matches, without checking its chain; anyone can put these in a self-signed certificate",
                "validate the chain first (X509CertificateValidator.ChainTrust.Validate) and check these properties only after it",
                string.Empty),
            Verify.Diagnostic("RES3001").WithLocation(1).WithArguments("Certificate validator 'AcceptAllValidator'", string.Empty));

        [Fact]
        public Task Pinning_a_self_signed_certificate_when_the_errors_are_not_none_is_silent() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            // The staging server has a self-signed certificate: accept it when it is the pinned one.
            return cert != null && cert.GetCertHashString() == Pin;
        };
    }"));

        [Fact]
        public Task A_chain_rebuilt_against_a_custom_root_is_validation() => Verify.VerifyAnalyzerAsync(Class(@"
    static RemoteCertificateValidationCallback RootValidation(X509Certificate2Collection roots) => (_, certificate, chain, errors) =>
    {
        if (certificate is null || chain is null)
            return false;

        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        return chain.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
    };"));

        [Fact]
        public Task A_null_certificate_guard_means_a_missing_certificate_is_not_accepted() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|#0:(message, cert, chain, errors)|} =>
        {
            if (cert is null)
                return false;
            return !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch);
        };
    }"),
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments("This certificate validation callback", ChainErrors, Advice, string.Empty));

        [Fact]
        public Task Switches_and_patterns_that_let_one_error_through_are_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool IsInternal(string host) => host.EndsWith("".internal"", StringComparison.Ordinal);

    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} =>
        {
            switch (errors)
            {
                case SslPolicyErrors.None:
                    return true;
                case SslPolicyErrors.RemoteCertificateNameMismatch:
                    return IsInternal(message.RequestUri!.Host);
                default:
                    return false;
            }
        };
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} =>
            errors is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateChainErrors;
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} =>
            errors != SslPolicyErrors.RemoteCertificateChainErrors;
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} => errors switch
        {
            SslPolicyErrors.None => true,
            SslPolicyErrors.RemoteCertificateChainErrors when chain!.ChainStatus.All(s => s.Status == X509ChainStatusFlags.UntrustedRoot) => true,
            _ => false,
        };
    }"));

        [Fact]
        public Task Throwing_on_a_thumbprint_mismatch_does_not_check_the_errors() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} =>
        {
            if (cert?.GetCertHashString() != Pin)
            {
                throw new InvalidOperationException(""Unexpected certificate"");
            }

            return true;
        };
    }"));

        [Fact]
        public Task Own_chain_build_without_the_name_check_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(HttpClientHandler handler, X509Certificate2 privateRoot)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.ExtraStore.Add(privateRoot);
            return cert != null && custom.Build(cert);
        };
    }"));

        [Fact]
        public Task Correct_validators_are_not_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool Strict(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;

    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None;
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None && cert?.GetCertHashString() == Pin;
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None ? cert?.GetCertHashString() == Pin : false;
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors is SslPolicyErrors.None;
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => (errors & ~SslPolicyErrors.None) == 0;
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            && !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)
            && !errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable);
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
        {
            if (errors != SslPolicyErrors.None)
            {
                Console.WriteLine($""Rejected {cert?.Subject}: {errors}"");
                return false;
            }

            return cert != null && cert.GetCertHashString() == Pin;
        };
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
        {
            if (errors != SslPolicyErrors.None)
            {
                throw new System.Security.Authentication.AuthenticationException(errors.ToString());
            }

            return cert?.GetCertHashString() == Pin;
        };
        ServicePointManager.ServerCertificateValidationCallback = Strict;
    }"));

        [Fact]
        public Task Errors_handed_to_an_unknown_check_are_not_judged() => Verify.VerifyAnalyzerAsync(Class(@"
    static bool Acceptable(SslPolicyErrors errors, X509Certificate? cert) => errors == SslPolicyErrors.None || cert == null;
    static void Ensure(SslPolicyErrors errors) { if (errors != SslPolicyErrors.None) throw new InvalidOperationException(); }

    void M(HttpClientHandler handler, Func<SslPolicyErrors, bool> policy)
    {
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => policy(errors);
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
        {
            Ensure(errors);
            return cert?.GetCertHashString() == Pin;
        };
    }"));

        [Fact]
        public Task Development_only_bypass_inside_the_callback_gets_the_note() => Verify.VerifyAnalyzerAsync(
            @"
using System.Net.Http;
using System.Net.Security;
using Microsoft.Extensions.Hosting;

class Startup
{
    void M(IHostEnvironment env, HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|#0:(message, cert, chain, errors)|} =>
        {
            if (env.IsDevelopment())
            {
                return true;
            }

            return errors == SslPolicyErrors.None;
        };
    }
}
",
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments(
                "This certificate validation callback",
                "wrong-domain certificates (RemoteCertificateNameMismatch), certificates with a broken chain or an untrusted CA (RemoteCertificateChainErrors) and a missing certificate (RemoteCertificateNotAvailable)",
                Advice,
                " (in development-only code; if this is deliberate, suppress RES3002 with #pragma warning disable or set resurs_analyzers.development_code = skip)"));

        [Fact]
        public Task Test_projects_are_silent_by_default()
        {
            var test = new Verify.Test(Handler("(message, cert, chain, errors) => cert?.GetCertHashString() == Pin"));
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }

        [Fact]
        public Task Rebuilding_the_callbacks_own_chain_lets_only_wrong_domain_certificates_through() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|#0:(message, cert, chain, errors)|} => chain!.Build(cert!);
        handler.ServerCertificateCustomValidationCallback = {|#1:(message, cert, chain, errors)|} => errors == SslPolicyErrors.None || (chain != null && cert != null && chain.Build(cert));

        // Look-alikes: a clean-errors check beside the rebuild, and a rebuild that refuses a wrong domain.
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None && chain!.Build(cert!);
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
            !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) && chain!.Build(cert!);

        // A rebuild in a local function answers per error too; a rebuild of another certificate checks nothing of the server's.
        handler.ServerCertificateCustomValidationCallback = {|#2:(message, cert, chain, errors)|} =>
        {
            bool Rebuilt() => chain!.Build(cert!);
            return Rebuilt();
        };
        handler.ServerCertificateCustomValidationCallback = {|#3:(message, cert, chain, errors)|} => chain!.Build(Pinned);
    }

    static readonly X509Certificate2 Pinned = null!;"),
            Verify.Diagnostic("RES3002").WithLocation(0).WithArguments("This certificate validation callback", NameMismatch + NeverReads, Advice, string.Empty),
            Verify.Diagnostic("RES3002").WithLocation(1).WithArguments("This certificate validation callback", NameMismatch, Advice, string.Empty),
            Verify.Diagnostic("RES3002").WithLocation(2).WithArguments("This certificate validation callback", NameMismatch + NeverReads, Advice, string.Empty),
            Verify.Diagnostic("RES3002").WithLocation(3).WithArguments("This certificate validation callback", Everything + NeverReads, Advice, string.Empty));

        [Fact]
        public async Task Fix_is_not_offered_for_a_method_group_declared_in_another_file()
        {
            var source = Usings + @"
class Boot
{
    void M() => ServicePointManager.ServerCertificateValidationCallback = {|RES3002:V.Simple|};
}
";
            var test = new Verify.Test(source) { FixedCode = source, CodeActionEquivalenceKey = EquivalenceKeys.RejectCertificateErrors };
            var validators = Usings + @"
static class V
{
    public static bool Simple(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) =>
        e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateNameMismatch;
}
";
            test.TestState.Sources.Add(("V.cs", validators));
            test.FixedState.Sources.Add(("V.cs", validators));
            await test.RunAsync();
        }

        [Fact]
        public Task Fix_keeps_the_chain_rebuild() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} => chain!.Build(cert!);
    }"),
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None && chain!.Build(cert!);
    }"),
            EquivalenceKeys.RejectCertificateErrors);

        [Fact]
        public Task Fix_replaces_the_errors_condition() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} => errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch;
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} => (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} => !errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable);
    }"),
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None;
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None;
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None;
    }"),
            EquivalenceKeys.RejectCertificateErrors);

        [Fact]
        public Task Fix_keeps_the_other_checks() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} =>
            (errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch) && cert != null && cert.Issuer.Contains(""DigiCert"");
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(_, cert, _, _)|} => cert?.Subject == ""CN=a"" || cert?.Subject == ""CN=b"";
        handler.ServerCertificateCustomValidationCallback = {|RES3002:(message, cert, chain, errors)|} =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            return cert != null && cert.FriendlyName == ""staging"";
        };
    }"),
            Class(@"
    void M(HttpClientHandler handler)
    {
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
            errors == SslPolicyErrors.None && cert != null && cert.Issuer.Contains(""DigiCert"");
        handler.ServerCertificateCustomValidationCallback = (_, cert, _, errors) => errors == SslPolicyErrors.None && (cert?.Subject == ""CN=a"" || cert?.Subject == ""CN=b"");
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            return errors == SslPolicyErrors.None && cert != null && cert.FriendlyName == ""staging"";
        };
    }"),
            EquivalenceKeys.RejectCertificateErrors);

        [Fact]
        public Task Fix_rewrites_a_method_group_method() => Verify.VerifyCodeFixAsync(
            Class(@"
    static bool ByIssuer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors) =>
        certificate != null && certificate.Issuer.Contains(""DigiCert"");

    void M() => ServicePointManager.ServerCertificateValidationCallback = {|RES3002:ByIssuer|};"),
            Class(@"
    static bool ByIssuer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors) =>
        sslPolicyErrors == SslPolicyErrors.None && certificate != null && certificate.Issuer.Contains(""DigiCert"");

    void M() => ServicePointManager.ServerCertificateValidationCallback = ByIssuer;"),
            EquivalenceKeys.RejectCertificateErrors);
    }
}
