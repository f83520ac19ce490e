using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>
    /// Recognises code that only runs in development: the true branch of an <c>if</c> (or <c>?:</c>) whose condition
    /// calls <c>IsDevelopment()</c>, the false branch of one that tests <c>!IsDevelopment()</c>, and code inside
    /// <c>#if DEBUG</c>. Purely syntactic and only asked about nodes that are about to be reported.
    /// </summary>
    internal static class DevelopmentCode
    {
        /// <summary>The note appended to a message when the code is development-only.</summary>
        public const string MessageNote = " (in development-only code, which Resurs cannot reach from any environment either)";

        public static bool IsDevelopmentOnly(SyntaxNode node)
        {
            for (var current = node; current.Parent is { } parent; current = parent)
            {
                switch (parent)
                {
                    case IfStatementSyntax ifStatement when current == ifStatement.Statement:
                        if (TestsDevelopment(ifStatement.Condition, expected: true))
                        {
                            return true;
                        }

                        break;
                    case ElseClauseSyntax { Parent: IfStatementSyntax elseOf } when TestsDevelopment(elseOf.Condition, expected: false):
                        return true;
                    case ConditionalExpressionSyntax conditional when current == conditional.WhenTrue && TestsDevelopment(conditional.Condition, expected: true):
                    case ConditionalExpressionSyntax conditional2 when current == conditional2.WhenFalse && TestsDevelopment(conditional2.Condition, expected: false):
                        return true;
                }
            }

            return IsInsideDebugDirective(node);
        }

        /// <summary>True when <paramref name="condition"/> is (or is an '&amp;&amp;' chain that includes) an IsDevelopment() call, negated when <paramref name="expected"/> is false.</summary>
        private static bool TestsDevelopment(ExpressionSyntax condition, bool expected)
        {
            while (condition is ParenthesizedExpressionSyntax parenthesized)
            {
                condition = parenthesized.Expression;
            }

            switch (condition)
            {
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } negation:
                    return TestsDevelopment(negation.Operand, !expected);
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } conjunction when expected:
                    return TestsDevelopment(conjunction.Left, expected) || TestsDevelopment(conjunction.Right, expected);
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } disjunction when !expected:
                    return TestsDevelopment(disjunction.Left, expected) || TestsDevelopment(disjunction.Right, expected);
                case InvocationExpressionSyntax invocation when expected:
                    return IsDevelopmentCall(invocation);
                default:
                    return false;
            }
        }

        private static bool IsDevelopmentCall(InvocationExpressionSyntax invocation)
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };
            return string.Equals(name, "IsDevelopment", StringComparison.Ordinal);
        }

        private static bool IsInsideDebugDirective(SyntaxNode node)
        {
            if (node.SyntaxTree.GetRoot() is not CSharpSyntaxNode root || !root.ContainsDirectives || !MayNameDebug(node.SyntaxTree))
            {
                return false;
            }

            var position = node.SpanStart;
            for (var directive = root.GetFirstDirective(d => d is IfDirectiveTriviaSyntax);
                 directive is not null && directive.SpanStart < position;
                 directive = directive.GetNextDirective(d => d is IfDirectiveTriviaSyntax))
            {
                var ifDirective = (IfDirectiveTriviaSyntax)directive;
                if (!MentionsDebug(ifDirective.Condition))
                {
                    continue;
                }

                // The region ends at the next #elif/#else/#endif of the same #if.
                foreach (var related in ifDirective.GetRelatedDirectives())
                {
                    if (related.SpanStart > ifDirective.SpanStart)
                    {
                        if (position < related.SpanStart)
                        {
                            return true;
                        }

                        break;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the file's text spells DEBUG, or may write an identifier with a Unicode escape or a formatting character
        /// (<see cref="SourceAnchors.MaySpellIdentifiersOtherwise"/>). A file that does neither has no <c>#if DEBUG</c>, and
        /// the walk over its directives, which reads every token before the node, is skipped.
        /// </summary>
        private static bool MayNameDebug(SyntaxTree tree)
        {
            var text = SourceAnchors.Text(tree, CancellationToken.None);
            return text.IndexOf("DEBUG", StringComparison.Ordinal) >= 0 || SourceAnchors.MaySpellIdentifiersOtherwise(text);
        }

        private static bool MentionsDebug(ExpressionSyntax condition) =>
            condition is IdentifierNameSyntax { Identifier.ValueText: "DEBUG" }
            || (condition is ParenthesizedExpressionSyntax parenthesized && MentionsDebug(parenthesized.Expression))
            || (condition is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both && (MentionsDebug(both.Left) || MentionsDebug(both.Right)));
    }
}
