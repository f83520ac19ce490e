using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resurs.Analyzers.Infrastructure.Replay;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The equivalence check every rule test runs (<see cref="Verifiers.Equivalence"/>), on the sample shop and the
    /// robustness inputs: the shipped analyzer reports exactly what replaying every member reports, and adding an
    /// unrelated class full of anchor words, in code and in comments, to every file changes nothing.
    /// </summary>
    public class EquivalenceCorpusTests
    {
        private const string Unrelated = "\n/// <summary>See <see href=\"http://localhost/cb\"/>: Certificate SslProtocols.Tls IPAddress.Any</summary>\ninternal static class ResursUnrelated{0}\n{{\n    // http://10.0.0.1/callback ServerCertificateCustomValidationCallback = (a, b, c, d) => true;\n    private static readonly string Words = \"https://www.example.com/ Certificate SslStream X509 Revocation AuthenticateAs SetSwitch CreateSelfSigned ForwardedHeaders UriBuilder IPAddress GeneratedCode\";\n    private static string Read() => Words;\n}}\n";

        public static IEnumerable<object[]> Corpora() => new[]
        {
            new object[] { "robustness inputs" },
            new object[] { "sample" },
        };

        [Theory]
        [MemberData(nameof(Corpora))]
        public async Task Shipped_path_reports_what_the_reference_path_reports(string corpus)
        {
            var (inputs, kind) = Inputs(corpus);
            var shipped = await RunAsync(inputs, kind, ReplayScope.Anchored);
            var reference = await RunAsync(inputs, kind, ReplayScope.Everything);
            AssertSame("the reference path (every member replayed)", reference, shipped);
        }

        [Theory]
        [MemberData(nameof(Corpora))]
        public async Task Unrelated_code_changes_nothing(string corpus)
        {
            var (inputs, kind) = Inputs(corpus);
            var shipped = await RunAsync(inputs, kind, ReplayScope.Anchored);
            var perturbed = inputs.Select((input, i) => input.Name.EndsWith(".cs", System.StringComparison.Ordinal) && !input.Text.TrimStart().StartsWith("//", System.StringComparison.Ordinal)
                ? input with { Text = input.Text + string.Format(System.Globalization.CultureInfo.InvariantCulture, Unrelated, i) }
                : input).ToList();
            var withUnrelated = await RunAsync(perturbed, kind, ReplayScope.Anchored);
            AssertSame("the shipped path with unrelated code added", shipped, withUnrelated);
        }

        private static void AssertSame(string what, ImmutableArray<string> expected, ImmutableArray<string> actual) => Assert.True(
            expected.SequenceEqual(actual),
            $"Only in {what}:\n  {string.Join("\n  ", expected.Except(actual))}\nOnly in the shipped path:\n  {string.Join("\n  ", actual.Except(expected))}\n({expected.Length} against {actual.Length} diagnostics)");

        private static (IReadOnlyList<SourceInput> Inputs, OutputKind Kind) Inputs(string corpus) => corpus == "sample"
            ? (RobustnessCorpus.Samples.Append(new SourceInput("GlobalUsings.cs", AnalyzerHarness.WebImplicitUsings)).ToList(), OutputKind.ConsoleApplication)
            : (RobustnessCorpus.Inputs, OutputKind.DynamicallyLinkedLibrary);

        private static async Task<ImmutableArray<string>> RunAsync(IReadOnlyList<SourceInput> inputs, OutputKind kind, ReplayScope scope)
        {
            var compilation = await AnalyzerHarness.CompileAsync(inputs.Where(i => i.Name.EndsWith(".cs", System.StringComparison.Ordinal)).Select(i => AnalyzerHarness.Parse(i.Text, "/" + i.Name)), kind);
            var analyzer = new ResursAnalyzer { Scope = scope };
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, DictionaryOptionsProvider.Empty))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            return AnalyzerHarness.Describe(diagnostics);
        }
    }
}
