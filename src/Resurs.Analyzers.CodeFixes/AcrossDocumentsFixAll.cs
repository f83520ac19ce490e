using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>
    /// Fix All in document, project and solution for a provider some of whose fixes edit another document than the
    /// diagnostic's (<see cref="ResursCodeFixProvider.FixAllAcrossDocumentsAsync"/>). In document scope, the fixes of the
    /// document's diagnostics may edit other documents. The action is never null; it changes nothing when nothing applies.
    /// </summary>
    internal sealed class AcrossDocumentsFixAll : FixAllProvider
    {
        private readonly ResursCodeFixProvider provider;

        public AcrossDocumentsFixAll(ResursCodeFixProvider provider) => this.provider = provider;

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(
                Title(fixAllContext),
                token => provider.FixAllAcrossDocumentsAsync(fixAllContext, token),
                fixAllContext.CodeActionEquivalenceKey));

        private static string Title(FixAllContext context) => context.Scope switch
        {
            FixAllScope.Document when context.Document is { } document => "Fix all in " + document.Name,
            FixAllScope.Project => "Fix all in " + context.Project.Name,
            _ => "Fix all in solution",
        };
    }
}
