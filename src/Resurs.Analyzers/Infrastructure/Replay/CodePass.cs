using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;


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
    /// One semantic-model action per file for all the code rules of an analyzer: the words every rule anchors on are
    /// found in the file's text together (<see cref="FileText"/>), each rule picks its anchors from them, and the members
    /// around them are replayed through that rule's handlers (<see cref="OperationReplay"/>). The host calls one action
    /// per file whatever the number of rules, so a rule costs its share of the search plus the work on the few members
    /// that can matter.
    /// </summary>
    internal sealed class CodePass
    {
        private readonly List<Registration> registrations = new List<Registration>();
        private readonly ReplayScope scope;
        private GeneratedCodeFilter? generatedCode;

        private readonly List<string> words = new List<string>();
        private readonly List<Func<IReadOnlyList<string>>> nameSources = new List<Func<IReadOnlyList<string>>>();
        private readonly Lazy<NeedleIndex> wordIndex;
        private readonly Lazy<NeedleIndex?> nameIndex;
        private readonly Func<NeedleIndex?> names;
        private readonly PerFile<FileText> opened;
        private readonly List<DeclaredValues> declared = new List<DeclaredValues>();
        private readonly ManualResetEventSlim declaredDone;
        private int declaredTaken = -1;
        private int declaredFinished;

        private readonly CompilationStartAnalysisContext start;
        private readonly OperationReplay direct = new OperationReplay();
        private readonly Lazy<AnalysisPolicy> policy;

#pragma warning disable RS1012 // The rules register operation actions on 'start' later, through OnEvery.
        private CodePass(CompilationStartAnalysisContext start, ReplayScope scope, NeedleIndex.SearchCache searches)
#pragma warning restore RS1012
        {
            this.start = start;
            Compilation = start.Compilation;
            Files = new FileIndex(start.Compilation);
            opened = new PerFile<FileText>(Files);
            Options = start.Options;
            Types = WellKnownTypes.Create(start.Compilation);
            policy = new Lazy<AnalysisPolicy>(() => AnalysisPolicy.Create(start.Compilation, start.Options), LazyThreadSafetyMode.ExecutionAndPublication);
            this.scope = scope;
            wordIndex = new Lazy<NeedleIndex>(() => new NeedleIndex(words, searches: searches), LazyThreadSafetyMode.ExecutionAndPublication);
            nameIndex = new Lazy<NeedleIndex?>(MakeNameIndex, LazyThreadSafetyMode.ExecutionAndPublication);
            names = () => nameIndex.Value;
            declaredDone = new ManualResetEventSlim(false);
        }

        public Compilation Compilation { get; }

        /// <summary>The place of each file in the compilation, for per-file tables (<see cref="PerFile{T}"/>).</summary>
        public FileIndex Files { get; }

        public AnalyzerOptions Options { get; }

        /// <summary>Options and test-project detection, shared by the rules (made on first use).</summary>
        public AnalysisPolicy Policy => policy.Value;

        /// <summary>The framework types the rules need, resolved once for all of them.</summary>
        public WellKnownTypes Types { get; }

        /// <summary>Registers the compilation-start action that runs <paramref name="rules"/> in one pass per file.</summary>
        public static void Initialize(AnalysisContext context, ReplayScope scope, ImmutableArray<ICodeRule> rules)
        {
            context.EnableConcurrentExecution();
            // Security rules report in generated code too; the rules that stay silent there skip it themselves
            // (skipGeneratedCode), which is cheaper than the host's filter.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            var searches = new NeedleIndex.SearchCache();
            context.RegisterCompilationStartAction(start =>
            {
                var pass = new CodePass(start, scope, searches);
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
        /// cost as much as another analyzer, see docs/benchmark.md). <paramref name="mayMatter"/> is a cheap test that
        /// must hold for every operation the handler could report on; the handler's root is the operation itself.
        /// </summary>
        public void OnEvery(Func<IOperation, bool> mayMatter, Action<OperationContext> handler, params OperationKind[] kinds) =>
            start.RegisterOperationAction(
                context =>
                {
                    if (!mayMatter(context.Operation))
                    {
                        return;
                    }

                    var run = new ReplayRun(direct, context.Operation.SemanticModel!, context.ReportDiagnostic, context.CancellationToken);
                    handler(new OperationContext(context.Operation, new OperationRoot(run, context.Operation, context.Operation.Syntax)));
                },
                kinds);

        /// <summary>
        /// Replays the members of each file that contain one of <paramref name="anchors"/> through the handlers
        /// <paramref name="setup"/> makes. It runs once, the first time an anchor turns up in any file, so a rule resolves
        /// its types and builds its tables only in a compilation that can use them; null turns the rule off (a type it
        /// needs is missing).
        /// </summary>
        public void Add(Func<ReplaySetup?> setup, params string[] anchors) => Add(setup, anchors, skipGeneratedCode: false);

        /// <summary>
        /// As <see cref="Add(Func{ReplaySetup?}, string[])"/>; with <paramref name="skipGeneratedCode"/>, as
        /// <see cref="Add(Func{ReplaySetup?}, Action{FileText, List{int}}, bool, bool, string[], Func{ICollection{string}})"/>.
        /// </summary>
        public void Add(Func<ReplaySetup?> setup, string[] anchors, bool skipGeneratedCode)
        {
            Words(anchors);
            Add(setup, (file, positions) => file.FindAll(anchors, positions), skipGeneratedCode: skipGeneratedCode, gate: anchors);
        }

        /// <summary>
        /// Declares words a rule's anchor search asks its <see cref="FileText"/> for: the words of every rule are found
        /// together, in one search per file (<see cref="NeedleIndex"/>). Only the cost depends on it; an undeclared word is
        /// searched for on its own.
        /// </summary>
        public void Words(params string[] anchors) => words.AddRange(anchors);

        /// <summary>
        /// Declares names a rule searches every file for, known only once the compilation has been read
        /// (<see cref="DeclaredValues"/>): the names of every rule are found together, in one search per file.
        /// </summary>
        public void Names(Func<IReadOnlyList<string>> names) => nameSources.Add(names);

        /// <summary>
        /// The text of <paramref name="tree"/> for the anchor searches: the one opened for the file ahead of its own turn
        /// (<see cref="Keep"/>), with what was found in it then, or a new one.
        /// </summary>
        public FileText Open(SyntaxTree tree, CancellationToken cancellationToken) =>
            opened.Take(tree) ?? new FileText(tree, SourceAnchors.Text(tree, cancellationToken), wordIndex.Value, names);

        /// <summary>Keeps the text of a file opened ahead of its own turn (a compilation-wide search), for <see cref="Open"/>.</summary>
        public void Keep(FileText file) => opened.Set(file.Tree, file);

        /// <summary>Adds a rule's values to the compilation-wide search (<see cref="CollectDeclaredNames"/>).</summary>
        public void Declare(DeclaredValues values) => declared.Add(values);

        /// <summary>
        /// Runs the compilation-wide search of every rule's <see cref="DeclaredValues"/>, once: each file is opened once for
        /// all the rules, and its words' hits are kept for its own action (<see cref="Keep"/>). Every thread that asks
        /// before the search is over takes part in it: it takes the next file no one has taken until none is left, then
        /// waits only for the files other threads are still on. So the host's threads that need the names do the search
        /// together instead of waiting for the first one to do it alone (the host counts a wait as the analyzer's time).
        /// </summary>
        /// <remarks>Its loop runs once per compilation, so tiered compilation would never promote it.</remarks>
        [MethodImpl(Jit.Optimize)]
        public void CollectDeclaredNames()
        {
            if (declaredDone.IsSet)
            {
                return;
            }

            var trees = Files.Trees;
            if (trees.Count == 0)
            {
                declaredDone.Set();
                return;
            }

            for (var next = Interlocked.Increment(ref declaredTaken); next < trees.Count; next = Interlocked.Increment(ref declaredTaken))
            {
                try
                {
                    FileText? file = null;
                    foreach (var values in declared)
                    {
                        values.Collect(trees[next], ref file);
                    }

                    if (file is not null)
                    {
                        Keep(file);
                    }
                }
                finally
                {
                    if (Interlocked.Increment(ref declaredFinished) == trees.Count)
                    {
                        declaredDone.Set();
                    }
                }
            }

            declaredDone.Wait();
        }

        private NeedleIndex? MakeNameIndex()
        {
            var all = new List<string>();
            foreach (var source in nameSources)
            {
                all.AddRange(source());
            }

            return all.Count == 0 ? null : new NeedleIndex(all);
        }

        /// <summary>
        /// Replays the members around the positions <paramref name="findAnchors"/> adds for each file (it asks the file's
        /// <see cref="FileText"/>; declare the words it asks for with <see cref="Words"/>) through the handlers
        /// <paramref name="setup"/> makes on the first hit (see
        /// <see cref="Add(Func{ReplaySetup?}, string[])"/>), then calls the setup's tree-end action for files that were
        /// replayed. An anchor in a field or property initializer replays the whole file (its uses may be anywhere),
        /// unless <paramref name="membersOnly"/> is set: then only that field or property is replayed, and the rule follows
        /// it to the members that use it itself, from the tree-end action (<see cref="ReplayRun.Replay"/>,
        /// <see cref="SourceAnchors.MembersMentioning"/>). With <paramref name="skipGeneratedCode"/>, generated files are
        /// not searched and diagnostics in <c>[GeneratedCode]</c> members are dropped (<see cref="GeneratedCodeFilter"/>).
        /// <paramref name="gate"/>, when given, holds declared words (<see cref="Words"/>) of which a file must contain
        /// one for <paramref name="findAnchors"/> to find anything there: files without any are passed over without
        /// asking it. <paramref name="followedNames"/>, when given, names the fields and properties every mention of which
        /// <paramref name="findAnchors"/> finds: an anchor in their initializer replays only them, not the whole file
        /// (<see cref="SourceAnchors.EnclosingScopes"/>).
        /// </summary>
        public void Add(
            Func<ReplaySetup?> setup,
            Action<FileText, List<int>> findAnchors,
            bool membersOnly = false,
            bool skipGeneratedCode = false,
            string[]? gate = null,
            Func<ICollection<string>>? followedNames = null)
        {
            if (skipGeneratedCode && generatedCode is null)
            {
                // The attribute's name is not a declared word: it is searched for on its own, only in the few files where
                // such a rule has an anchor, instead of costing every file a pair in the shared search.
                generatedCode = GeneratedCodeFilter.Create(Types);
            }

            registrations.Add(new Registration(
                new Lazy<ReplaySetup?>(setup, LazyThreadSafetyMode.ExecutionAndPublication),
                findAnchors,
                membersOnly,
                skipGeneratedCode,
                gate is null ? null : new Lazy<int[]?>(() => wordIndex.Value.IdsOf(gate), LazyThreadSafetyMode.ExecutionAndPublication),
                followedNames));
        }

        [MethodImpl(Jit.Optimize)]
        private void AnalyzeFile(SemanticModelAnalysisContext context)
        {
            var tree = context.SemanticModel.SyntaxTree;
            var file = Open(tree, context.CancellationToken);
            SyntaxNode? root = null;
            List<int>? positions = null;
            var generatedMembers = default(GeneratedCodeFilter?);
            var generatedMembersKnown = false;
            foreach (var registration in registrations)
            {
                IReadOnlyList<SyntaxNode> scopes;
                if (scope == ReplayScope.Everything)
                {
                    if (registration.SkipGeneratedCode && context.IsGeneratedCode)
                    {
                        continue;
                    }

                    scopes = new[] { root ??= tree.GetRoot(context.CancellationToken) };
                }
                else
                {
                    if (registration.Gate?.Value is { } gate && !file.FoundAny(gate))
                    {
                        continue;
                    }

                    positions ??= new List<int>();
                    positions.Clear();
                    registration.FindAnchors(file, positions);
                    if (positions.Count == 0 || (registration.SkipGeneratedCode && context.IsGeneratedCode))
                    {
                        continue;
                    }

                    positions.Sort();
                    scopes = SourceAnchors.EnclosingScopes(root ??= tree.GetRoot(context.CancellationToken), positions, registration.MembersOnly, registration.FollowedNames?.Invoke());
                }

                if (registration.Setup.Value is not { } setup)
                {
                    continue;
                }

                if (registration.SkipGeneratedCode && !generatedMembersKnown)
                {
                    generatedMembers = generatedCode is not null && generatedCode.MayMarkMembers(file) ? generatedCode : null;
                    generatedMembersKnown = true;
                }

                var run = new ReplayRun(
                    setup.Replay,
                    context.SemanticModel,
                    context.ReportDiagnostic,
                    context.CancellationToken,
                    registration.SkipGeneratedCode ? generatedMembers : null);
                run.Replay(scopes);
                setup.TreeEnd?.Invoke(run);
            }
        }

        private sealed class Registration
        {
            public Registration(
                Lazy<ReplaySetup?> setup,
                Action<FileText, List<int>> findAnchors,
                bool membersOnly,
                bool skipGeneratedCode,
                Lazy<int[]?>? gate,
                Func<ICollection<string>>? followedNames)
            {
                FollowedNames = followedNames;
                Setup = setup;
                FindAnchors = findAnchors;
                MembersOnly = membersOnly;
                SkipGeneratedCode = skipGeneratedCode;
                Gate = gate;
            }

            public Lazy<ReplaySetup?> Setup { get; }

            public Action<FileText, List<int>> FindAnchors { get; }

            public bool MembersOnly { get; }

            public bool SkipGeneratedCode { get; }

            /// <summary>The ids of the gate's words in the word index (null: no gate, or a word the index does not hold).</summary>
            public Lazy<int[]?>? Gate { get; }

            /// <summary>The fields and properties whose every mention the anchors hold (see <see cref="Add(Func{ReplaySetup?}, Action{FileText, List{int}}, bool, bool, string[], Func{ICollection{string}})"/>).</summary>
            public Func<ICollection<string>>? FollowedNames { get; }
        }
    }

    /// <summary>A rule's handlers for a compilation, and what it does when a file is done.</summary>
    internal sealed class ReplaySetup
    {
        public ReplaySetup(OperationReplay replay, Action<ReplayRun>? treeEnd = null)
        {
            Replay = replay;
            TreeEnd = treeEnd;
        }

        public OperationReplay Replay { get; }

        public Action<ReplayRun>? TreeEnd { get; }
    }
}
