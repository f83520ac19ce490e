using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Rules.Callbacks;

namespace Resurs.Analyzers.CodeFixes.Callbacks
{
    /// <summary>
    /// RES1001-RES1005. The analyzer computes the exact edit inside the reported literal (Find/Replace properties):
    /// http to https (RES1004), drop the explicit port (RES1005), or put <c>public_base_url</c> in place of an unreachable
    /// scheme, host and port (RES1001-RES1003). No properties means no safe fix (for example, no <c>public_base_url</c> set).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CallbackUrlCodeFixProvider))]
    [Shared]
    public sealed class CallbackUrlCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.TunnelUrl, RuleIds.NonPublicCallbackAddress, RuleIds.InternalCallbackHost, RuleIds.InsecureCallbackScheme, RuleIds.NonStandardCallbackPort);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(CallbackUrlAnalyzer.FindProperty, out var find) && find is { Length: > 0 }
                    && diagnostic.Properties.TryGetValue(CallbackUrlAnalyzer.ReplaceProperty, out var replace) && replace is not null
                    && diagnostic.Properties.TryGetValue(CallbackUrlAnalyzer.TitleProperty, out var title) && title is not null)
                {
                    // A value written in another file is reported where it is used; the edit goes to its declaration.
                    var target = diagnostic.Properties.ContainsKey(CallbackUrlAnalyzer.InDeclarationProperty) && diagnostic.AdditionalLocations.Count > 0
                        ? diagnostic.AdditionalLocations[0]
                        : diagnostic.Location;
                    var document = context.Document.Project.Solution.GetDocument(target.SourceTree);
                    if (document is null)
                    {
                        continue;
                    }

                    context.RegisterCodeFix(
                        CodeAction.Create(title, token => ReplaceAsync(document, target.SourceSpan, find, replace, token), EquivalenceKeys.CallbackUrl(diagnostic.Id)),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Solution> ReplaceAsync(Document document, TextSpan span, string find, string replace, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var index = text.ToString(span).IndexOf(find, System.StringComparison.Ordinal);
            if (index < 0)
            {
                return document.Project.Solution;
            }

            return document.WithText(text.WithChanges(new TextChange(new TextSpan(span.Start + index, find.Length), replace))).Project.Solution;
        }
    }
}
