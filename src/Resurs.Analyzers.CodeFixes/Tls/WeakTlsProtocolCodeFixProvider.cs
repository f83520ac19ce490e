using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Rules.Tls;

namespace Resurs.Analyzers.CodeFixes.Tls
{
    /// <summary>
    /// RES2001/RES2002. Fix 1 removes the weak members from the whole <c>|</c> mask the diagnostic sits in and keeps the strong
    /// ones (TLS 1.2 and 1.3 when nothing strong remains). Fix 2 lets the operating system choose (<c>SslProtocols.None</c>,
    /// <c>SecurityProtocolType.SystemDefault</c>) where the referenced framework has that member.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakTlsProtocolCodeFixProvider))]
    [Shared]
    public sealed class WeakTlsProtocolCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.WeakSslProtocols, RuleIds.WeakSecurityProtocolType);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
            (context, document, diagnostics) => FixAsync(
                document,
                diagnostics,
                context.CodeActionEquivalenceKey == EquivalenceKeys.UseSystemDefaultProtocols,
                context.CancellationToken)!);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var diagnostic = context.Diagnostics[0];
            var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var enumType = semanticModel is null ? null : EnumTypeFor(semanticModel.Compilation, diagnostic.Id);
            if (enumType is null || !enumType.GetMembers("Tls12").Any())
            {
                // Before .NET Framework 4.5 there is no strong member to write, and no operating-system default either.
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove weak protocol versions",
                    token => FixAsync(context.Document, ImmutableArray.Create(diagnostic), systemDefault: false, token),
                    EquivalenceKeys.RemoveWeakProtocols),
                diagnostic);

            if (SystemDefaultMember(enumType) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Let the operating system choose",
                        token => FixAsync(context.Document, ImmutableArray.Create(diagnostic), systemDefault: true, token),
                        EquivalenceKeys.UseSystemDefaultProtocols),
                    diagnostic);
            }
        }

        private static INamedTypeSymbol? EnumTypeFor(Compilation compilation, string id) => compilation.GetTypeByMetadataName(
            id == RuleIds.WeakSslProtocols ? WellKnownTypes.SslProtocolsName : WellKnownTypes.SecurityProtocolTypeName);

        private static string? SystemDefaultMember(INamedTypeSymbol enumType)
        {
            var name = enumType.Name == "SslProtocols" ? "None" : "SystemDefault";
            return enumType.GetMembers(name).Any() ? name : null;
        }

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, bool systemDefault, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return document;
            }

            // One rewrite per mask: every diagnostic in the same mask maps to the same chain, so FixAll and one-by-one agree.
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var enumType = EnumTypeFor(semanticModel.Compilation, diagnostic.Id);
                if (enumType is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
                {
                    continue;
                }

                var chain = FlagMask.Root(node);
                if (replacements.ContainsKey(chain) || (chain.Parent is not null && replacements.ContainsKey(chain.Parent)))
                {
                    continue;
                }

                if (systemDefault)
                {
                    var member = SystemDefaultMember(enumType);
                    if (member is null)
                    {
                        continue;
                    }

                    var value = MemberAccess(TypeSyntaxFor(enumType, FlagMask.Leaves(chain), semanticModel), member).WithTriviaFrom(chain);
                    if (chain.Parent is AssignmentExpressionSyntax assignment
                        && assignment.Right == chain
                        && !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                    {
                        // 'x |= Tls11' becomes 'x = SslProtocols.None': or-ing in "none" would change nothing.
                        replacements[assignment] = SyntaxFactory.AssignmentExpression(
                            SyntaxKind.SimpleAssignmentExpression,
                            assignment.Left,
                            SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTriviaFrom(assignment.OperatorToken),
                            value);
                    }
                    else
                    {
                        replacements[chain] = value;
                    }
                }
                else
                {
                    replacements[chain] = RemoveWeak(chain, enumType, semanticModel, cancellationToken).WithTriviaFrom(chain);
                }
            }

            if (replacements.Count == 0)
            {
                return document;
            }

            var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            return document.WithSyntaxRoot(newRoot);
        }

        private static ExpressionSyntax RemoveWeak(ExpressionSyntax chain, INamedTypeSymbol enumType, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var leaves = FlagMask.Leaves(chain).ToList();
            var kept = new List<ExpressionSyntax>();
            long keptBits = 0;
            long wantedStrongBits = 0;
            foreach (var leaf in leaves)
            {
                var constant = semanticModel.GetConstantValue(leaf, cancellationToken);
                if (!constant.HasValue || !TlsProtocolFacts.TryGetBits(constant.Value, out var bits))
                {
                    kept.Add(leaf.WithoutTrivia());
                    continue;
                }

                if (TlsProtocolFacts.IsWeak(bits))
                {
                    wantedStrongBits |= bits & (TlsProtocolFacts.Tls12 | TlsProtocolFacts.Tls13);
                    continue;
                }

                kept.Add(leaf.WithoutTrivia());
                keptBits |= bits;
            }

            var typeSyntax = TypeSyntaxFor(enumType, leaves, semanticModel);
            var hasTls13 = enumType.GetMembers("Tls13").Any();
            if (kept.Count == 0 && wantedStrongBits == 0)
            {
                wantedStrongBits = TlsProtocolFacts.Tls12 | (hasTls13 ? TlsProtocolFacts.Tls13 : 0);
            }

            if ((wantedStrongBits & TlsProtocolFacts.Tls12) != 0 && (keptBits & TlsProtocolFacts.Tls12) == 0)
            {
                kept.Add(MemberAccess(typeSyntax, "Tls12"));
            }

            if (hasTls13 && (wantedStrongBits & TlsProtocolFacts.Tls13) != 0 && (keptBits & TlsProtocolFacts.Tls13) == 0)
            {
                kept.Add(MemberAccess(typeSyntax, "Tls13"));
            }

            var result = FlagMask.Join(kept);

            // A lone cast or negation may sit where '|' needs parentheses; the simplifier drops them where they are redundant.
            if (kept.Count > 1 && chain is not BinaryExpressionSyntax)
            {
                result = SyntaxFactory.ParenthesizedExpression(result).WithAdditionalAnnotations(Simplifier.Annotation);
            }

            return result;
        }

        /// <summary>The enum type as the user wrote it in the mask (alias or qualified), or a simplifiable qualified name.</summary>
        private static ExpressionSyntax TypeSyntaxFor(INamedTypeSymbol enumType, IEnumerable<ExpressionSyntax> leaves, SemanticModel semanticModel)
        {
            foreach (var leaf in leaves)
            {
                if (leaf is MemberAccessExpressionSyntax memberAccess
                    && SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(memberAccess.Expression).Symbol, enumType))
                {
                    return memberAccess.Expression.WithoutTrivia();
                }
            }

            return SyntaxFactory.ParseTypeName(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                .WithAdditionalAnnotations(Simplifier.Annotation);
        }

        private static ExpressionSyntax MemberAccess(ExpressionSyntax type, string member) =>
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, SyntaxFactory.IdentifierName(member));
    }
}
