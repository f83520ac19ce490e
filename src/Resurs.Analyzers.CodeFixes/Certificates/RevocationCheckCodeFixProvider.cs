using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Resurs.Analyzers.CodeFixes.Certificates
{
    /// <summary>
    /// RES3003: writes <c>true</c> for a revocation flag and <c>X509RevocationMode.Online</c> for <c>NoCheck</c>; in text
    /// that is parsed (<c>config["…"] ?? "NoCheck"</c>, <c>bool.Parse("false")</c>), "Online" and "true".
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RevocationCheckCodeFixProvider))]
    [Shared]
    public sealed class RevocationCheckCodeFixProvider : SingleActionCodeFixProvider
    {
        public RevocationCheckCodeFixProvider()
            : base(RuleIds.RevocationCheckDisabled, "Check certificate revocation", EquivalenceKeys.CheckRevocation)
        {
        }

        /// <summary>
        /// Not for a setting that follows an option whose default turns revocation off: writing <c>true</c> or
        /// <c>Online</c> at the use would ignore the option; its default is what to change. Nor where the analyzer says
        /// the place is not the one to rewrite (<see cref="Rules.Certificates.RevocationCheckAnalyzer.NoFixProperty"/>).
        /// </summary>
        protected override bool Offers(Diagnostic diagnostic) =>
            !diagnostic.Properties.ContainsKey(Rules.Certificates.RevocationCheckAnalyzer.ConfiguredDefaultProperty)
            && !diagnostic.Properties.ContainsKey(Rules.Certificates.RevocationCheckAnalyzer.NoFixProperty);

        protected override async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                return document;
            }

            SyntaxNode original = value;
            SyntaxNode replacement;
            switch (value)
            {
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "NoCheck" } member:
                    original = member.Name;
                    replacement = SyntaxFactory.IdentifierName("Online").WithTriviaFrom(member.Name);
                    break;
                case IdentifierNameSyntax { Identifier.ValueText: "NoCheck" } name when name.Parent is not MemberAccessExpressionSyntax:
                    replacement = SyntaxFactory.IdentifierName("Online").WithTriviaFrom(name);
                    break;
                case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } text:
                    var on = string.Equals(text.Token.ValueText.Trim(), "NoCheck", System.StringComparison.OrdinalIgnoreCase) ? "Online" : "true";
                    replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(on)).WithTriviaFrom(text);
                    break;
                default:
                    replacement = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(value);
                    break;
            }

            return document.WithSyntaxRoot(root.ReplaceNode(original, replacement));
        }
    }
}
