using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// The first, purely textual filter of every code rule: a rule can only fire where the source text names one of its
    /// anchors ("SslProtocols", "Certificate", "://"). The text is searched with the runtime's vectorised ordinal
    /// <see cref="string.IndexOf(string, StringComparison)"/>, which costs about a millisecond per 10 MB, so a file
    /// without an anchor costs a rule almost nothing: no syntax walk, no binding, no operation callbacks.
    /// </summary>
    internal static class SourceAnchors
    {
        /// <summary>The tree's text as one string (no copy for the usual in-memory source text).</summary>
        public static string Text(SyntaxTree tree, CancellationToken cancellationToken) => tree.GetText(cancellationToken).ToString();

        /// <summary>Every position of every anchor in <paramref name="text"/>, added to <paramref name="positions"/> (unsorted).</summary>
        [MethodImpl(Jit.Optimize)]
        public static void FindAll(string text, IReadOnlyList<string> anchors, List<int> positions)
        {
            for (var i = 0; i < anchors.Count; i++)
            {
                var anchor = anchors[i];
                if (anchor.Length == 0)
                {
                    continue;
                }

                for (var at = text.IndexOf(anchor, StringComparison.Ordinal); at >= 0; at = text.IndexOf(anchor, at + anchor.Length, StringComparison.Ordinal))
                {
                    positions.Add(at);
                }
            }
        }

        /// <summary>Like <see cref="FindAll"/>, ignoring ASCII case (for names such as environment variables).</summary>
        [MethodImpl(Jit.Optimize)]
        public static void FindAllIgnoreCase(string text, string anchor, List<int> positions)
        {
            for (var at = text.IndexOf(anchor, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(anchor, at + anchor.Length, StringComparison.OrdinalIgnoreCase))
            {
                positions.Add(at);
            }
        }

        /// <summary>
        /// The code to replay for anchors at <paramref name="positions"/> (ascending): the member body around each, or
        /// the whole tree when an anchor sits outside any member body (a using alias, an attribute) or in a field or
        /// property initializer, because then code anywhere in the file may use it (a const URL, a shared protocol
        /// value). Each scope is listed once.
        /// </summary>
        public static List<SyntaxNode> EnclosingScopes(SyntaxNode root, List<int> positions)
        {
            var scopes = new List<SyntaxNode>();
            var end = -1;
            foreach (var position in positions)
            {
                if (position < end)
                {
                    continue;
                }

                var scope = EnclosingScope(root.FindToken(position, findInsideTrivia: false));
                if (scope is null)
                {
                    scopes.Clear();
                    scopes.Add(root);
                    return scopes;
                }

                scopes.Add(scope);
                end = scope.FullSpan.End;
            }

            return scopes;
        }

        /// <summary>
        /// The member-level node whose operations hold <paramref name="token"/>, or null when the whole file must be
        /// replayed (outside any member body, in top-level statements, or in a field or property initializer).
        /// </summary>
        public static SyntaxNode? EnclosingScope(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case GlobalStatementSyntax:
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } }:
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                        return null;
                    case BaseMethodDeclarationSyntax:
                    case AccessorDeclarationSyntax:
                    case BasePropertyDeclarationSyntax:
                    case BaseFieldDeclarationSyntax:
                    case EnumMemberDeclarationSyntax:
                        return node;
                    case BaseTypeDeclarationSyntax:
                    case BaseNamespaceDeclarationSyntax:
                    case CompilationUnitSyntax:
                        return null;
                }
            }

            return null;
        }
    }
}
