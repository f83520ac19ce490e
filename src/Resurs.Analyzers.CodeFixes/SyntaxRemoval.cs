using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>
    /// Removes a statement or member together with the blank line that set it apart, so that no gap is left, and keeps
    /// the directives written in front of it: a <c>#pragma warning restore</c> or <c>#nullable restore</c> there ends a
    /// region that began before the node, and losing it would silently run a suppression or a nullable context on to the
    /// end of the file. Roslyn's own options keep either every directive (and add a blank line before them) or only an
    /// unbalanced <c>#if</c>/<c>#region</c>; these move the others to the token that follows, as they were written.
    /// </summary>
    internal static class SyntaxRemoval
    {
        public static SyntaxNode Remove(SyntaxNode root, SyntaxNode node, SyntaxRemoveOptions options)
        {
            var directives = (options & (SyntaxRemoveOptions.KeepLeadingTrivia | SyntaxRemoveOptions.KeepDirectives)) == 0
                ? LooseDirectives(node)
                : default;
            if (directives.Count == 0)
            {
                return RemoveKeepingLayout(root, node, options);
            }

            // Mark the token after the node, remove the node, then give that token the directives.
            var marker = new SyntaxAnnotation();
            var tracked = root.TrackNodes(node);
            var next = tracked.FindToken(node.GetLastToken().GetNextToken(includeZeroWidth: true).SpanStart);
            tracked = tracked.ReplaceToken(next, next.WithAdditionalAnnotations(marker));
            var removed = RemoveKeepingLayout(tracked, tracked.GetCurrentNode(node)!, options);
            var after = removed.GetAnnotatedTokens(marker).FirstOrDefault();
            return after.RawKind == 0 ? removed : removed.ReplaceToken(after, after.WithLeadingTrivia(directives.AddRange(after.LeadingTrivia)));
        }

        /// <summary>Removes <paramref name="node"/> through <paramref name="editor"/>, with the directives in front of it kept (see the type).</summary>
        public static void Remove(SyntaxEditor editor, SyntaxNode node)
        {
            var directives = LooseDirectives(node);
            var next = node.GetLastToken().GetNextToken(includeZeroWidth: true);
            var owner = next.Parent;
            var first = owner is not null && next == owner.GetFirstToken(includeZeroWidth: true);
            if (directives.Count == 0 || owner is null || (!first && next != owner.GetLastToken(includeZeroWidth: true)))
            {
                editor.RemoveNode(node, directives.Count == 0 ? SyntaxGenerator.DefaultRemoveOptions : SyntaxRemoveOptions.KeepDirectives);
                return;
            }

            editor.RemoveNode(node, SyntaxGenerator.DefaultRemoveOptions);
            editor.ReplaceNode(owner, (current, _) =>
            {
                var token = first ? current.GetFirstToken(includeZeroWidth: true) : current.GetLastToken(includeZeroWidth: true);
                return current.ReplaceToken(token, token.WithLeadingTrivia(directives.AddRange(token.LeadingTrivia)));
            });
        }

        private static SyntaxNode RemoveKeepingLayout(SyntaxNode root, SyntaxNode node, SyntaxRemoveOptions options)
        {
            var siblings = node.Parent?.ChildNodes().ToList();
            var index = siblings?.IndexOf(node) ?? -1;
            var next = index >= 0 && index + 1 < siblings!.Count ? siblings[index + 1] : null;
            var startsBlank = index == 0 || node.GetLeadingTrivia().FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia);
            if (next is not null && startsBlank && next.GetLeadingTrivia() is { Count: > 0 } trivia && trivia[0].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                var tracked = root.TrackNodes(node, next);
                tracked = tracked.ReplaceNode(tracked.GetCurrentNode(next)!, next.WithLeadingTrivia(trivia.RemoveAt(0)));
                return tracked.RemoveNode(tracked.GetCurrentNode(node)!, options) ?? root;
            }

            return root.RemoveNode(node, options) ?? root;
        }

        /// <summary>
        /// The directives in front of <paramref name="node"/> that no removal option keeps on its own (all but
        /// <c>#if</c>/<c>#elif</c>/<c>#else</c>/<c>#endif</c> and <c>#region</c>/<c>#endregion</c>, which
        /// <see cref="SyntaxRemoveOptions.KeepUnbalancedDirectives"/> keeps when they pair with one outside), each with
        /// the indentation on its line.
        /// </summary>
        private static SyntaxTriviaList LooseDirectives(SyntaxNode node)
        {
            var leading = node.GetLeadingTrivia();
            var kept = SyntaxFactory.TriviaList();
            for (var i = 0; i < leading.Count; i++)
            {
                var trivia = leading[i];
                if (!trivia.IsDirective || trivia.IsKind(SyntaxKind.IfDirectiveTrivia) || trivia.IsKind(SyntaxKind.ElifDirectiveTrivia)
                    || trivia.IsKind(SyntaxKind.ElseDirectiveTrivia) || trivia.IsKind(SyntaxKind.EndIfDirectiveTrivia)
                    || trivia.IsKind(SyntaxKind.RegionDirectiveTrivia) || trivia.IsKind(SyntaxKind.EndRegionDirectiveTrivia))
                {
                    continue;
                }

                if (i > 0 && leading[i - 1].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    kept = kept.Add(leading[i - 1]);
                }

                kept = kept.Add(trivia);
            }

            return kept;
        }
    }
}
