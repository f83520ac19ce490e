using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>A fix provider for one rule that offers one action per diagnostic; Fix All applies them last to first.</summary>
    public abstract class SingleActionCodeFixProvider : ResursCodeFixProvider
    {
        private readonly ImmutableArray<FixChoice> choices;

        protected SingleActionCodeFixProvider(string diagnosticId, string title, string equivalenceKey)
        {
            FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            choices = ImmutableArray.Create(new FixChoice(title, equivalenceKey));
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        protected sealed override Task<ImmutableArray<FixChoice>> ChoicesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            Task.FromResult(Offers(diagnostic) ? choices : ImmutableArray<FixChoice>.Empty);

        /// <summary>False for a diagnostic the action does not fit; true unless a provider says otherwise.</summary>
        protected virtual bool Offers(Diagnostic diagnostic) => true;

        /// <summary>Each fix edits inside its own span, so applying them from the end of the file keeps the earlier spans valid.</summary>
        protected sealed override async Task<Document> ApplyAsync(Document document, IReadOnlyList<(Diagnostic Diagnostic, string Key)> fixes, CancellationToken cancellationToken)
        {
            foreach (var (diagnostic, _) in fixes.OrderByDescending(f => f.Diagnostic.Location.SourceSpan.Start))
            {
                document = await FixAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
            }

            return document;
        }

        /// <summary>The fixed document; the document itself when nothing applies.</summary>
        protected abstract Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);
    }
}
