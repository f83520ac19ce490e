using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
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
    /// <para>
    /// A diagnostic whose fix belongs in another document (a callback URL reported at its use and fixed at its
    /// declaration in another file) is moved there by <see cref="Relocate"/>: the lightbulb offers the fix of the moved
    /// diagnostic, and Fix All hands it to the target document's <see cref="ApplyAsync"/> together with that document's
    /// own diagnostics in scope, once however many uses lead to it. Each document is then fixed in one pass, so edits of
    /// one document from several others neither conflict nor get lost.
    /// </para>
    /// </summary>
    public abstract class ResursCodeFixProvider : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() => FixesElsewhere
            ? new AcrossDocumentsFixAll(this)
            : FixAllProvider.Create(
                async (context, document, diagnostics) => await FixAllAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false));

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (Relocate(diagnostic) is { } moved)
                {
                    await RegisterElsewhereAsync(context, diagnostic, moved).ConfigureAwait(false);
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
        /// True for a provider that moves some diagnostics to another document (<see cref="Relocate"/>); its Fix All then
        /// builds one solution from the fixes of every document in scope and of the documents they lead to. Other
        /// providers keep the document-by-document Fix All.
        /// </summary>
        protected virtual bool FixesElsewhere => false;

        /// <summary>
        /// For a diagnostic whose fix edits another document: the same finding placed where the edit goes (see
        /// <see cref="MovedTo"/>), which <see cref="ChoicesAsync"/> and <see cref="ApplyAsync"/> treat like a diagnostic
        /// of that document. Null for a diagnostic fixed where it is reported.
        /// </summary>
        protected virtual Diagnostic? Relocate(Diagnostic diagnostic) => null;

        /// <summary>
        /// <paramref name="diagnostic"/> with its ID, message and severity, at <paramref name="location"/>, with
        /// <paramref name="properties"/> and no additional locations.
        /// </summary>
        protected static Diagnostic MovedTo(Diagnostic diagnostic, Location location, ImmutableDictionary<string, string?> properties)
        {
            var descriptor = diagnostic.Descriptor;
            return Diagnostic.Create(
                descriptor.Id,
                descriptor.Category,
                diagnostic.GetMessage(CultureInfo.InvariantCulture),
                diagnostic.Severity,
                descriptor.DefaultSeverity,
                descriptor.IsEnabledByDefault,
                diagnostic.WarningLevel,
                descriptor.Title,
                descriptor.Description,
                descriptor.HelpLinkUri,
                location,
                additionalLocations: null,
                customTags: descriptor.CustomTags,
                properties: properties);
        }

        /// <summary>The moved diagnostic's fixes, offered on the original one; they edit the other document.</summary>
        private async Task RegisterElsewhereAsync(CodeFixContext context, Diagnostic diagnostic, Diagnostic moved)
        {
            if (context.Document.Project.Solution.GetDocument(moved.Location.SourceTree) is not { } target)
            {
                return;
            }

            foreach (var choice in await ChoicesAsync(target, moved, context.CancellationToken).ConfigureAwait(false))
            {
                var fix = new[] { (moved, choice.EquivalenceKey) };
                context.RegisterCodeFix(
                    CodeAction.Create(
                        choice.Title + " in " + target.Name,
                        async token => (await ApplyAsync(target, fix, token).ConfigureAwait(false)).Project.Solution,
                        choice.EquivalenceKey + ".Declaration"),
                    diagnostic);
            }
        }

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

        /// <summary>
        /// Fix All for a provider that fixes elsewhere (<see cref="AcrossDocumentsFixAll"/>): the diagnostics in scope are
        /// gathered by the document their fix edits (a moved diagnostic by its target; one the target already holds, the
        /// same rule with the same fix at the same span, is dropped, so two uses of one constant make one edit), and each
        /// of those documents is fixed once, with everything that goes there, into one solution.
        /// </summary>
        internal async Task<Solution> FixAllAcrossDocumentsAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            var own = new Dictionary<DocumentId, List<Diagnostic>>();
            var moved = new Dictionary<DocumentId, List<Diagnostic>>();
            var order = new List<DocumentId>();
            foreach (var diagnostic in await DiagnosticsInScopeAsync(context).ConfigureAwait(false))
            {
                if (!FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                var placed = Relocate(diagnostic);
                var target = solution.GetDocument((placed ?? diagnostic).Location.SourceTree);
                if (target is null)
                {
                    continue;
                }

                if (!own.ContainsKey(target.Id))
                {
                    own[target.Id] = new List<Diagnostic>();
                    moved[target.Id] = new List<Diagnostic>();
                    order.Add(target.Id);
                }

                if (placed is null)
                {
                    own[target.Id].Add(diagnostic);
                }
                else if (!moved[target.Id].Any(d => SameFix(d, placed)))
                {
                    moved[target.Id].Add(placed);
                }
            }

            foreach (var id in order)
            {
                var diagnostics = own[id];
                diagnostics.AddRange(moved[id].Where(m => !own[id].Any(d => SameFix(d, m))));
                var document = context.Solution.GetDocument(id)!;
                var fixedDocument = await FixAllAsync(document, diagnostics.ToImmutableArray(), context.CodeActionEquivalenceKey, cancellationToken).ConfigureAwait(false);
                if (fixedDocument == document)
                {
                    continue;
                }

                solution = fixedDocument.SupportsSyntaxTree
                    ? solution.WithDocumentSyntaxRoot(id, (await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!)
                    : solution.WithDocumentText(id, await fixedDocument.GetTextAsync(cancellationToken).ConfigureAwait(false));
            }

            return solution;
        }

        /// <summary>
        /// The diagnostics Fix All was asked to fix: the document's, the project's, or those of every project of the
        /// language in the solution.
        /// </summary>
        private static async Task<IEnumerable<Diagnostic>> DiagnosticsInScopeAsync(FixAllContext context)
        {
            switch (context.Scope)
            {
                case FixAllScope.Document:
                    return context.Document is { } document
                        ? await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)
                        : Enumerable.Empty<Diagnostic>();
                case FixAllScope.Project:
                    return await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false);
                case FixAllScope.Solution:
                    var all = new List<Diagnostic>();
                    foreach (var project in context.Solution.Projects.Where(p => p.Language == context.Project.Language))
                    {
                        all.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    return all;
                default:
                    return Enumerable.Empty<Diagnostic>();
            }
        }

        /// <summary>One rule, one span, one fix: the same edit, however many uses reported it.</summary>
        private static bool SameFix(Diagnostic a, Diagnostic b) =>
            a.Id == b.Id
            && a.Location.SourceTree == b.Location.SourceTree
            && a.Location.SourceSpan == b.Location.SourceSpan
            && a.Properties.Count == b.Properties.Count
            && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var value) && value == p.Value);
    }
}
