using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Tests.Meta;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Every fix offered on the sample shop (which holds every rule) yields code with no new compiler errors, a second
    /// application of the same fix changes nothing, and Fix All at solution scope compiles too.
    /// </summary>
    public class FixSoundnessTests
    {
        [Fact]
        public async Task Every_offered_fix_compiles_and_is_idempotent()
        {
            var (workspace, project) = await SampleProjectAsync();
            using (workspace)
            {
                var baseline = await ErrorsAsync(project);
                var failures = new List<string>();
                var applied = new HashSet<string>();
                foreach (var (diagnostic, fixer) in await FixableDiagnosticsAsync(project))
                {
                    var document = project.GetDocument(diagnostic.Location.SourceTree!)!;
                    foreach (var action in await ActionsAsync(fixer, document, diagnostic))
                    {
                        applied.Add(diagnostic.Id);
                        var fixedSolution = await ApplyAsync(action);
                        var fixedProject = fixedSolution.GetProject(project.Id)!;
                        var errors = await ErrorsAsync(fixedProject);
                        if (errors.Except(baseline).Any())
                        {
                            failures.Add($"{diagnostic.Id} '{action.Title}' at {diagnostic.Location.GetLineSpan()}: {string.Join("; ", errors.Except(baseline))}");
                            continue;
                        }

                        // Applying the same fix again (if its diagnostic is still offered there) changes nothing.
                        var again = await FixableDiagnosticsAsync(fixedProject);
                        foreach (var (repeat, repeatFixer) in again.Where(d => d.Diagnostic.Id == diagnostic.Id && d.Diagnostic.Location.SourceSpan.Start == diagnostic.Location.SourceSpan.Start))
                        {
                            var repeatDocument = fixedProject.GetDocument(repeat.Location.SourceTree!)!;
                            foreach (var repeatAction in (await ActionsAsync(repeatFixer, repeatDocument, repeat)).Where(a => a.EquivalenceKey == action.EquivalenceKey))
                            {
                                var twice = await ApplyAsync(repeatAction);
                                var before = (await repeatDocument.GetTextAsync()).ToString();
                                var after = (await twice.GetDocument(repeatDocument.Id)!.GetTextAsync()).ToString();
                                if (before != after)
                                {
                                    failures.Add($"{diagnostic.Id} '{action.Title}' changed the code a second time");
                                }
                            }
                        }
                    }
                }

                Assert.Empty(failures);

                // The sample holds every rule; every rule with a C# fix must have had at least one fix applied here.
                var expected = Catalog.CodeFixes.Where(f => f is not CodeFixes.Configuration.ConfigFileCodeFixProvider)
                    .SelectMany(f => f.FixableDiagnosticIds).Where(id => id is not "RES1001" and not "RES1002" and not "RES1003").Distinct();
                Assert.Equal(expected.OrderBy(x => x), applied.Where(id => expected.Contains(id)).OrderBy(x => x));
            }
        }

        [Fact]
        public async Task Fix_all_in_solution_compiles()
        {
            var (workspace, project) = await SampleProjectAsync();
            using (workspace)
            {
                var baseline = await ErrorsAsync(project);
                var diagnostics = await FixableDiagnosticsAsync(project);
                var failures = new List<string>();
                foreach (var group in diagnostics.GroupBy(d => (d.Diagnostic.Id, d.Fixer)))
                {
                    var first = group.First();
                    var document = project.GetDocument(first.Diagnostic.Location.SourceTree!)!;
                    var provider = first.Fixer.GetFixAllProvider();
                    foreach (var action in await ActionsAsync(first.Fixer, document, first.Diagnostic))
                    {
                        if (provider is null || action.EquivalenceKey is null)
                        {
                            continue;
                        }

                        var all = group.Select(d => d.Diagnostic).ToImmutableArray();
                        var context = new FixAllContext(
                            document,
                            first.Fixer,
                            FixAllScope.Solution,
                            action.EquivalenceKey,
                            new[] { first.Diagnostic.Id },
                            new DiagnosticProvider(all),
                            CancellationToken.None);
                        var fixAll = await provider.GetFixAsync(context);
                        if (fixAll is null)
                        {
                            continue;
                        }

                        var errors = await ErrorsAsync((await ApplyAsync(fixAll)).GetProject(project.Id)!);
                        if (errors.Except(baseline).Any())
                        {
                            failures.Add($"Fix All {first.Diagnostic.Id} '{action.Title}': {string.Join("; ", errors.Except(baseline))}");
                        }
                    }
                }

                Assert.Empty(failures);
            }
        }

        private static async Task<(AdhocWorkspace Workspace, Project Project)> SampleProjectAsync()
        {
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Sample", LanguageNames.CSharp)
                .WithMetadataReferences(await AnalyzerRun.ReferencesAsync())
                .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            foreach (var (name, text) in Corpus.Sample)
            {
                project = project.AddDocument(name, SourceText.From(text), filePath: "/sample/" + name).Project;
            }

            // The sample relies on implicit usings; give the ad-hoc project the same global usings.
            project = project.AddDocument("GlobalUsings.cs", SourceText.From(
                "global using System; global using System.Collections.Generic; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;" +
                " global using Microsoft.AspNetCore.Builder; global using Microsoft.AspNetCore.Hosting; global using Microsoft.AspNetCore.Http; global using Microsoft.Extensions.DependencyInjection; global using Microsoft.Extensions.Hosting; global using Microsoft.Extensions.Logging; global using Microsoft.Extensions.Configuration;"),
                filePath: "/sample/GlobalUsings.cs").Project;
            return (workspace, project);
        }

        private static async Task<List<(Diagnostic Diagnostic, CodeFixProvider Fixer)>> FixableDiagnosticsAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var result = await AnalyzerRun.RunAsync(compilation);
            Assert.Empty(result.Exceptions);
            var fixable = new List<(Diagnostic, CodeFixProvider)>();
            foreach (var diagnostic in result.Diagnostics.Where(d => d.Location.IsInSource).OrderBy(d => d.Location.SourceSpan.Start))
            {
                foreach (var fixer in Catalog.CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id) && f is not CodeFixes.Configuration.ConfigFileCodeFixProvider))
                {
                    fixable.Add((diagnostic, fixer));
                }
            }

            return fixable;
        }

        private static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            return actions;
        }

        private static async Task<Solution> ApplyAsync(CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        private static async Task<HashSet<string>> ErrorsAsync(Project project) =>
            (await project.GetCompilationAsync())!.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.Id + ": " + d.GetMessage())
                .ToHashSet();

        private sealed class DiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> diagnostics;

            public DiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => this.diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Task.FromResult(diagnostics.Where(d => d.Location.SourceTree == document.GetSyntaxTreeAsync(cancellationToken).Result));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
        }
    }
}
