using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using TlsVerify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Tls.WeakTlsProtocolAnalyzer,
    Resurs.Analyzers.CodeFixes.Tls.WeakTlsProtocolCodeFixProvider>;
using OptionsVerify = Resurs.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Configuration.OptionsValidationAnalyzer>;

namespace Resurs.Analyzers.Tests.Rules
{
    /// <summary><c>test_code</c> (shared by every rule) and RES9001 for values that do not parse.</summary>
    [Trait("Rule", "RES9001")]
    public class OptionsTests
    {
        private const string WeakTls = @"
using System.Net.Http;
using System.Security.Authentication;

class C
{
    void M(HttpClientHandler handler)
    {
        handler.SslProtocols = SslProtocols.Tls11;
        handler.SslProtocols = (SslProtocols)192;
    }
}
";

        private const string WeakTlsMarked = @"
using System.Net.Http;
using System.Security.Authentication;

class C
{
    void M(HttpClientHandler handler)
    {
        handler.SslProtocols = {|RES2001:SslProtocols.Tls11|};
        handler.SslProtocols = {|RES2001:(SslProtocols)192|};
    }
}
";

        [Fact]
        public Task Rules_are_silent_in_test_projects_by_default() => RunInTestProject(WeakTls, editorConfig: null);

        [Fact]
        public Task Test_code_report_turns_reporting_back_on() => RunInTestProject(WeakTlsMarked, "resurs_analyzers.test_code = report");

        [Fact]
        public Task Rule_specific_key_wins_over_the_global_key() => RunInTestProject(
            WeakTlsMarked,
            "resurs_analyzers.test_code = skip\nresurs_analyzers.RES2001.test_code = report");

        [Fact]
        public Task Rule_specific_key_for_another_rule_does_not_apply() => RunInTestProject(WeakTls, "resurs_analyzers.RES2002.test_code = report");

        [Fact]
        public Task Unset_counts_as_absent() => RunInTestProject(WeakTls, "resurs_analyzers.test_code = unset");

        [Fact]
        public Task Invalid_value_falls_back_to_the_default() => RunInTestProject(WeakTls, "resurs_analyzers.test_code = sometimes");

        [Fact]
        public Task Invalid_value_is_reported_once_with_key_value_and_default() => OptionsVerify.VerifyAnalyzerAsync(
            "class A { }",
            "resurs_analyzers.test_code = sometimes",
            OptionsVerify.Diagnostic("RES9001").WithArguments("resurs_analyzers.test_code", "sometimes", "'skip' or 'report'", "skip"));

        [Fact]
        public Task Invalid_rule_specific_value_is_reported_with_its_key()
        {
            var test = new CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Configuration.OptionsValidationAnalyzer>.Test("class A { }", "resurs_analyzers.RES2001.test_code = 42");
            test.TestState.Sources.Add("class B { }");
            test.TestState.Sources.Add("class D { }");
            test.ExpectedDiagnostics.Add(OptionsVerify.Diagnostic("RES9001").WithArguments("resurs_analyzers.RES2001.test_code", "42", "'skip' or 'report'", "skip"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("resurs_analyzers.public_base_url", "http://staging.shop.se")]
        [InlineData("resurs_analyzers.public_base_url", "httpsXYZshop.se")]
        [InlineData("resurs_analyzers.public_base_url", "https://staging.shop.se:8443")]
        [InlineData("resurs_analyzers.public_base_url", "https://staging.shop.se/base")]
        [InlineData("resurs_analyzers.callback_names", " , ")]
        [InlineData("resurs_analyzers.tunnel_domains", "tunnel example.se")]
        [InlineData("resurs_analyzers.RES1003.allowed_hosts", "billing crm")]
        [InlineData("resurs_analyzers.development_code", "maybe")]
        public Task Every_option_rejects_garbage(string key, string value)
        {
            var test = new CSharpAnalyzerVerifier<Resurs.Analyzers.Rules.Configuration.OptionsValidationAnalyzer>.Test("class A { }", key + " = " + value);
            test.ExpectedDiagnostics.Add(OptionsVerify.Diagnostic("RES9001").WithMessage(null));
            return test.RunAsync();
        }

        [Fact]
        public Task Per_rule_keys_of_family_options_are_not_read_or_validated() => OptionsVerify.VerifyAnalyzerAsync(
            "class A { }",
            "resurs_analyzers.RES1004.callback_names = ,,,\nresurs_analyzers.RES2001.development_code = maybe");

        [Fact]
        public Task Valid_and_unset_values_are_not_reported() => OptionsVerify.VerifyAnalyzerAsync(
            "class A { }",
            "resurs_analyzers.test_code = Report\nresurs_analyzers.RES2001.test_code = unset\nresurs_analyzers.RES2002.test_code = skip");

        private static Task RunInTestProject(string source, string? editorConfig)
        {
            var test = new TlsVerify.Test(source, editorConfig);
            test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            return test.RunAsync();
        }
    }
}
