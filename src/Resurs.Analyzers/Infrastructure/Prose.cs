using System.Collections.Generic;
using System.Text;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>Small helpers for the English of diagnostic messages and fix titles.</summary>
    internal static class Prose
    {
        private const int MaxQuoted = 80;

        /// <summary>"ResursConstants.CallbackBase", "Urls.Callback()": a member as a message names it.</summary>
        public static string Symbol(Microsoft.CodeAnalysis.ISymbol symbol) =>
            (symbol.ContainingType is { } type ? type.Name + "." : string.Empty) + symbol.Name
            + (symbol is Microsoft.CodeAnalysis.IMethodSymbol ? "()" : string.Empty);

        /// <summary>The file name of a tree's path (no folders), or "another file" when it has none.</summary>
        public static string FileName(Microsoft.CodeAnalysis.SyntaxTree tree)
        {
            var path = tree.FilePath;
            var slash = path.LastIndexOfAny(new[] { '/', '\\' });
            return path.Length == 0 ? "another file" : path.Substring(slash + 1);
        }

        /// <summary>The source text of a node for a message, cut to 80 characters and an ellipsis.</summary>
        public static string Quote(Microsoft.CodeAnalysis.SyntaxNode node)
        {
            var span = node.Span;
            if (span.Length <= MaxQuoted)
            {
                return node.ToString();
            }

            return node.SyntaxTree.GetText().ToString(new Microsoft.CodeAnalysis.Text.TextSpan(span.Start, MaxQuoted)) + "…";
        }

        /// <summary>"a", "a and b", "a, b and c"; null items are left out.</summary>
        public static string JoinAnd(IEnumerable<string?> items) => Join(items, " and ");

        /// <summary>"a", "a or b", "a, b or c"; null items are left out.</summary>
        public static string JoinOr(IEnumerable<string?> items) => Join(items, " or ");

        private static string Join(IEnumerable<string?> items, string last)
        {
            var present = new List<string>();
            foreach (var item in items)
            {
                if (item is not null)
                {
                    present.Add(item);
                }
            }

            var builder = new StringBuilder();
            for (var i = 0; i < present.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(i == present.Count - 1 ? last : ", ");
                }

                builder.Append(present[i]);
            }

            return builder.ToString();
        }
    }
}
