using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.CodeFixes.Tls
{
    /// <summary>RES2003: sets the compatibility switch to <c>false</c>, which keeps the TLS hardening on.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TlsAppContextSwitchCodeFixProvider))]
    [Shared]
    public sealed class TlsAppContextSwitchCodeFixProvider : SingleActionCodeFixProvider
    {
        public TlsAppContextSwitchCodeFixProvider()
            : base(RuleIds.TlsHardeningSwitchDisabled, "Set the switch to false", EquivalenceKeys.DisableCompatibilitySwitch)
        {
        }

        protected override async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
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
