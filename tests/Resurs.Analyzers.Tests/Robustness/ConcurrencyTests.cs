using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>With concurrent execution, repeated runs report exactly the same diagnostics (messages included) as a sequential run.</summary>
    public class ConcurrencyTests
    {
        [Fact]
        public async Task Concurrent_runs_give_the_same_diagnostics_as_a_sequential_run()
        {
            var trees = RobustnessCorpus.Inputs.Concat(RobustnessCorpus.Samples)
                .Select(input => AnalyzerHarness.Parse(input.Text, "/corpus/" + input.Name))
                .Append(AnalyzerHarness.Parse(AnalyzerHarness.WebImplicitUsings, "/corpus/GlobalUsings.cs"));
            var compilation = await AnalyzerHarness.CompileAsync(trees, OutputKind.ConsoleApplication);
            var sequential = await AnalyzerHarness.RunAsync(compilation, concurrent: false);
            var expected = AnalyzerHarness.Describe(sequential.Diagnostics);
            Assert.True(expected.Length >= 20, "the corpus should be flagged many times, got " + expected.Length);

            for (var i = 0; i < 5; i++)
            {
                var run = await AnalyzerHarness.RunAsync(compilation.Clone(), concurrent: true);
                Assert.Empty(run.Exceptions);
                AnalyzerHarness.AssertSame(expected, run.Diagnostics);
            }
        }

        [Fact]
        public async Task Inputs_compile_without_errors()
        {
            var compilation = await AnalyzerHarness.CompileAsync(RobustnessCorpus.Inputs.Select(input => AnalyzerHarness.Parse(input.Text, "/inputs/" + input.Name)));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        }

        [Fact]
        public async Task Every_rule_is_flagged_somewhere_in_the_inputs()
        {
            // The inputs and the sample shop together hold every code rule (RES9xxx need a broken option or config file).
            var compilation = await AnalyzerHarness.CompileAsync(RobustnessCorpus.Inputs.Select(input => AnalyzerHarness.Parse(input.Text, "/inputs/" + input.Name))
                .Concat(RobustnessCorpus.Samples.Select(input => AnalyzerHarness.Parse(input.Text, "/sample/" + input.Name)))
                .Append(AnalyzerHarness.Parse(AnalyzerHarness.WebImplicitUsings, "/sample/GlobalUsings.cs")));
            var run = await AnalyzerHarness.RunAsync(compilation);
            var flagged = run.Diagnostics.Select(d => d.Id).ToImmutableHashSet();
            var missing = Meta.Catalog.Descriptors.Select(d => d.Id).Where(id => !id.StartsWith("RES9", System.StringComparison.Ordinal) && !flagged.Contains(id)).ToList();
            Assert.True(missing.Count == 0, "not flagged in Robustness/Inputs or the sample: " + string.Join(", ", missing));
        }
    }
}
