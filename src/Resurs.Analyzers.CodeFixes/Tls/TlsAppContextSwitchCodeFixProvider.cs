using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.CodeFixes.Tls
{
    /// <summary>RES2003: sets the compatibility switch to <c>false</c>, which keeps the TLS hardening on.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TlsAppContextSwitchCodeFixProvider))]
    [Shared]
    public sealed class TlsAppContextSwitchCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TlsHardeningSwitchDisabled);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var diagnostic = context.Diagnostics[0];
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set the switch to false",
                    token => SetFalseAsync(context.Document, diagnostic, token),
                    EquivalenceKeys.DisableCompatibilitySwitch),
                diagnostic);
            return Task.CompletedTask;
        }

        private static async Task<Document> SetFalseAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (root is null || semanticModel is null || node is null
                || semanticModel.GetOperation(node, cancellationToken) is not IInvocationOperation invocation)
            {
                return document;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 1)
                {
                    var value = argument.Value.Syntax;
                    var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression).WithTriviaFrom(value);
                    return document.WithSyntaxRoot(root.ReplaceNode(value, replacement));
                }
            }

            return document;
        }
    }
}
