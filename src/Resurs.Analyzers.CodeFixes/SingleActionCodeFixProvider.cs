using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>A fix provider that offers one action per diagnostic, with Fix All through the batch fixer.</summary>
    public abstract class SingleActionCodeFixProvider : CodeFixProvider
    {
        private readonly string title;
        private readonly string equivalenceKey;

        protected SingleActionCodeFixProvider(string diagnosticId, string title, string equivalenceKey)
        {
            FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            this.title = title;
            this.equivalenceKey = equivalenceKey;
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var diagnostic = context.Diagnostics[0];
            context.RegisterCodeFix(CodeAction.Create(title, token => FixAsync(context.Document, diagnostic, token), equivalenceKey), diagnostic);
            return Task.CompletedTask;
        }

        /// <summary>The fixed document; the document itself when nothing applies.</summary>
        protected abstract Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);
    }
}
