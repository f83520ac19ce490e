using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure.Replay;
using Xunit;

namespace Resurs.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The production path may look for anchors and replay only the members around them; that is only allowed when it
    /// never changes what is reported. After every rule test this runs the test's input (markup removed) through:
    /// <list type="bullet">
    /// <item>the rule family's analyzer as shipped (anchored replay);</item>
    /// <item>the same analyzer replaying every member of every file, with no anchor search (the reference);</item>
    /// <item><see cref="ResursAnalyzer"/>, which runs all code rules in one pass (its findings for the family's rules);</item>
    /// <item>the shipped path again, with an unrelated class full of anchor words (in code and in comments) appended, and with unrelated usings added.</item>
    /// </list>
    /// All of them must give the same diagnostics.
    /// </summary>
    internal static class Equivalence
    {
        /// <summary>Words that made earlier versions replay more of a file, in the code and the comments of a class that does nothing.</summary>
        private const string UnrelatedClass = "\n/// <summary>See <see href=\"http://localhost/cb\"/>: Certificate SslProtocols.Tls IPAddress.Any</summary>\ninternal static class ResursEquivalenceUnrelatedCode\n{\n    // http://10.0.0.1/callback ServerCertificateCustomValidationCallback = (a, b, c, d) => true;\n    private static readonly string Words = \"https://www.example.com/ Certificate SslStream X509 Revocation AuthenticateAs SetSwitch CreateSelfSigned ForwardedHeaders UriBuilder IPAddress GeneratedCode\";\n    private static string Read() => Words;\n}\n";

        private const string UnrelatedUsings = "using System.Net.Security;\nusing System.Security.Cryptography.X509Certificates;\n";

        private static readonly Regex Markup = new Regex(@"\{\|[^:|{}\s]*:|\|\}|\[\||\|\]", RegexOptions.Compiled);

        public static async Task CheckAsync<TAnalyzer>(SolutionState state, ReferenceAssemblies referenceAssemblies, CancellationToken cancellationToken)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            if (new TAnalyzer() is not ResursCodeAnalyzer family || state.Sources.Count == 0)
            {
                return;
            }

            var ids = family.SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet();
            var sources = state.Sources.Select(s => (Path: s.filename, Text: Markup.Replace(s.content.ToString(), string.Empty))).ToList();
            var references = (await referenceAssemblies.ResolveAsync(LanguageNames.CSharp, cancellationToken)).AddRange(state.AdditionalReferences);
            var options = TestOptions.Create(state.AnalyzerConfigFiles.Select(f => (f.filename, f.content.ToString())));

            var shipped = await RunAsync(Family<TAnalyzer>(ReplayScope.Anchored), sources, references, options, ids, cancellationToken);
            var reference = await RunAsync(Family<TAnalyzer>(ReplayScope.Everything), sources, references, options, ids, cancellationToken);
            Assert.True(shipped.Findings.SetEquals(reference.Findings), Describe("replaying every member (no anchors)", shipped.Findings, reference.Findings));

            var all = await RunAsync(new ResursAnalyzer(), sources, references, options, ids, cancellationToken);
            Assert.True(shipped.Findings.SetEquals(all.Findings), Describe("ResursAnalyzer (every code rule in one pass)", shipped.Findings, all.Findings));

            var appended = sources.Select((s, i) => i == 0 ? (s.Path, s.Text + UnrelatedClass) : s).ToList();
            var withClass = await RunAsync(Family<TAnalyzer>(ReplayScope.Anchored), appended, references, options, ids, cancellationToken);
            if (withClass.Errors <= shipped.Errors)
            {
                Assert.True(shipped.Findings.SetEquals(withClass.Findings), Describe("an unrelated class appended", shipped.Findings, withClass.Findings));
            }

            // Usings go first; a file that opens with a comment (an auto-generated header) or an extern alias keeps its start.
            var first = sources[0].Text.TrimStart();
            if (!first.StartsWith("//", StringComparison.Ordinal) && !first.StartsWith("/*", StringComparison.Ordinal) && !first.Contains("extern alias", StringComparison.Ordinal))
            {
                var prefixed = sources.Select((s, i) => i == 0 ? (s.Path, UnrelatedUsings + s.Text) : s).ToList();
                var withUsings = await RunAsync(Family<TAnalyzer>(ReplayScope.Anchored), prefixed, references, options, ids, cancellationToken, shift: (sources[0].Path, UnrelatedUsings.Length));
                if (withUsings.Errors <= shipped.Errors)
                {
                    Assert.True(shipped.Findings.SetEquals(withUsings.Findings), Describe("unrelated usings added", shipped.Findings, withUsings.Findings));
                }
            }
        }

        private static ResursCodeAnalyzer Family<TAnalyzer>(ReplayScope scope)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var analyzer = (ResursCodeAnalyzer)(DiagnosticAnalyzer)new TAnalyzer();
            analyzer.Scope = scope;
            return analyzer;
        }

        private static async Task<(ImmutableHashSet<string> Findings, int Errors)> RunAsync(
            DiagnosticAnalyzer analyzer,
            IReadOnlyList<(string Path, string Text)> sources,
            ImmutableArray<MetadataReference> references,
            AnalyzerConfigOptionsProvider options,
            ImmutableHashSet<string> ids,
            CancellationToken cancellationToken,
            (string Path, int Length) shift = default)
        {
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), new CSharpParseOptions(LanguageVersion.Latest), s.Path));
            var compilation = CSharpCompilation.Create(
                "Equivalence",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options);
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync(cancellationToken);
            var errors = compilation.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
            var findings = diagnostics
                .Where(d => ids.Contains(d.Id) && !InUnrelatedClass(d))
                .Select(d => Key(d, shift))
                .ToImmutableHashSet();
            return (findings, errors);
        }

        private static bool InUnrelatedClass(Diagnostic diagnostic) =>
            diagnostic.Location.SourceTree is { } tree
            && tree.GetText().ToString().IndexOf("internal static class ResursEquivalenceUnrelatedCode", StringComparison.Ordinal) is var start and >= 0
            && diagnostic.Location.SourceSpan.Start >= start;

        private static string Key(Diagnostic diagnostic, (string Path, int Length) shift)
        {
            var path = diagnostic.Location.SourceTree?.FilePath ?? string.Empty;
            var start = diagnostic.Location.SourceSpan.Start - (path == shift.Path ? shift.Length : 0);
            return $"{diagnostic.Id} {path}@{start}+{diagnostic.Location.SourceSpan.Length}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }

        private static string Describe(string variant, ImmutableHashSet<string> shipped, ImmutableHashSet<string> other) =>
            $"The shipped path and {variant} disagree.\nOnly shipped:\n  {string.Join("\n  ", shipped.Except(other))}\nOnly {variant}:\n  {string.Join("\n  ", other.Except(shipped))}";

        /// <summary>The .editorconfig files of a test as the host would give them to an analyzer.</summary>
        private sealed class TestOptions : AnalyzerConfigOptionsProvider
        {
            private readonly AnalyzerConfigSet set;

            private TestOptions(AnalyzerConfigSet set)
            {
                this.set = set;
                GlobalOptions = new Options(set.GlobalConfigOptions.AnalyzerOptions);
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public static TestOptions Create(IEnumerable<(string Path, string Text)> files) =>
                new TestOptions(AnalyzerConfigSet.Create(files.Select(f => AnalyzerConfig.Parse(f.Text, f.Path)).ToList()));

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly ImmutableDictionary<string, string> values;

                public Options(ImmutableDictionary<string, string> values) => this.values = values;

                public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
            }
        }
    }
}
