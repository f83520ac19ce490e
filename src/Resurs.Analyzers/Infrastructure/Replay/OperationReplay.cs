using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// What a rule's handler sees for one operation: the operation, where it belongs and how to report. It mirrors the
    /// parts of Roslyn's <c>OperationAnalysisContext</c> the rules use.
    /// </summary>
    internal readonly struct OperationContext
    {
        private readonly OperationRoot root;

        public OperationContext(IOperation operation, OperationRoot root)
        {
            Operation = operation;
            this.root = root;
        }

        public IOperation Operation { get; }

        /// <summary>The executable code the operation belongs to (a body, an initializer).</summary>
        public OperationRoot Root => root;

        public CancellationToken CancellationToken => root.Replay.CancellationToken;

        public void ReportDiagnostic(Diagnostic diagnostic) => root.Replay.Report(diagnostic);
    }

    /// <summary>One piece of executable code (a body or an initializer) as an operation tree, with a slot for rule state.</summary>
    internal sealed class OperationRoot
    {
        private readonly SyntaxNode declaration;
        private ISymbol? owner;
        private bool ownerKnown;

        public OperationRoot(ReplayRun replay, IOperation operation, SyntaxNode declaration)
        {
            Replay = replay;
            Operation = operation;
            this.declaration = declaration;
        }

        public ReplayRun Replay { get; }

        public IOperation Operation { get; }

        private object? state;

        /// <summary>
        /// The state a rule keeps per body (what Roslyn's operation-block-start actions would hold), made by
        /// <paramref name="create"/> on first use. One registration replays a body, so one type of state lives here.
        /// </summary>
        public T State<T>(Func<T> create)
            where T : class => state as T ?? (T)(state = create());

        /// <summary>The declared member this code belongs to, looked up on first use.</summary>
        public ISymbol? Owner
        {
            get
            {
                if (!ownerKnown)
                {
                    owner = declaration is CompilationUnitSyntax
                        ? Replay.SemanticModel.GetEnclosingSymbol(Operation.Syntax.SpanStart, Replay.CancellationToken)
                        : Replay.SemanticModel.GetDeclaredSymbol(declaration, Replay.CancellationToken);
                    ownerKnown = true;
                }

                return owner;
            }
        }
    }

    /// <summary>One replay over one syntax tree: its semantic model, cancellation and where diagnostics go.</summary>
    internal sealed class ReplayRun
    {
        private readonly Action<Diagnostic> report;
        private readonly GeneratedCodeFilter? generatedMembers;
        private readonly OperationReplay replay;
        private readonly HashSet<SyntaxNode> replayed = new HashSet<SyntaxNode>();

        /// <param name="replay">The handlers this run replays code through.</param>
        /// <param name="generatedMembers">When set, diagnostics inside <c>[GeneratedCode]</c> types and members are dropped.</param>
        public ReplayRun(OperationReplay replay, SemanticModel semanticModel, Action<Diagnostic> report, CancellationToken cancellationToken, GeneratedCodeFilter? generatedMembers = null)
        {
            this.replay = replay;
            SemanticModel = semanticModel;
            this.report = report;
            CancellationToken = cancellationToken;
            this.generatedMembers = generatedMembers;
        }

        public SemanticModel SemanticModel { get; }

        public CancellationToken CancellationToken { get; }

        private object? state;

        /// <summary>
        /// The state a rule keeps per file (findings to order, lists to judge when the file is done), made by
        /// <paramref name="create"/> on first use. A run belongs to one registration, so one type of state lives here.
        /// </summary>
        public T State<T>(Func<T> create)
            where T : class => state as T ?? (T)(state = create());

        /// <summary>
        /// Replays <paramref name="scopes"/> (member nodes or the whole tree) through the run's handlers, skipping code
        /// this run has replayed already; a rule whose state spans members calls it again for the members its first
        /// findings lead to.
        /// </summary>
        public void Replay(IReadOnlyList<SyntaxNode> scopes) => replay.Run(this, scopes);

        /// <summary>
        /// True the first time <paramref name="executable"/> (a body or an initializer) is replayed in this run, so a
        /// member replayed on its own and again inside a whole-tree replay is walked once.
        /// </summary>
        internal bool StartCode(SyntaxNode executable) => replayed.Add(executable);

        public void Report(Diagnostic diagnostic)
        {
            if (generatedMembers is null || !generatedMembers.IsInGeneratedMember(SemanticModel, diagnostic.Location, CancellationToken))
            {
                report(diagnostic);
            }
        }
    }

    /// <summary>
    /// Runs a rule's operation handlers over chosen code only. Roslyn's operation actions call every subscriber for every
    /// operation of a kind in the whole compilation, which costs more than the rules' own work; the rules here first
    /// find the few members their anchors appear in (<see cref="SourceAnchors"/>) and replay just those, walking the
    /// operation trees themselves, iteratively (no recursion, whatever the nesting), in source order.
    /// </summary>
    internal sealed class OperationReplay
    {
        /// <summary>Handlers by operation kind (the kind's value is the index): one array read per walked operation.</summary>
        private Action<OperationContext>[]?[] handlers = new Action<OperationContext>[]?[128];
        private Action<OperationRoot>? rootEnd;

        /// <summary>Calls <paramref name="handler"/> for every replayed operation of the given kinds.</summary>
        public OperationReplay On(Action<OperationContext> handler, params OperationKind[] kinds)
        {
            foreach (var kind in kinds)
            {
                var index = (int)kind;
                if (index >= handlers.Length)
                {
                    Array.Resize(ref handlers, index + 1);
                }

                var list = handlers[index];
                if (list is null)
                {
                    handlers[index] = new[] { handler };
                }
                else
                {
                    Array.Resize(ref list, list.Length + 1);
                    list[list.Length - 1] = handler;
                    handlers[index] = list;
                }
            }

            return this;
        }

        /// <summary>Calls <paramref name="handler"/> after each body or initializer has been walked.</summary>
        public OperationReplay OnRootEnd(Action<OperationRoot> handler)
        {
            rootEnd = handler;
            return this;
        }

        /// <summary>Replays every body and initializer inside each of <paramref name="scopes"/> (member nodes or a whole tree).</summary>
        public void Run(ReplayRun run, IReadOnlyList<SyntaxNode> scopes)
        {
            var declarations = new List<SyntaxNode>();
            foreach (var scope in scopes)
            {
                CollectExecutableCode(scope, declarations);
            }

            var stack = new Stack<IOperation>();
            foreach (var declaration in declarations)
            {
                run.CancellationToken.ThrowIfCancellationRequested();
                if (!run.StartCode(declaration))
                {
                    continue;
                }

                var operation = run.SemanticModel.GetOperation(declaration, run.CancellationToken);
                if (operation is null)
                {
                    continue;
                }

                var root = new OperationRoot(run, operation, DeclarationOf(declaration));
                Walk(root, stack);
                rootEnd?.Invoke(root);
            }
        }

        private void Walk(OperationRoot root, Stack<IOperation> stack)
        {
            var table = handlers;
            stack.Push(root.Operation);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                var kind = (int)operation.Kind;
                if (kind < table.Length && table[kind] is { } list)
                {
                    var context = new OperationContext(operation, root);
                    foreach (var handler in list)
                    {
                        handler(context);
                    }
                }

                // Children pushed last-first, so they are visited in source order.
                foreach (var child in operation.ChildOperations.Reverse())
                {
                    stack.Push(child);
                }
            }
        }

        /// <summary>
        /// The syntax nodes Roslyn builds operation trees for, inside <paramref name="scope"/>: method-like bodies (with
        /// constructor initializers), accessors, expression-bodied properties, field, property and enum-member
        /// initializers, the parameter defaults of a type's parameter list, and top-level statements. Bodies are not entered, so finding them costs nothing per statement.
        /// </summary>
        private static void CollectExecutableCode(SyntaxNode scope, List<SyntaxNode> found)
        {
            var pending = new Stack<SyntaxNode>();
            pending.Push(scope);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                switch (node)
                {
                    case CompilationUnitSyntax unit:
                        foreach (var member in unit.Members)
                        {
                            if (member is GlobalStatementSyntax)
                            {
                                found.Add(unit);
                                break;
                            }
                        }

                        PushReversed(pending, unit.Members);
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        PushReversed(pending, ns.Members);
                        break;
                    case TypeDeclarationSyntax type:
                        // A positional record's (or primary constructor's) parameter defaults: the values of the
                        // properties it declares when a caller leaves them out.
                        foreach (var parameter in type.ParameterList?.Parameters ?? default)
                        {
                            if (parameter.Default is { } defaultValue)
                            {
                                found.Add(defaultValue);
                            }
                        }

                        PushReversed(pending, type.Members);
                        break;
                    case EnumDeclarationSyntax enumeration:
                        foreach (var member in enumeration.Members)
                        {
                            if (member.EqualsValue is { } value)
                            {
                                found.Add(value);
                            }
                        }

                        break;
                    case EnumMemberDeclarationSyntax { EqualsValue: { } enumValue }:
                        found.Add(enumValue);
                        break;
                    case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null
                        || method is ConstructorDeclarationSyntax { Initializer: not null }:
                        found.Add(method);
                        break;
                    case BasePropertyDeclarationSyntax property:
                        if (property is PropertyDeclarationSyntax { ExpressionBody: { } propertyArrow })
                        {
                            found.Add(propertyArrow);
                        }
                        else if (property is IndexerDeclarationSyntax { ExpressionBody: { } indexerArrow })
                        {
                            found.Add(indexerArrow);
                        }

                        foreach (var accessor in property.AccessorList?.Accessors ?? default)
                        {
                            if (accessor.Body is not null || accessor.ExpressionBody is not null)
                            {
                                found.Add(accessor);
                            }
                        }

                        if (property is PropertyDeclarationSyntax { Initializer: { } propertyValue })
                        {
                            found.Add(propertyValue);
                        }

                        break;
                    case AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null:
                        found.Add(accessor);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Initializer is { } fieldValue)
                            {
                                found.Add(fieldValue);
                            }
                        }

                        break;
                }
            }
        }

        private static void PushReversed<T>(Stack<SyntaxNode> pending, SyntaxList<T> members)
            where T : SyntaxNode
        {
            for (var i = members.Count - 1; i >= 0; i--)
            {
                pending.Push(members[i]);
            }
        }

        /// <summary>The node whose declared symbol owns the code at <paramref name="executable"/>.</summary>
        private static SyntaxNode DeclarationOf(SyntaxNode executable) => executable switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable } => variable,
            EqualsValueClauseSyntax { Parent: { } member } => member,
            ArrowExpressionClauseSyntax { Parent: { } member } => member,
            _ => executable,
        };
    }
}
