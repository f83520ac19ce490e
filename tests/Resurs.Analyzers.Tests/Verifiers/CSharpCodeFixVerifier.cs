using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Resurs.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Thin wrapper over <see cref="CSharpCodeFixTest{TAnalyzer, TCodeFix, TVerifier}"/>: markup in, .NET 8 + ASP.NET Core
    /// references, options as .editorconfig text. The fixed source must compile with no errors (the testing library checks).
    /// </summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAnalyzerAsync(source, editorConfig: null, expected);

        public static Task VerifyAnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = new Test(source, editorConfig);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Applies the fix registered under <paramref name="equivalenceKey"/> (the first one when null), then FixAll.</summary>
        public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null, string? editorConfig = null) =>
            new Test(source, editorConfig) { FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey }.RunAsync(CancellationToken.None);

        /// <summary>The configured test, for the few cases that need more (other references, several files).</summary>
        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test(string source, string? editorConfig = null)
            {
                TestCode = source;

                // RES1002–RES1005 have a second wording for customer return addresses under the same ID (Descriptors.ReturnAddressVariants).
                MarkupOptions = MarkupOptions.UseFirstDescriptor;
                ReferenceAssemblies = TestEnvironment.Net80;
                TestState.AdditionalReferences.AddRange(TestEnvironment.AspNetCore);
                if (editorConfig is not null)
                {
                    TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
                }

                // Tests name the fix by equivalence key; with one fix offered, the default index is fine.
                CodeActionValidationMode = CodeActionValidationMode.SemanticStructure;
            }

            /// <summary>Runs the test, then checks that the shipped path reports what the reference path reports (<see cref="Equivalence"/>).</summary>
            protected override async Task RunImplAsync(CancellationToken cancellationToken)
            {
                await base.RunImplAsync(cancellationToken);
                await Equivalence.CheckAsync<TAnalyzer>(TestState, ReferenceAssemblies, cancellationToken);
            }
        }
    }

    /// <summary>Analyzer-only verification for rules that have no code fix.</summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAnalyzerAsync(source, editorConfig: null, expected);

        public static Task VerifyAnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = new Test(source, editorConfig);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test(string source, string? editorConfig = null)
            {
                TestCode = source;

                // RES1002–RES1005 have a second wording for customer return addresses under the same ID (Descriptors.ReturnAddressVariants).
                MarkupOptions = MarkupOptions.UseFirstDescriptor;
                ReferenceAssemblies = TestEnvironment.Net80;
                TestState.AdditionalReferences.AddRange(TestEnvironment.AspNetCore);
                if (editorConfig is not null)
                {
                    TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
                }
            }

            /// <summary>Runs the test, then checks that the shipped path reports what the reference path reports (<see cref="Equivalence"/>).</summary>
            protected override async Task RunImplAsync(CancellationToken cancellationToken)
            {
                await base.RunImplAsync(cancellationToken);
                await Equivalence.CheckAsync<TAnalyzer>(TestState, ReferenceAssemblies, cancellationToken);
            }
        }
    }
}
