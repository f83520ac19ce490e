using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>Which code a pass replays through the rules' handlers.</summary>
    internal enum ReplayScope
    {
        /// <summary>The members around each rule's anchors (production).</summary>
        Anchored,

        /// <summary>Every member of every file, with no anchor search: the reference the equivalence tests compare with.</summary>
        Everything,
    }

    /// <summary>A code rule: it adds what it replays to the pass it shares with the other rules.</summary>
    internal interface ICodeRule
    {
        /// <summary>Called once per compilation; adds the rule's handlers and anchors to <paramref name="pass"/> (or nothing when the types it needs are absent).</summary>
        void Start(CodePass pass);
    }

    /// <summary>
    /// One semantic-model action per file for all the code rules of an analyzer: the file's text is read once, each
    /// rule looks for its anchors in it, and the members around them are replayed through that rule's handlers
    /// (<see cref="OperationReplay"/>). The host calls one action per file whatever the number of rules, so a rule
    /// costs its anchor search plus the work on the few members that can matter.
    /// </summary>
    internal sealed class CodePass
    {
        private readonly List<Registration> registrations = new List<Registration>();
        private readonly ReplayScope scope;
        private GeneratedCodeFilter? generatedCode;

        private readonly CompilationStartAnalysisContext start;
        private readonly OperationReplay direct = new OperationReplay();

#pragma warning disable RS1012 // The rules register operation actions on 'start' later, through OnEvery.
        private CodePass(CompilationStartAnalysisContext start, ReplayScope scope)
#pragma warning restore RS1012
        {
            this.start = start;
            Compilation = start.Compilation;
            Options = start.Options;
            Types = WellKnownTypes.Create(start.Compilation);
            this.scope = scope;
        }

        public Compilation Compilation { get; }

        public AnalyzerOptions Options { get; }

        /// <summary>The framework types the rules need, resolved once for all of them.</summary>
        public WellKnownTypes Types { get; }

        /// <summary>Registers the compilation-start action that runs <paramref name="rules"/> in one pass per file.</summary>
        public static void Initialize(AnalysisContext context, ReplayScope scope, ImmutableArray<ICodeRule> rules)
        {
            context.EnableConcurrentExecution();
            // Security rules report in generated code too; the rules that stay silent there skip it themselves
            // (skipGeneratedCode), which is cheaper than the host's filter.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var pass = new CodePass(start, scope);
                foreach (var rule in rules)
                {
                    rule.Start(pass);
                }

                if (pass.registrations.Count > 0)
                {
                    start.RegisterSemanticModelAction(pass.AnalyzeFile);
                }
            });
        }

        /// <summary>
        /// Calls <paramref name="handler"/> for every operation of the given kinds in the compilation, through the host's
        /// own operation actions: no anchor decides what it sees. Only for kinds that are rare in real code (a
        /// <c>DelegateCreation</c> costs the host next to nothing; an <c>Invocation</c> or a <c>FieldReference</c> would
        /// cost as much as another analyzer, see docs/benchmark.md). The handler's root is the operation itself.
        /// </summary>
        public void OnEvery(Action<OperationContext> handler, params OperationKind[] kinds) =>
            start.RegisterOperationAction(
                context =>
                {
                    var run = new ReplayRun(direct, context.Operation.SemanticModel!, context.ReportDiagnostic, context.CancellationToken);
                    handler(new OperationContext(context.Operation, new OperationRoot(run, context.Operation, context.Operation.Syntax)));
                },
                kinds);

        /// <summary>Replays the members of each file that contain one of <paramref name="anchors"/>.</summary>
        public void Add(OperationReplay replay, params string[] anchors) =>
            Add(replay, (tree, text, positions) => SourceAnchors.FindAll(text, anchors, positions), treeEnd: null);

        /// <summary>
        /// Replays the members around the positions <paramref name="findAnchors"/> adds for each file (it gets the file's
        /// tree and text), then calls <paramref name="treeEnd"/> for files that were replayed. An anchor in a field or
        /// property initializer replays the whole file (its uses may be anywhere), unless <paramref name="membersOnly"/>
        /// is set: then only that field or property is replayed, and the rule follows it to the members that use it
        /// itself, from <paramref name="treeEnd"/> (<see cref="ReplayRun.Replay"/>, <see cref="SourceAnchors.MembersMentioning"/>).
        /// With <paramref name="skipGeneratedCode"/>, generated files are not searched and diagnostics in
        /// <c>[GeneratedCode]</c> members are dropped (<see cref="GeneratedCodeFilter"/>).
        /// </summary>
        public void Add(
            OperationReplay replay,
            Action<SyntaxTree, string, List<int>> findAnchors,
            Action<ReplayRun>? treeEnd,
            bool membersOnly = false,
            bool skipGeneratedCode = false)
        {
            if (skipGeneratedCode)
            {
                generatedCode ??= GeneratedCodeFilter.Create(Types);
            }

            registrations.Add(new Registration(replay, findAnchors, treeEnd, membersOnly, skipGeneratedCode));
        }

        private void AnalyzeFile(SemanticModelAnalysisContext context)
        {
            var tree = context.SemanticModel.SyntaxTree;
            var text = SourceAnchors.Text(tree, context.CancellationToken);
            var root = tree.GetRoot(context.CancellationToken);
            var generatedMembers = generatedCode is not null && generatedCode.MayMarkMembers(text) ? generatedCode : null;
            var positions = new List<int>();
            foreach (var registration in registrations)
            {
                if (registration.SkipGeneratedCode && context.IsGeneratedCode)
                {
                    continue;
                }

                IReadOnlyList<SyntaxNode> scopes;
                if (scope == ReplayScope.Everything)
                {
                    scopes = new[] { root };
                }
                else
                {
                    positions.Clear();
                    registration.FindAnchors(tree, text, positions);
                    if (positions.Count == 0)
                    {
                        continue;
                    }

                    positions.Sort();
                    scopes = SourceAnchors.EnclosingScopes(root, positions, registration.MembersOnly);
                }

                var run = new ReplayRun(
                    registration.Replay,
                    context.SemanticModel,
                    context.ReportDiagnostic,
                    context.CancellationToken,
                    registration.SkipGeneratedCode ? generatedMembers : null);
                run.Replay(scopes);
                registration.TreeEnd?.Invoke(run);
            }
        }

        private sealed class Registration
        {
            public Registration(OperationReplay replay, Action<SyntaxTree, string, List<int>> findAnchors, Action<ReplayRun>? treeEnd, bool membersOnly, bool skipGeneratedCode)
            {
                Replay = replay;
                FindAnchors = findAnchors;
                TreeEnd = treeEnd;
                MembersOnly = membersOnly;
                SkipGeneratedCode = skipGeneratedCode;
            }

            public OperationReplay Replay { get; }

            public Action<SyntaxTree, string, List<int>> FindAnchors { get; }

            public Action<ReplayRun>? TreeEnd { get; }

            public bool MembersOnly { get; }

            public bool SkipGeneratedCode { get; }
        }
    }
}
