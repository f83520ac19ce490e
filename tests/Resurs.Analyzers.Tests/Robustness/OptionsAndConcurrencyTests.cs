using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Options;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    public class OptionsAndConcurrencyTests
    {
        private static readonly string[] Garbage = { "", " , ", "=", "\u0000", "😀", "maybe", "-1", "true false", "a,,b", new string('x', 5000), "http://", "-defaults", "*.", "1.2.3.4/99" };

        [Fact]
        public async Task Garbage_in_every_option_gives_RES9001_and_never_throws()
        {
            foreach (var value in Garbage)
            {
                var editorConfig = string.Join("\n", ResursOptions.All.SelectMany(o => new[] { o.GlobalKey }.Concat(o.RuleKeys.Values)).Select(key => key + " = " + value));
                var result = await RunSampleAsync(editorConfig, concurrent: true);
                Assert.Empty(result.Exceptions);
                Assert.DoesNotContain(result.Diagnostics, d => d.Id == "AD0001");
            }

            var reported = await RunSampleAsync(string.Join("\n", ResursOptions.All.Select(o => o.GlobalKey + " = maybe")), concurrent: true);
            foreach (var option in ResursOptions.All)
            {
                Assert.True(option.IsValid("maybe") || reported.Diagnostics.Any(d => d.Id == "RES9001" && d.GetMessage().Contains(option.GlobalKey)), option.Name);
            }
        }

        [Fact]
        public async Task Concurrent_runs_give_the_same_diagnostics_every_time()
        {
            var first = (await RunSampleAsync(null, concurrent: true)).Lines;
            Assert.NotEmpty(first);
            for (var run = 0; run < 4; run++)
            {
                Assert.Equal(first, (await RunSampleAsync(null, concurrent: true)).Lines);
            }

            Assert.Equal(first, (await RunSampleAsync(null, concurrent: false)).Lines);
        }

        private static async Task<AnalyzerResult> RunSampleAsync(string? editorConfig, bool concurrent)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Sample", LanguageNames.CSharp).WithMetadataReferences(await AnalyzerRun.ReferencesAsync())
                .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            foreach (var (name, text) in Corpus.Sample)
            {
                project = project.AddDocument(name, SourceText.From(text), filePath: "/sample/" + name).Project;
            }

            if (editorConfig is not null)
            {
                project = project.AddAnalyzerConfigDocument(".editorconfig", SourceText.From("root = true\n\n[*]\n" + editorConfig), filePath: "/.editorconfig").Project;
            }

            return await AnalyzerRun.RunAsync((await project.GetCompilationAsync())!, project.AnalyzerOptions, concurrent);
        }
    }
}
