using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Resurs.Analyzers.Rules.Certificates;

namespace Resurs.Analyzers.CodeFixes.Certificates
{
    /// <summary>
    /// RES3005. "Remove weakening verification flags" drops every weakening member from the whole <c>|</c> mask the diagnostic
    /// sits in (<c>NoFlag</c> when nothing remains; a <c>|=</c> statement that adds only weakening flags goes). "Trust the
    /// system root store" replaces <c>CustomRootTrust</c> with <c>X509ChainTrustMode.System</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ChainTrustCodeFixProvider))]
    [Shared]
    public sealed class ChainTrustCodeFixProvider : ResursCodeFixProvider
    {
        private static readonly FixChoice UseSystemTrust = new FixChoice("Trust the system root store", EquivalenceKeys.UseSystemTrust);
        private static readonly FixChoice RemoveWeakeningFlags = new FixChoice("Remove weakening verification flags", EquivalenceKeys.RemoveWeakeningFlags);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ChainTrustWeakened);

        /// <summary>One fix per diagnostic, decided by the member reported: Fix All gives each diagnostic its own.</summary>
        protected override async Task<ImmutableArray<FixChoice>> ChoicesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
            {
                return ImmutableArray<FixChoice>.Empty;
            }

            return ImmutableArray.Create(MemberName(node) == ChainTrustAnalyzer.CustomRootTrust ? UseSystemTrust : RemoveWeakeningFlags);
        }

        private static string? MemberName(ExpressionSyntax node) => node switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };

        protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<(Diagnostic Diagnostic, string Key)> fixes, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var chains = new HashSet<ExpressionSyntax>();
            foreach (var (diagnostic, key) in fixes.OrderBy(f => f.Diagnostic.Location.SourceSpan.Start))
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
                {
                    continue;
                }

                var isTrustMode = MemberName(node) == ChainTrustAnalyzer.CustomRootTrust;
                if (isTrustMode != (key == EquivalenceKeys.UseSystemTrust))
                {
                    continue;
                }

                if (isTrustMode)
                {
                    var name = node is MemberAccessExpressionSyntax member ? (SyntaxNode)member.Name : node;
                    editor.ReplaceNode(name, SyntaxFactory.IdentifierName("System").WithTriviaFrom(name));
                    continue;
                }

                // One rewrite per mask: FixAll and one-by-one agree.
                var chain = FlagMask.Root(node);
                if (chains.Add(chain))
                {
                    RemoveWeakening(editor, chain, node, cancellationToken);
                }
            }

            return editor.GetChangedDocument();
        }

        private static void RemoveWeakening(DocumentEditor editor, ExpressionSyntax chain, ExpressionSyntax reported, CancellationToken cancellationToken)
        {
            var kept = FlagMask.Leaves(chain).Where(leaf => !IsWeakening(leaf, editor.SemanticModel, cancellationToken)).Select(leaf => leaf.WithoutTrivia()).ToList();
            if (kept.Count == 0
                && chain.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax } statement } compound
                && compound.IsKind(SyntaxKind.OrAssignmentExpression)
                && compound.Right == chain)
            {
                // 'flags |= X509VerificationFlags.IgnoreNotTimeValid;' adds nothing once the weakening flag is gone.
                SyntaxRemoval.Remove(editor, statement);
                return;
            }

            if (kept.Count == 0)
            {
                kept.Add(reported is MemberAccessExpressionSyntax member
                    ? member.WithName(SyntaxFactory.IdentifierName("NoFlag")).WithoutTrivia()
                    : SyntaxFactory.IdentifierName("NoFlag"));
            }

            var result = FlagMask.Join(kept);

            editor.ReplaceNode(chain, result.WithTriviaFrom(chain));
        }

        private static bool IsWeakening(ExpressionSyntax leaf, SemanticModel model, CancellationToken cancellationToken) =>
            model.GetSymbolInfo(leaf, cancellationToken).Symbol is IFieldSymbol { ContainingType.Name: "X509VerificationFlags" } field
            && ChainTrustAnalyzer.WeakeningFlags.ContainsKey(field.Name);

    }
}
