using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>
    /// What a fix that removes a statement leaves behind: an <c>if</c> whose branch it emptied. Such an <c>if</c> goes
    /// when its condition has no side effects (an <c>else</c> becomes the branch, under the negated condition). When the
    /// condition calls, creates or assigns something, it stays, and a comment in the empty branch says why.
    /// </summary>
    internal static class EmptiedConditions
    {
        /// <summary>Marks an <c>if</c> that a removal inside it may empty.</summary>
        public static readonly SyntaxAnnotation Candidate = new SyntaxAnnotation("Resurs.EmptiedCondition");

        public const string KeptComment = "// The removed statement was the only one here; the condition stays because evaluating it may have side effects.";

        /// <summary><paramref name="document"/> with each marked <c>if</c> that has an empty branch removed or explained, innermost first.</summary>
        public static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
        {
            for (var pass = 0; pass < 100; pass++)
            {
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var target = root?.GetAnnotatedNodes(Candidate).OfType<IfStatementSyntax>()
                    .Where(node => IsEmptied(node) || ElseEmptied(node))
                    .OrderByDescending(node => node.Ancestors().Count())
                    .FirstOrDefault();
                if (root is null || target is null)
                {
                    return document;
                }

                if (!IsEmptied(target))
                {
                    // 'else { }': the condition is evaluated anyway, so only the empty branch goes.
                    var withoutElse = target.WithElse(null).WithoutAnnotations(Candidate)
                        .WithStatement(target.Statement.WithTrailingTrivia(target.Else!.GetTrailingTrivia()));
                    document = document.WithSyntaxRoot(root.ReplaceNode(target, withoutElse));
                    continue;
                }

                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var pure = model is not null && !HasSideEffects(model.GetOperation(target.Condition, cancellationToken));
                document = document.WithSyntaxRoot(pure ? Remove(root, target) : Explain(root, target));
            }

            return document;
        }

        /// <summary>The then-branch is an empty block (or an empty statement) with no comment in it.</summary>
        private static bool IsEmptied(IfStatementSyntax node) => node.Statement switch
        {
            BlockSyntax block => block.Statements.Count == 0 && !block.CloseBraceToken.LeadingTrivia.Any(IsComment),
            EmptyStatementSyntax => true,
            _ => false,
        };

        private static bool ElseEmptied(IfStatementSyntax node) =>
            node.Else?.Statement is BlockSyntax { Statements.Count: 0 } block && !block.CloseBraceToken.LeadingTrivia.Any(IsComment);

        private static bool IsComment(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);

        private static SyntaxNode Remove(SyntaxNode root, IfStatementSyntax node)
        {
            if (node.Else is { } elseClause)
            {
                // 'if (c) { } else { X }' becomes 'if (!c) { X }'.
                var statement = elseClause.Statement is IfStatementSyntax chained ? SyntaxFactory.Block(chained) : elseClause.Statement;
                var replacement = node
                    .WithCondition(Negate(node.Condition))
                    .WithStatement(statement.WithTriviaFrom(node.Statement))
                    .WithElse(null)
                    .WithoutAnnotations(Candidate);
                return root.ReplaceNode(node, replacement);
            }

            var options = node.GetLeadingTrivia().Any(IsComment) ? SyntaxRemoveOptions.KeepLeadingTrivia : SyntaxRemoveOptions.KeepNoTrivia;
            if (node.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
            {
                var removable = node.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : node;
                return SyntaxRemoval.Remove(root, removable, options | SyntaxRemoveOptions.KeepUnbalancedDirectives);
            }

            // An embedded 'if' ('else if', or the body of a loop) becomes an empty block, which the parent may clean up.
            return root.ReplaceNode(node, SyntaxFactory.Block().WithTriviaFrom(node));
        }

        private static SyntaxNode Explain(SyntaxNode root, IfStatementSyntax node)
        {
            var indentation = node.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
            var endOfLine = node.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var newLine = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticCarriageReturnLineFeed;
            var block = SyntaxFactory.Block()
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine))
                .WithCloseBraceToken(SyntaxFactory.Token(
                    SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indentation + "    "), SyntaxFactory.Comment(KeptComment), newLine, SyntaxFactory.Whitespace(indentation)),
                    SyntaxKind.CloseBraceToken,
                    SyntaxTriviaList.Empty));
            if (node.Statement is BlockSyntax original)
            {
                block = block.WithOpenBraceToken(block.OpenBraceToken.WithLeadingTrivia(original.OpenBraceToken.LeadingTrivia))
                    .WithCloseBraceToken(block.CloseBraceToken.WithTrailingTrivia(original.CloseBraceToken.TrailingTrivia));
            }
            else
            {
                block = block.WithOpenBraceToken(block.OpenBraceToken.WithLeadingTrivia(newLine, SyntaxFactory.Whitespace(indentation)))
                    .WithCloseBraceToken(block.CloseBraceToken.WithTrailingTrivia(node.Statement.GetTrailingTrivia()));
            }

            return root.ReplaceNode(node, node.WithStatement(block).WithoutAnnotations(Candidate));
        }

        private static ExpressionSyntax Negate(ExpressionSyntax condition)
        {
            var bare = condition.WithoutTrivia();
            if (bare is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not)
            {
                var operand = not.Operand;
                while (operand is ParenthesizedExpressionSyntax parenthesized)
                {
                    operand = parenthesized.Expression;
                }

                return operand.WithTriviaFrom(condition);
            }

            var operandOfNot = bare is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax or LiteralExpressionSyntax
                ? bare
                : SyntaxFactory.ParenthesizedExpression(bare);
            return SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, operandOfNot).WithTriviaFrom(condition);
        }

        /// <summary>Whether evaluating the condition may do something: a call, a creation, an assignment, an await, a user-defined operator.</summary>
        private static bool HasSideEffects(IOperation? operation)
        {
            if (operation is null)
            {
                return true;
            }

            foreach (var node in operation.DescendantsAndSelf())
            {
                switch (node)
                {
                    case IInvocationOperation:
                    case IObjectCreationOperation:
                    case IAnonymousObjectCreationOperation:
                    case IAssignmentOperation:
                    case IIncrementOrDecrementOperation:
                    case IAwaitOperation:
                    case IEventAssignmentOperation:
                    case IThrowOperation:
                    case IDynamicInvocationOperation:
                    case IDynamicMemberReferenceOperation:
                    case IDynamicIndexerAccessOperation:
                    case IDynamicObjectCreationOperation:
                    case IInvalidOperation:
                    case IBinaryOperation { OperatorMethod: not null }:
                    case IUnaryOperation { OperatorMethod: not null }:
                    case IConversionOperation { OperatorMethod: not null }:
                        return true;
                }
            }

            return false;
        }
    }
}
