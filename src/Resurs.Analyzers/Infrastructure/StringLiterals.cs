using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>Reads string literals from their tokens, which is cheaper than asking an operation for its constant value.</summary>
    internal static class StringLiterals
    {
        /// <summary>The value of a string literal (regular, verbatim or raw) or of an interpolated string's text part; null for any other syntax.</summary>
        public static string? Text(SyntaxNode syntax) => syntax switch
        {
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => literal.Token.ValueText,
            InterpolatedStringTextSyntax part => part.TextToken.ValueText,
            _ => null,
        };

        /// <summary>True when <paramref name="text"/> holds a scheme separator, without which no absolute URL can start in it.</summary>
        public static bool HasSchemeSeparator(string text) => text.IndexOf("://", System.StringComparison.Ordinal) >= 0;
    }
}
