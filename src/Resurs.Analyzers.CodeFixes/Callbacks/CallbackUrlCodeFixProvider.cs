using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Rules.Callbacks;

namespace Resurs.Analyzers.CodeFixes.Callbacks
{
    /// <summary>
    /// RES1001-RES1005. The analyzer computes the exact edit inside the reported literal (Find/Replace properties):
    /// http to https (RES1004), drop the explicit port (RES1005), or put <c>public_base_url</c> in place of an unreachable
    /// scheme, host and port (RES1001-RES1003). No properties means no safe fix (for example, no <c>public_base_url</c> set).
    /// Several edits in one literal (RES1004 and RES1005 on <c>http://shop.example:8080/cb</c>) are applied one after the
    /// other, each found again in the literal as the previous one left it. A value written in another file is reported at
    /// its use and fixed at its declaration (the diagnostic's additional location): the lightbulb edits that file, and Fix
    /// All and <c>dotnet format</c> fix it with the rest, once however many uses reach it (see <see cref="ResursCodeFixProvider"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CallbackUrlCodeFixProvider))]
    [Shared]
    public sealed class CallbackUrlCodeFixProvider : ResursCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.TunnelUrl, RuleIds.NonPublicCallbackAddress, RuleIds.InternalCallbackHost, RuleIds.InsecureCallbackScheme, RuleIds.NonStandardCallbackPort);

        protected override bool FixesElsewhere => true;

        /// <summary>A value written in another file: the finding moves to the literal in its declaration, where the edit goes.</summary>
        protected override Diagnostic? Relocate(Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(CallbackUrlAnalyzer.InDeclarationProperty)
            && diagnostic.AdditionalLocations.Count > 0
            && diagnostic.AdditionalLocations[0].IsInSource
                ? MovedTo(diagnostic, diagnostic.AdditionalLocations[0], diagnostic.Properties.Remove(CallbackUrlAnalyzer.InDeclarationProperty))
                : null;

        protected override Task<ImmutableArray<FixChoice>> ChoicesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            Task.FromResult(!diagnostic.Properties.ContainsKey(CallbackUrlAnalyzer.InDeclarationProperty) && Edit(diagnostic) is { } edit
                ? ImmutableArray.Create(new FixChoice(edit.Title, EquivalenceKeys.CallbackUrl(diagnostic.Id)))
                : ImmutableArray<FixChoice>.Empty);

        protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<(Diagnostic Diagnostic, string Key)> fixes, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var original = text;

            // Literals from the end of the file backwards, so that the spans before each one stay where they were.
            var editedFrom = int.MaxValue;
            foreach (var literal in fixes.GroupBy(f => f.Diagnostic.Location.SourceSpan).OrderByDescending(g => g.Key.Start))
            {
                var span = literal.Key;
                if (span.End > editedFrom || span.End > original.Length)
                {
                    continue;
                }

                foreach (var (diagnostic, _) in literal.OrderBy(f => f.Diagnostic.Id, System.StringComparer.Ordinal))
                {
                    if (Edit(diagnostic) is not { } edit)
                    {
                        continue;
                    }

                    var index = text.ToString(span).IndexOf(edit.Find, System.StringComparison.Ordinal);
                    if (index < 0)
                    {
                        continue;
                    }

                    text = text.WithChanges(new TextChange(new TextSpan(span.Start + index, edit.Find.Length), edit.Replace));
                    span = new TextSpan(span.Start, span.Length - edit.Find.Length + edit.Replace.Length);
                }

                editedFrom = literal.Key.Start;
            }

            return text == original ? document : document.WithText(text);
        }

        private static (string Find, string Replace, string Title)? Edit(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(CallbackUrlAnalyzer.FindProperty, out var find) && find is { Length: > 0 }
            && diagnostic.Properties.TryGetValue(CallbackUrlAnalyzer.ReplaceProperty, out var replace) && replace is not null
            && diagnostic.Properties.TryGetValue(CallbackUrlAnalyzer.TitleProperty, out var title) && title is not null
                ? (find, replace, title)
                : null;
    }
}
