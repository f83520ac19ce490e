using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Infrastructure.Replay;
using Resurs.Analyzers.Rules.Callbacks;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>
    /// RES4001 (a whole cloud range, or /0, in an allowlist) and RES4002 (an allowlist with some of Resurs's callback IPs
    /// but not all). Address literals are followed to the list they land in (<see cref="AddressFlow"/>); the list's
    /// purpose comes from the names around it, or from how it is used. Lists are judged per file, once the whole file has
    /// been replayed, because a field's initializer, the Add calls that fill it and the checks that read it live in
    /// different members; findings stay local to the file, so the IDE shows them and offers the fix.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed partial class AllowlistAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES4001, Descriptors.RES4002);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        // A list entry is an address literal or an IPAddress (Parse, Any, inside an IPNetwork). The members that hold one
        // are replayed first; a list's initializer, the Add calls that fill it and the checks that read it may sit in
        // other members, which are found from the fields and properties the entries reached (FollowLists). Lists are
        // judged when the file is done.
        void ICodeRule.Start(CodePass pass) =>
            pass.Add(() => Setup(pass), (file, positions) => AddressAnchors.FindAll(file.Text, positions), membersOnly: true, skipGeneratedCode: true);

        private static ReplaySetup Setup(CodePass pass)
        {
            var analysis = new CompilationAnalysis(NetworkTypes.Create(pass.Types), pass.Policy);
            var replay = new OperationReplay().On(
                c => analysis.Analyze(c.Operation, Flow(c.Root, analysis), State(c.Root.Replay)),
                OperationKind.Literal,
                OperationKind.FieldReference,
                OperationKind.LocalReference,
                OperationKind.PropertyReference,
                OperationKind.VariableDeclarator,
                OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer,
                OperationKind.SimpleAssignment);

            return new ReplaySetup(replay, run =>
            {
                FollowLists(run);
                analysis.Report(run, State(run));
            });
        }

        /// <summary>
        /// Replays the members of the file that use a field or property the replayed code declared or filled (a list's
        /// Add calls, the checks that read it, a const address a list is built from), until no new one turns up. Locals
        /// and returned lists stay inside the member that was replayed; what reaches another file is out of sight.
        /// </summary>
        private static void FollowLists(ReplayRun run)
        {
            var root = run.SemanticModel.SyntaxTree.GetRoot(run.CancellationToken);
            var followed = new HashSet<string>(StringComparer.Ordinal);
            var names = new HashSet<string>(StringComparer.Ordinal);
            var state = State(run);
            while (true)
            {
                names.Clear();
                foreach (var container in state.Containers.Values)
                {
                    AddMemberName(container.Symbol, names);
                }

                foreach (var symbol in state.Uses.Keys)
                {
                    AddMemberName(symbol, names);
                }

                foreach (var symbol in state.Declared)
                {
                    AddMemberName(symbol, names);
                }

                names.ExceptWith(followed);
                if (names.Count == 0)
                {
                    return;
                }

                followed.UnionWith(names);
                run.Replay(SourceAnchors.MembersMentioning(root, names, run.CancellationToken));
            }
        }

        private static void AddMemberName(ISymbol? symbol, HashSet<string> names)
        {
            if (symbol is IFieldSymbol or IPropertySymbol)
            {
                names.Add(symbol.Name);
            }
        }

        private static TypeState State(ReplayRun run) => run.State(() => new TypeState());

        private static AddressFlow Flow(OperationRoot root, CompilationAnalysis analysis) =>
            root.State(() => new AddressFlow(analysis.Types, analysis.Names, root.Owner));
    }
}
