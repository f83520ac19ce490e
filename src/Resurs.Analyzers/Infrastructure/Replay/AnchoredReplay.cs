using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// The one way code rules subscribe: a semantic-model action per file that looks for the rule's anchors in the text
    /// and replays only the members they appear in. Roslyn calls it once per file, so a rule costs a text search per
    /// file plus the work on the few members that can matter.
    /// </summary>
    internal static class AnchoredReplay
    {
        /// <summary>Replays the members of each file that contain one of <paramref name="anchors"/>.</summary>
        public static void Register(CompilationStartAnalysisContext start, OperationReplay replay, params string[] anchors) =>
            Register(start, replay, (tree, text, positions) => SourceAnchors.FindAll(text, anchors, positions), treeEnd: null);

        /// <summary>
        /// Replays the members around the positions <paramref name="findAnchors"/> adds for each file (it gets the file's
        /// tree and text), then calls <paramref name="treeEnd"/> for files that were replayed. An anchor in a field or
        /// property initializer replays the whole file (its uses may be anywhere), unless <paramref name="membersOnly"/>
        /// is set: then only that field or property is replayed, and the rule follows it to the members that use it
        /// itself, from <paramref name="treeEnd"/> (<see cref="ReplayRun.Replay"/>, <see cref="SourceAnchors.MembersMentioning"/>). With <paramref name="skipGeneratedCode"/>, generated
        /// files are not searched and diagnostics in <c>[GeneratedCode]</c> members are dropped
        /// (<see cref="GeneratedCodeFilter"/>); the rule then configures the host to analyse and report in generated code.
        /// </summary>
        public static void Register(
            CompilationStartAnalysisContext start,
            OperationReplay replay,
            Action<SyntaxTree, string, List<int>> findAnchors,
            Action<ReplayRun>? treeEnd,
            bool membersOnly = false,
            bool skipGeneratedCode = false)
        {
            var generatedCode = skipGeneratedCode ? GeneratedCodeFilter.Create(start.Compilation) : null;
            start.RegisterSemanticModelAction(context =>
            {
                if (generatedCode is not null && context.IsGeneratedCode)
                {
                    return;
                }

                var tree = context.SemanticModel.SyntaxTree;
                var text = SourceAnchors.Text(tree, context.CancellationToken);
                var positions = new List<int>();
                findAnchors(tree, text, positions);
                if (positions.Count == 0)
                {
                    return;
                }

                var root = tree.GetRoot(context.CancellationToken);
                positions.Sort();
                var scopes = SourceAnchors.EnclosingScopes(root, positions, membersOnly);

                var generatedMembers = generatedCode is not null && generatedCode.MayMarkMembers(text) ? generatedCode : null;
                var run = new ReplayRun(replay, context.SemanticModel, context.ReportDiagnostic, context.CancellationToken, generatedMembers);
                run.Replay(scopes);
                treeEnd?.Invoke(run);
            });
        }
    }
}
