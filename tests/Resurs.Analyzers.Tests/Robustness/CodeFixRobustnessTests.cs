using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Tests.Meta;
using Xunit;
using Resurs.Analyzers.Tests.Verifiers;
using static Resurs.Analyzers.Tests.Verifiers.FixOutcomes;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Every fix the code-fix providers (found by reflection) offer on the risky inputs and the sample, in a two-project
    /// solution: applied one at a time and as FixAll at solution scope, it adds no compiler error; FixAll equals applying
    /// the fixes one by one (each diagnostic of any of the provider's rules with the fix under the Fix All's key where it
    /// is offered, its first fix otherwise; a fix that reveals another of the provider's rules takes Fix All a second round);
    /// and a further FixAll changes nothing.
    /// </summary>
    public class CodeFixRobustnessTests
    {
        private const string EditorConfig = "root = true\n\n[*.cs]\nresurs_analyzers.public_base_url = https://shop.nordicgear.se\n";

        [Fact]
        public async Task Every_offered_fix_compiles_and_removes_what_it_fixes()
        {
            var solution = await CreateSolutionAsync();
            var fixes = await OfferedFixesAsync(solution);
            Assert.True(fixes.Count >= 20, "expected many fixes on the risky inputs, got " + fixes.Count);

            foreach (var fix in fixes)
            {
                var changed = await ApplyAsync(fix.Action);
                var project = changed.GetProject(fix.Document.Project.Id)!;
                Assert.True(changed != solution && await TextOf(changed) != await TextOf(solution), fix + " changed nothing");
                Assert.Empty(await NewErrorsAsync(fix.Document.Project, project));
                var before = (await AnalyzeAsync(fix.Document.Project)).Count(d => d.Id == fix.Diagnostic.Id);
                var after = (await AnalyzeAsync(project)).Count(d => d.Id == fix.Diagnostic.Id);
                Assert.True(after < before, fix + " left every " + fix.Diagnostic.Id + " in place");
            }
        }

        [Fact]
        public async Task Fix_all_in_solution_equals_one_by_one_compiles_and_is_idempotent()
        {
            var solution = await CreateSolutionAsync();
            var groups = (await OfferedFixesAsync(solution))
                .GroupBy(fix => (fix.Provider, Key: fix.Action.EquivalenceKey))
                .ToList();
            Assert.True(groups.Count >= 6, "expected fixes under many equivalence keys, got " + groups.Count);

            foreach (var group in groups)
            {
                var fixedAll = await FixAllAsync(solution, group.Key.Provider, group.Key.Key!, group.First().Document);
                foreach (var project in solution.Projects)
                {
                    Assert.Empty(await NewErrorsAsync(project, fixedAll.GetProject(project.Id)!));
                }

                var oneByOne = solution;
                for (var step = 0; step < 100; step++)
                {
                    // Fix All gives each diagnostic the fix under its key where offered, and its first fix otherwise.
                    var offered = (await OfferedFixesAsync(oneByOne)).Where(fix => fix.Provider == group.Key.Provider).ToList();
                    if (offered.Count == 0)
                    {
                        break;
                    }

                    var forFirst = offered.Where(fix => fix.Diagnostic == offered[0].Diagnostic).ToList();
                    var next = forFirst.FirstOrDefault(fix => fix.Action.EquivalenceKey == group.Key.Key) ?? forFirst[0];

                    oneByOne = await ApplyAsync(next.Action);
                }

                // A fix can reveal another rule of the same provider (RES4001 turns the sample's cloud list into a callback
                // list that RES4002 then completes); one-by-one sees it at once, Fix All on its next round.
                for (var round = 0; round < 3; round++)
                {
                    var again = await FixAllAsync(fixedAll, group.Key.Provider, group.Key.Key!, fixedAll.GetDocument(group.First().Document.Id)!);
                    if (await TextOf(again) == await TextOf(fixedAll))
                    {
                        break;
                    }

                    fixedAll = again;
                }

                Assert.Equal(await TextOf(oneByOne), await TextOf(fixedAll));
                var twice = await FixAllAsync(fixedAll, group.Key.Provider, group.Key.Key!, fixedAll.GetDocument(group.First().Document.Id)!);
                Assert.Equal(await TextOf(fixedAll), await TextOf(twice));
            }
        }

        private static async Task<Solution> CreateSolutionAsync()
        {
            var references = await AnalyzerHarness.ReferencesAsync();
            var solution = new AdhocWorkspace().CurrentSolution;
            solution = AddProject(solution, "Inputs", OutputKind.DynamicallyLinkedLibrary, RobustnessCorpus.Inputs, references);
            return AddProject(
                solution,
                "Sample",
                OutputKind.ConsoleApplication,
                RobustnessCorpus.Samples.Append(new SourceInput("GlobalUsings.cs", AnalyzerHarness.WebImplicitUsings)),
                references);
        }

        private static Solution AddProject(Solution solution, string name, OutputKind kind, IEnumerable<SourceInput> inputs, ImmutableArray<MetadataReference> references)
        {
            var id = ProjectId.CreateNewId(name);
            solution = solution.AddProject(ProjectInfo.Create(
                id,
                VersionStamp.Default,
                name,
                name,
                LanguageNames.CSharp,
                filePath: "/" + name + "/" + name + ".csproj",
                compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: AnalyzerHarness.ParseOptions,
                metadataReferences: references));
            foreach (var input in inputs)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(id, input.Name), input.Name, SourceText.From(input.Text), filePath: "/" + name + "/" + input.Name);
            }

            return solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(id), ".editorconfig", SourceText.From(EditorConfig), filePath: "/" + name + "/.editorconfig");
        }

        /// <summary>Every action every provider offers for every diagnostic, in source order.</summary>
        private static async Task<List<OfferedFix>> OfferedFixesAsync(Solution solution)
        {
            var fixes = new List<OfferedFix>();
            foreach (var project in solution.Projects)
            {
                foreach (var diagnostic in await AnalyzeAsync(project))
                {
                    var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                    foreach (var provider in Catalog.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                    {
                        var actions = new List<CodeAction>();
                        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                        fixes.AddRange(actions.Select(action => new OfferedFix(provider, action, diagnostic, document)));
                    }
                }
            }

            return fixes;
        }

        private static async Task<Solution> FixAllAsync(Solution solution, CodeFixProvider provider, string key, Document document)
        {
            var context = new FixAllContext(document, provider, FixAllScope.Solution, key, provider.FixableDiagnosticIds, new AnalyzerDiagnostics(provider.FixableDiagnosticIds), CancellationToken.None);
            var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
            return action is null ? solution : await ApplyAsync(action);
        }

        private sealed record OfferedFix(CodeFixProvider Provider, CodeAction Action, Diagnostic Diagnostic, Document Document)
        {
            public override string ToString() => Action.EquivalenceKey + " on " + AnalyzerHarness.Describe(Diagnostic);
        }
    }
}
