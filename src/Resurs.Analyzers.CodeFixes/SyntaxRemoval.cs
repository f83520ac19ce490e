using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>
    /// Removes a statement or member and keeps the directives written in front of it: a <c>#pragma warning restore</c> or
    /// <c>#nullable restore</c> there ends a region that began before the node, and losing it would silently run a
    /// suppression or a nullable context on to the end of the file. Roslyn's options keep either every directive (and add
    /// a blank line before them) or only an unbalanced <c>#if</c>/<c>#region</c> and <c>#define</c>; these move the others
    /// to the token that follows, as they were written. When both kinds stand in front of the node, Roslyn keeps them all,
    /// so that their order holds.
    /// </summary>
    internal static class SyntaxRemoval
    {
        /// <summary>Removes <paramref name="node"/> together with the blank line that set it apart, so that no gap is left.</summary>
        public static SyntaxNode Remove(SyntaxNode root, SyntaxNode node, SyntaxRemoveOptions options) =>
            RemoveWithDirectives(root, node, options, RemoveKeepingLayout);

        /// <summary>
        /// Removes <paramref name="node"/> through <paramref name="editor"/>, as <see cref="SyntaxEditor.RemoveNode(SyntaxNode)"/>
        /// does, with the directives in front of it kept. The removal runs on the editor's current tree, so that Fix All
        /// removing two neighbours moves the directives past both.
        /// </summary>
        public static void Remove(SyntaxEditor editor, SyntaxNode node)
        {
            // The token after the node lies inside its parent, or for a switch section's statement, inside the switch.
            var container = node.Parent is SwitchSectionSyntax section ? section.Parent : node.Parent;
            if (container is null)
            {
                editor.RemoveNode(node);
                return;
            }

            editor.TrackNode(node);
            editor.ReplaceNode(container, (current, _) => current.GetCurrentNode(node) is { } now
                ? RemoveWithDirectives(current, now, SyntaxGenerator.DefaultRemoveOptions, (r, n, o) => r.RemoveNode(n, o) ?? r)
                : current);
        }

        /// <summary>
        /// Replaces <paramref name="node"/> through <paramref name="editor"/> with <paramref name="replacement"/> (built from
        /// the node as it was), keeping the leading trivia the node has by then: the directives a removal in the same fix
        /// moved onto it (<see cref="Remove(SyntaxEditor, SyntaxNode)"/>) stay.
        /// </summary>
        public static void Replace(SyntaxEditor editor, SyntaxNode node, SyntaxNode replacement) =>
            editor.ReplaceNode(node, (current, _) => replacement.WithLeadingTrivia(current.GetLeadingTrivia()));

        private static SyntaxNode RemoveWithDirectives(SyntaxNode root, SyntaxNode node, SyntaxRemoveOptions options, Func<SyntaxNode, SyntaxNode, SyntaxRemoveOptions, SyntaxNode> remove)
        {
            if ((options & (SyntaxRemoveOptions.KeepLeadingTrivia | SyntaxRemoveOptions.KeepDirectives)) != 0)
            {
                return remove(root, node, options);
            }

            var directives = LooseDirectives(node, out var mixed);
            if (mixed)
            {
                return remove(root, node, options | SyntaxRemoveOptions.KeepDirectives);
            }

            if (directives.Count == 0)
            {
                return remove(root, node, options);
            }

            // Mark the token after the node (its own missing ';' is part of it), remove the node, give that token the directives.
            var tracked = root.TrackNodes(node);
            var next = tracked.GetCurrentNode(node)!.GetLastToken(includeZeroWidth: true).GetNextToken(includeZeroWidth: true);
            if (next.RawKind == 0)
            {
                return remove(root, node, options | SyntaxRemoveOptions.KeepDirectives);
            }

            var marker = new SyntaxAnnotation();
            tracked = tracked.ReplaceToken(next, next.WithAdditionalAnnotations(marker));
            var removed = remove(tracked, tracked.GetCurrentNode(node)!, options);
            var after = removed.GetAnnotatedTokens(marker).FirstOrDefault();
            return after.RawKind == 0
                ? remove(root, node, options | SyntaxRemoveOptions.KeepDirectives)
                : removed.ReplaceToken(after, after.WithLeadingTrivia(directives.AddRange(after.LeadingTrivia)));
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
        /// The directives in front of <paramref name="node"/> that no removal option keeps on its own: <c>#pragma</c>,
        /// <c>#nullable</c>, <c>#line</c>, <c>#error</c>, <c>#warning</c> (not <c>#if</c>/<c>#region</c>, which
        /// <see cref="SyntaxRemoveOptions.KeepUnbalancedDirectives"/> keeps when they pair with one outside, nor
        /// <c>#define</c>/<c>#undef</c>, which it always keeps), each with the indentation on its line.
        /// <paramref name="mixed"/> is set when both kinds stand there.
        /// </summary>
        private static SyntaxTriviaList LooseDirectives(SyntaxNode node, out bool mixed)
        {
            var leading = node.GetLeadingTrivia();
            var kept = SyntaxFactory.TriviaList();
            var keptByRoslyn = false;
            for (var i = 0; i < leading.Count; i++)
            {
                var trivia = leading[i];
                if (!trivia.IsDirective)
                {
                    continue;
                }

                if (trivia.IsKind(SyntaxKind.IfDirectiveTrivia) || trivia.IsKind(SyntaxKind.ElifDirectiveTrivia)
                    || trivia.IsKind(SyntaxKind.ElseDirectiveTrivia) || trivia.IsKind(SyntaxKind.EndIfDirectiveTrivia)
                    || trivia.IsKind(SyntaxKind.RegionDirectiveTrivia) || trivia.IsKind(SyntaxKind.EndRegionDirectiveTrivia)
                    || trivia.IsKind(SyntaxKind.DefineDirectiveTrivia) || trivia.IsKind(SyntaxKind.UndefDirectiveTrivia))
                {
                    keptByRoslyn = true;
                    continue;
                }

                if (i > 0 && leading[i - 1].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    kept = kept.Add(leading[i - 1]);
                }

                kept = kept.Add(trivia);
            }

            mixed = keptByRoslyn && kept.Count > 0;
            return kept;
        }
    }
}
