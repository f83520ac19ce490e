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
