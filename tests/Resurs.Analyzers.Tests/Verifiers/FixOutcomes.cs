using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

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
    }
}
