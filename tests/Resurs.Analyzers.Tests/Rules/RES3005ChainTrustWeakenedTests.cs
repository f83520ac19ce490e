using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Certificates.ChainTrustAnalyzer,
    Resurs.Analyzers.CodeFixes.Certificates.ChainTrustCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES3005")]
    public class RES3005ChainTrustWeakenedTests
    {
        private const string Usings = "using System;\nusing System.Net.Http;\nusing System.Net.Security;\nusing System.Security.Cryptography;\nusing System.Security.Cryptography.X509Certificates;\n";

        private static string Class(string members) => Usings + "\nclass C\n{\n" + members + "\n}\n";

        [Theory]
        [InlineData("AllowUnknownCertificateAuthority")]
        [InlineData("IgnoreNotTimeValid")]
        [InlineData("IgnoreCtlNotTimeValid")]
        [InlineData("IgnoreNotTimeNested")]
        [InlineData("IgnoreInvalidName")]
        [InlineData("IgnoreRootRevocationUnknown")]
        [InlineData("IgnoreEndRevocationUnknown")]
        [InlineData("IgnoreCertificateAuthorityRevocationUnknown")]
        [InlineData("IgnoreCtlSignerRevocationUnknown")]
        [InlineData("AllFlags")]
        public Task Every_weakening_flag_is_reported(string flag) => Verify.VerifyAnalyzerAsync(Class(@"
    void M(X509Chain chain) => chain.ChainPolicy.VerificationFlags = {|RES3005:X509VerificationFlags." + flag + "|};"));

        [Fact]
        public Task Message_names_the_flag_and_what_it_lets_through() => Verify.VerifyAnalyzerAsync(
            Class(@"
    void M(X509Chain chain) => chain.ChainPolicy.VerificationFlags = {|#0:X509VerificationFlags.AllowUnknownCertificateAuthority|};"),
            Verify.Diagnostic("RES3005").WithLocation(0).WithArguments(
                "X509VerificationFlags.AllowUnknownCertificateAuthority", "accepts a chain that ends in an unknown or untrusted root CA", string.Empty));

        [Fact]
        public Task Each_weakening_member_of_a_mask_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    void M(X509Chain chain, HttpClientHandler handler)
    {
        chain.ChainPolicy.VerificationFlags = {|RES3005:X509VerificationFlags.AllowUnknownCertificateAuthority|}
            | {|RES3005:X509VerificationFlags.IgnoreNotTimeValid|}
            | X509VerificationFlags.IgnoreWrongUsage;
        chain.ChainPolicy.VerificationFlags |= {|RES3005:X509VerificationFlags.IgnoreInvalidName|};
        var policy = new X509ChainPolicy { VerificationFlags = {|RES3005:X509VerificationFlags.IgnoreEndRevocationUnknown|} };
        var flags = {|RES3005:X509VerificationFlags.AllFlags|};
        chain.ChainPolicy.VerificationFlags = flags;
        handler.ServerCertificateCustomValidationCallback = (message, cert, callbackChain, errors) =>
        {
            callbackChain!.ChainPolicy.VerificationFlags = {|RES3005:X509VerificationFlags.AllowUnknownCertificateAuthority|};
            return cert != null && callbackChain.Build(cert);
        };
    }"));

        [Fact]
        public Task Strict_flags_removal_masks_and_reading_are_not_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    bool M(X509Chain chain)
    {
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.NoFlag;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreWrongUsage | X509VerificationFlags.IgnoreInvalidPolicy;
        chain.ChainPolicy.VerificationFlags &= ~(X509VerificationFlags.AllowUnknownCertificateAuthority | X509VerificationFlags.IgnoreNotTimeValid);
        var weak = X509VerificationFlags.AllowUnknownCertificateAuthority;
        Console.WriteLine(X509VerificationFlags.IgnoreInvalidName);
        return chain.ChainPolicy.VerificationFlags.HasFlag(X509VerificationFlags.AllowUnknownCertificateAuthority)
            || (chain.ChainPolicy.VerificationFlags & X509VerificationFlags.AllFlags) != 0
            || chain.ChainPolicy.VerificationFlags == weak;
    }"));

        private const string SelfMadeRoot = @"
    static X509Certificate2 MakeRoot()
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest(""CN=NordicGear Root"", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(5));
    }
";

        [Fact]
        public Task Custom_root_trust_with_a_root_made_in_the_same_method_is_reported() => Verify.VerifyAnalyzerAsync(Class(@"
    bool Validate(X509Certificate2 certificate)
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest(""CN=NordicGear Root"", key, HashAlgorithmName.SHA256);
        var root = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(5));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = {|#0:X509ChainTrustMode.CustomRootTrust|};
        chain.ChainPolicy.CustomTrustStore.Add(root);
        return chain.Build(certificate);
    }

    bool Initializer(X509Certificate2 certificate, CertificateRequest request)
    {
        var copy = new X509Certificate2(request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(5)).Export(X509ContentType.Cert));
        using var chain = new X509Chain
        {
            ChainPolicy = { TrustMode = {|RES3005:X509ChainTrustMode.CustomRootTrust|}, CustomTrustStore = { copy } },
        };
        return chain.Build(certificate);
    }"),
            Verify.Diagnostic("RES3005").WithLocation(0).WithArguments(
                "X509ChainTrustMode.CustomRootTrust", "trusts a root certificate this code creates itself, in place of the publicly trusted CAs", string.Empty));

        [Fact]
        public Task Custom_root_trust_with_a_root_from_elsewhere_is_not_reported() => Verify.VerifyAnalyzerAsync(Class(SelfMadeRoot + @"
    bool FromFile(X509Certificate2 certificate, string path)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(new X509Certificate2(path));
        return chain.Build(certificate);
    }

    bool FromHelper(X509Certificate2 certificate)
    {
        // Made in another method: outside what RES3005 follows.
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(MakeRoot());
        return chain.Build(certificate) && chain.ChainPolicy.TrustMode == X509ChainTrustMode.CustomRootTrust;
    }"));

        [Fact]
        public Task Development_only_code_is_reported_with_a_note() => Verify.VerifyAnalyzerAsync(
            @"
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;

class C
{
    void M(IHostEnvironment env, X509Chain chain)
    {
        chain.ChainPolicy.VerificationFlags = env.IsDevelopment() ? {|#0:X509VerificationFlags.AllowUnknownCertificateAuthority|} : X509VerificationFlags.NoFlag;
    }
}
",
            Verify.Diagnostic("RES3005").WithLocation(0).WithArguments(
                "X509VerificationFlags.AllowUnknownCertificateAuthority",
                "accepts a chain that ends in an unknown or untrusted root CA",
                " (in development-only code; if this is deliberate, suppress RES3005 with #pragma warning disable or set resurs_analyzers.development_code = skip)"));

        [Fact]
        public Task Test_projects_are_silent_by_default()
        {
            var test = new Verify.Test(Class(@"
    void M(X509Chain chain) => chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllFlags;"));
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_removes_the_weakening_flags_from_the_whole_mask() => Verify.VerifyCodeFixAsync(
            Class(@"
    void M(X509Chain chain)
    {
        chain.ChainPolicy.VerificationFlags = {|RES3005:X509VerificationFlags.AllowUnknownCertificateAuthority|} | {|RES3005:X509VerificationFlags.IgnoreNotTimeValid|} | X509VerificationFlags.IgnoreWrongUsage;
        chain.ChainPolicy.VerificationFlags = {|RES3005:X509VerificationFlags.AllFlags|};
        var policy = new X509ChainPolicy { VerificationFlags = {|RES3005:X509VerificationFlags.IgnoreInvalidName|} | {|RES3005:X509VerificationFlags.IgnoreRootRevocationUnknown|} };
        chain.ChainPolicy.VerificationFlags |= {|RES3005:X509VerificationFlags.IgnoreCtlNotTimeValid|};
        Console.WriteLine(chain);
    }"),
            Class(@"
    void M(X509Chain chain)
    {
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreWrongUsage;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.NoFlag;
        var policy = new X509ChainPolicy { VerificationFlags = X509VerificationFlags.NoFlag };
        Console.WriteLine(chain);
    }"),
            EquivalenceKeys.RemoveWeakeningFlags);

        [Fact]
        public Task Fix_trusts_the_system_root_store() => Verify.VerifyCodeFixAsync(
            Class(@"
    bool Validate(X509Certificate2 certificate, CertificateRequest request)
    {
        var root = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(5));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = {|RES3005:X509ChainTrustMode.CustomRootTrust|};
        chain.ChainPolicy.CustomTrustStore.Add(root);
        return chain.Build(certificate);
    }"),
            Class(@"
    bool Validate(X509Certificate2 certificate, CertificateRequest request)
    {
        var root = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(5));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.System;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        return chain.Build(certificate);
    }"),
            EquivalenceKeys.UseSystemTrust);
    }
}
