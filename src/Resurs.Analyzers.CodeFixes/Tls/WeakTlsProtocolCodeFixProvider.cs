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
    public sealed class WeakTlsProtocolCodeFixProvider : ResursCodeFixProvider
    {
        private static readonly FixChoice RemoveWeakProtocols = new FixChoice("Remove weak protocol versions", EquivalenceKeys.RemoveWeakProtocols);
        private static readonly FixChoice UseSystemDefault = new FixChoice("Let the operating system choose", EquivalenceKeys.UseSystemDefaultProtocols);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.WeakSslProtocols, RuleIds.WeakSecurityProtocolType);

        protected override async Task<ImmutableArray<FixChoice>> ChoicesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var enumType = semanticModel is null ? null : EnumTypeFor(semanticModel.Compilation, diagnostic.Id);
            if (enumType is null || !enumType.GetMembers("Tls12").Any())
            {
                // Before .NET Framework 4.5 there is no strong member to write, and no operating-system default either.
                return ImmutableArray<FixChoice>.Empty;
            }

            return SystemDefaultMember(enumType) is null
                ? ImmutableArray.Create(RemoveWeakProtocols)
                : ImmutableArray.Create(RemoveWeakProtocols, UseSystemDefault);
        }

        protected override Task<Document> ApplyAsync(Document document, IReadOnlyList<(Diagnostic Diagnostic, string Key)> fixes, CancellationToken cancellationToken) =>
            FixAsync(document, fixes, cancellationToken);

        private static INamedTypeSymbol? EnumTypeFor(Compilation compilation, string id)
        {
            var types = WellKnownTypes.Create(compilation);
            return id == RuleIds.WeakSslProtocols ? types.SslProtocols : types.SecurityProtocolType;
        }

        private static string? SystemDefaultMember(INamedTypeSymbol enumType)
        {
            var name = enumType.Name == "SslProtocols" ? "None" : "SystemDefault";
            return enumType.GetMembers(name).Any() ? name : null;
        }

        private static async Task<Document> FixAsync(Document document, IReadOnlyList<(Diagnostic Diagnostic, string Key)> fixes, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return document;
            }

            // One rewrite per mask: every diagnostic in the same mask maps to the same chain, so FixAll and one-by-one agree.
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            var chains = new HashSet<ExpressionSyntax>();
            var renamedValues = new List<(VariableDeclaratorSyntax Declarator, ExpressionSyntax Value)>();
            foreach (var (diagnostic, key) in fixes.OrderBy(f => f.Diagnostic.Location.SourceSpan.Start))
            {
                var systemDefault = key == EquivalenceKeys.UseSystemDefaultProtocols;
                var enumType = EnumTypeFor(semanticModel.Compilation, diagnostic.Id);
                if (enumType is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
                {
                    continue;
                }

                var chain = FlagMask.Root(node);
                if (!chains.Add(chain) || (chain.Parent is not null && replacements.ContainsKey(chain.Parent)))
                {
                    continue;
                }

                var member = systemDefault ? SystemDefaultMember(enumType) : null;
                if (systemDefault && member is null)
                {
                    continue;
                }

                var value = member is not null
                    ? MemberAccess(TypeSyntaxFor(enumType, FlagMask.Leaves(chain), semanticModel), member).WithTriviaFrom(chain)
                    : RemoveWeak(chain, enumType, semanticModel, cancellationToken).WithTriviaFrom(chain);
                if (chain.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } && NameContradictsStrongValue(declarator.Identifier.ValueText))
                {
                    // 'const SecurityProtocolType Tls11 = (SecurityProtocolType)768;' must not become 'Tls11 = Tls12 | Tls13'.
                    renamedValues.Add((declarator, value));
                    continue;
                }

                if (member is not null
                    && chain.Parent is AssignmentExpressionSyntax assignment
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

            foreach (var (declarator, value) in renamedValues)
            {
                RewriteUses(root, declarator, value, semanticModel, replacements, cancellationToken);
            }

            if (replacements.Count == 0)
            {
                return document;
            }

            var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            while (newRoot.GetAnnotatedNodes(UnusedDeclaration).FirstOrDefault() is { } unused)
            {
                newRoot = SyntaxRemoval.Remove(newRoot, unused, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives);
            }

            return document.WithSyntaxRoot(newRoot);
        }

        private static readonly SyntaxAnnotation UnusedDeclaration = new SyntaxAnnotation("Resurs.UnusedDeclaration");

        /// <summary>
        /// A name that says the value is weak (<c>Tls11</c>, <c>Ssl3Protocols</c>, <c>LegacyTls</c>): writing TLS 1.2 and 1.3 into
        /// it would make the name lie.
        /// </summary>
        internal static bool NameContradictsStrongValue(string name)
        {
            var words = name.Replace("_", string.Empty).ToLowerInvariant();
            foreach (var weak in new[] { "ssl2", "ssl3", "tls10", "tls11", "legacy", "weak", "insecure", "obsolete", "deprecated" })
            {
                if (words.IndexOf(weak, System.StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            // 'Tls1' or 'Tls1Only' (TLS 1.0), not 'Tls12' or 'Tls13'.
            var tls1 = words.IndexOf("tls1", System.StringComparison.Ordinal);
            while (tls1 >= 0)
            {
                var next = tls1 + 4 < words.Length ? words[tls1 + 4] : ' ';
                if (next != '2' && next != '3')
                {
                    return true;
                }

                tls1 = words.IndexOf("tls1", tls1 + 4, System.StringComparison.Ordinal);
            }

            return false;
        }

        /// <summary>
        /// Writes <paramref name="value"/> at each use of the variable that configures protocols, and removes the declaration
        /// when no use is left and nothing outside this document can see it. Uses that only read it (comparisons, patterns,
        /// case labels, <c>HasFlag</c>) keep the name, whose value stays what the name says.
        /// </summary>
        private static void RewriteUses(SyntaxNode root, VariableDeclaratorSyntax declarator, ExpressionSyntax value, SemanticModel model, Dictionary<SyntaxNode, SyntaxNode> replacements, CancellationToken cancellationToken)
        {
            var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
            if (symbol is not (ILocalSymbol or IFieldSymbol))
            {
                return;
            }

            var kept = 0;
            var bare = value.WithoutTrivia();
            ExpressionSyntax atUse = bare is BinaryExpressionSyntax ? SyntaxFactory.ParenthesizedExpression(bare).WithAdditionalAnnotations(Simplifier.Annotation) : bare;
            foreach (var identifier in root.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != declarator.Identifier.ValueText
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
                {
                    continue;
                }

                ExpressionSyntax use = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                if (OnlyReads(use) || use.Ancestors().Any(replacements.ContainsKey))
                {
                    kept += OnlyReads(use) ? 1 : 0;
                    continue;
                }

                replacements[use] = atUse.WithTriviaFrom(use);
            }

            var visibleElsewhere = symbol is IFieldSymbol field
                && (field.DeclaredAccessibility != Accessibility.Private || field.ContainingType.DeclaringSyntaxReferences.Length > 1);
            if (kept > 0 || visibleElsewhere)
            {
                return;
            }

            SyntaxNode declaration = declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1 } single
                && single.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax
                ? single.Parent
                : declarator;
            replacements[declaration] = declaration.WithAdditionalAnnotations(UnusedDeclaration);
        }

        /// <summary>A use that reads the value without configuring anything, or writes the variable.</summary>
        private static bool OnlyReads(ExpressionSyntax use)
        {
            var parent = use.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression)
                    || binary.IsKind(SyntaxKind.BitwiseAndExpression),
                IsPatternExpressionSyntax or ConstantPatternSyntax or CaseSwitchLabelSyntax => true,
                AssignmentExpressionSyntax assignment => assignment.Left == use,
                ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasFlag" } } } => true,
                _ => false,
            };
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
