using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>Removes a statement or member together with the blank line that set it apart, so that no gap is left.</summary>
    internal static class SyntaxRemoval
    {
        public static SyntaxNode Remove(SyntaxNode root, SyntaxNode node, SyntaxRemoveOptions options)
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
    }
}
