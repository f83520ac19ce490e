using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>One fix a provider offers for one diagnostic: the lightbulb title and the equivalence key.</summary>
    public readonly struct FixChoice
    {
        public FixChoice(string title, string equivalenceKey)
        {
            Title = title;
            EquivalenceKey = equivalenceKey;
        }

        public string Title { get; }

        public string EquivalenceKey { get; }
    }

    /// <summary>
    /// The shape every C# fix provider shares. A provider says which fixes it offers for a diagnostic
    /// (<see cref="ChoicesAsync"/>), and applies any set of chosen fixes to one document in one pass
    /// (<see cref="ApplyAsync"/>), so that diagnostics of several of its rules, even on overlapping spans, are fixed together.
    /// <para>
    /// Fix All fixes every diagnostic it is given, of every rule the provider serves: each gets the fix under the
    /// requested equivalence key where that fix is offered for it, and its first (conservative) fix otherwise. That is
    /// what makes one <c>dotnet format</c> run fix every requested rule: it asks for a Fix All per diagnostic ID, with the
    /// key of whatever fix the first diagnostic of the run offered, which may belong to another rule or be missing.
    /// The Fix All action is never null, so <c>dotnet format</c> has nothing to warn about when nothing applies.
    /// </para>
    /// </summary>
    public abstract class ResursCodeFixProvider : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            async (context, document, diagnostics) => await FixAllAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false));

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (RegisterElsewhere(context, diagnostic))
                {
                    continue;
                }

                foreach (var choice in await ChoicesAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
                {
                    var fix = new[] { (diagnostic, choice.EquivalenceKey) };
                    context.RegisterCodeFix(
                        CodeAction.Create(choice.Title, token => ApplyAsync(context.Document, fix, token), choice.EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// Registers a fix that edits another document than the diagnostic's (a declaration in another file) and returns
        /// true; such a fix is offered in the lightbulb only, since Fix All edits each document on its own.
        /// </summary>
        protected virtual bool RegisterElsewhere(CodeFixContext context, Diagnostic diagnostic) => false;

        /// <summary>The fixes offered for <paramref name="diagnostic"/>, the conservative one first; empty when none applies.</summary>
        protected abstract Task<ImmutableArray<FixChoice>> ChoicesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

        /// <summary>
        /// <paramref name="document"/> with every given fix applied (each diagnostic with the key of the fix chosen for it);
        /// the document itself when nothing applies. Fixes whose spans overlap are merged or, where they conflict, the
        /// first in document order wins and the rest are left for the next run.
        /// </summary>
        protected abstract Task<Document> ApplyAsync(Document document, IReadOnlyList<(Diagnostic Diagnostic, string Key)> fixes, CancellationToken cancellationToken);

        /// <summary>Fix All in one document: the requested fix where offered, each diagnostic's first fix otherwise.</summary>
        internal async Task<Document> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? requestedKey, CancellationToken cancellationToken)
        {
            var fixes = new List<(Diagnostic Diagnostic, string Key)>();
            foreach (var diagnostic in diagnostics.Where(d => FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start))
            {
                var choices = await ChoicesAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
                if (choices.IsEmpty)
                {
                    continue;
                }

                var chosen = choices.Any(c => c.EquivalenceKey == requestedKey) ? requestedKey! : choices[0].EquivalenceKey;
                fixes.Add((diagnostic, chosen));
            }

            return fixes.Count == 0 ? document : await ApplyAsync(document, fixes, cancellationToken).ConfigureAwait(false);
        }
    }
}
