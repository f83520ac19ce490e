using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.CodeFixes.Configuration;
using Resurs.Analyzers.Rules.Configuration;
using Xunit;

namespace Resurs.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Applies the config-file fix the way an IDE does in Roslyn 4.8: a CodeFixContext over the additional document
    /// (the testing library only applies fixes to C# documents).
    /// </summary>
    internal static class AdditionalFileFixes
    {
        public static async Task<string> ApplyAsync(string fileName, string content, string diagnosticId, string? editorConfig = null)
        {
            var result = await TryApplyAsync(fileName, content, diagnosticId, editorConfig);
            Assert.True(result is not null, $"no {diagnosticId} fix was offered");
            return result!;
        }

        /// <summary>
        /// Fix All of the config-file provider over a project holding <paramref name="files"/>, triggered from the C#
        /// document; with <paramref name="csharpOnly"/> the host reports no configuration-file diagnostics (as
        /// <c>dotnet format</c>). The files after the fix, and the fixable diagnostics left.
        /// </summary>
        public static async Task<(List<string> Files, List<Diagnostic> Left)> FixAllAsync((string Name, string Content)[] files, FixAllScope scope, bool csharpOnly = false)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Shop", LanguageNames.CSharp)
                .AddDocument("Program.cs", SourceText.From("class Program { }"), filePath: "/0/Program.cs").Project;
            foreach (var (name, content) in files)
            {
                project = project.AddAdditionalDocument(name, SourceText.From(content), filePath: "/0/" + name).Project;
            }

            var provider = new ConfigFileCodeFixProvider();
            var diagnostics = await AnalyzeAsync(project);
            var context = new FixAllContext(
                project.Documents.Single(),
                provider,
                scope,
                "Resurs.RES1004.FixConfigFile",
                provider.FixableDiagnosticIds,
                new Diagnostics(csharpOnly ? ImmutableArray<Diagnostic>.Empty : diagnostics),
                CancellationToken.None);
            var action = await provider.GetFixAllProvider().GetFixAsync(context);
            Assert.NotNull(action);
            var operations = await action!.GetOperationsAsync(CancellationToken.None);
            var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            var fixedProject = solution.GetProject(project.Id)!;
            var texts = new List<string>();
            foreach (var (name, _) in files)
            {
                texts.Add((await fixedProject.AdditionalDocuments.Single(d => d.Name == name).GetTextAsync()).ToString());
            }

            var left = (await AnalyzeAsync(fixedProject)).Where(d => ConfigFileCodeFixProvider.Edit(d) is not null).ToList();
            return (texts, left);
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            return await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigFileAnalyzer()), project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync();
        }

        private sealed class Diagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> all;

            public Diagnostics(ImmutableArray<Diagnostic> all) => this.all = all;

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(all);
        }

        /// <summary>The file text after the first fix for <paramref name="diagnosticId"/>, or null when no diagnostic or fix.</summary>
        public static async Task<string?> TryApplyAsync(string fileName, string content, string diagnosticId, string? editorConfig = null)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Shop", LanguageNames.CSharp)
                .AddDocument("Program.cs", SourceText.From("class Program { }"), filePath: "/0/Program.cs").Project;
            project = project.AddAdditionalDocument(fileName, SourceText.From(content), filePath: "/0/" + fileName).Project;
            if (editorConfig is not null)
            {
                project = project.AddAnalyzerConfigDocument(".editorconfig", SourceText.From("root = true\n\n[*]\n" + editorConfig), filePath: "/.editorconfig").Project;
            }

            var compilation = (await project.GetCompilationAsync())!;
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigFileAnalyzer()), project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync();
            var diagnostic = diagnostics.FirstOrDefault(d => d.Id == diagnosticId);
            if (diagnostic is null)
            {
                return null;
            }

            var document = project.AdditionalDocuments.Single();
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await new ConfigFileCodeFixProvider().RegisterCodeFixesAsync(context);
            if (actions.Count == 0)
            {
                return null;
            }

            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            return (await solution.GetAdditionalDocument(document.Id)!.GetTextAsync()).ToString();
        }
    }
}
