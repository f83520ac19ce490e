using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>
    /// A '|' mask of flag members as written (<c>A | (B | C)</c>): its outermost expression, its operands, and how to write
    /// a new one. Shared by the fixes that remove members from a mask (RES2001/RES2002, RES3005).
    /// </summary>
    internal static class FlagMask
    {
        /// <summary>The outermost '|' expression (through parentheses) that contains <paramref name="node"/>.</summary>
        public static ExpressionSyntax Root(ExpressionSyntax node)
        {
            var current = node;
            while (true)
            {
                var parent = current.Parent;
                while (parent is ParenthesizedExpressionSyntax { Parent: BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression } } parenthesized)
                {
                    parent = parenthesized.Parent;
                }

                if (parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.BitwiseOrExpression))
                {
                    current = binary;
                    continue;
                }

                return current;
            }
        }

        /// <summary>The operands of a mask, left to right, through nested '|' and parentheses.</summary>
        public static IEnumerable<ExpressionSyntax> Leaves(ExpressionSyntax expression) => expression switch
        {
            ParenthesizedExpressionSyntax { Expression: BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression } inner } => Leaves(inner),
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.BitwiseOrExpression) => Leaves(binary.Left).Concat(Leaves(binary.Right)),
            _ => new[] { expression },
        };

        /// <summary><c>a | b | c</c> with single spaces around each '|'; <paramref name="members"/> must not be empty.</summary>
        public static ExpressionSyntax Join(IReadOnlyList<ExpressionSyntax> members)
        {
            var result = members[0];
            for (var i = 1; i < members.Count; i++)
            {
                result = SyntaxFactory.BinaryExpression(
                    SyntaxKind.BitwiseOrExpression,
                    result,
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.BarToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    members[i]);
            }

            return result;
        }
    }
}
