using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Resurs.Analyzers.Tests.Meta;

namespace Resurs.Analyzers.Tests.Verifiers
{
    /// <summary>What a code action did to a solution: its result, the compiler errors it added, and the text of every document.</summary>
    internal static class FixOutcomes
    {
        public static async Task<Solution> ApplyAsync(CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        /// <summary>Compiler errors of <paramref name="after"/> that <paramref name="before"/> did not have (by ID and message).</summary>
        public static async Task<List<string>> NewErrorsAsync(Project before, Project after)
        {
            var old = (await Errors(before)).ToList();
            var added = new List<string>();
            foreach (var error in await Errors(after))
            {
                if (!old.Remove(error))
                {
                    added.Add(error);
                }
            }

            return added;

            static async Task<IEnumerable<string>> Errors(Project project) =>
                (await project.GetCompilationAsync())!.GetDiagnostics()
                    .Where(d => d.Severity == DiagnosticSeverity.Error)
                    .Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        public static async Task<string> TextOf(Solution solution)
        {
            var texts = new List<string>();
            foreach (var document in solution.Projects.SelectMany(p => p.Documents).OrderBy(d => d.FilePath, StringComparer.Ordinal))
            {
                texts.Add(document.FilePath + ":\n" + (await document.GetTextAsync()).ToString());
            }

            return string.Join("\n", texts);
        }

        /// <summary>Every shipped analyzer's diagnostics in <paramref name="project"/>'s source, in file, position and ID order.</summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var diagnostics = await compilation.WithAnalyzers(Catalog.Analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return diagnostics.Where(d => d.Location.IsInSource)
                .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }
    }

    /// <summary>What Fix All sees: the shipped analyzers' diagnostics of the given rules, as a host reports them.</summary>
    internal sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<string> ids;

        public AnalyzerDiagnostics(ImmutableArray<string> ids) => this.ids = ids;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            (await FixOutcomes.AnalyzeAsync(document.Project)).Where(d => ids.Contains(d.Id) && d.Location.SourceTree!.FilePath == document.FilePath);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await FixOutcomes.AnalyzeAsync(project)).Where(d => ids.Contains(d.Id));
    }
}
