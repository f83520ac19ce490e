using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Infrastructure.Replay;
using Resurs.Analyzers.Options;
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
    public sealed class AllowlistAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        /// <summary>Diagnostic property keys read by the code fix.</summary>
        public const string ModeProperty = "Mode";
        public const string ValuesProperty = "Values";
        public const string PrefixProperty = "Prefix";
        public const string SeparatorProperty = "Separator";
        public const string TitleProperty = "Title";

        /// <summary>"start,length" of the element to copy, of the address literal inside it, and of the prefix-length literal.</summary>
        public const string TemplateSpanProperty = "TemplateSpan";
        public const string LiteralSpanProperty = "LiteralSpan";
        public const string PrefixSpanProperty = "PrefixSpan";

        /// <summary>Replace the element with one copy per value (none: remove it).</summary>
        public const string ReplaceMode = "Replace";

        /// <summary>Insert one copy of the element per value after it.</summary>
        public const string InsertAfterMode = "InsertAfter";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES4001, Descriptors.RES4002);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        void ICodeRule.Start(CodePass pass)
        {
            var analysis = new CompilationAnalysis(NetworkTypes.Create(pass.Types), AnalysisPolicy.Create(pass.Compilation, pass.Options));
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

            // A list entry is an address literal or an IPAddress (Parse, Any, inside an IPNetwork). The members that
            // hold one are replayed first; a list's initializer, the Add calls that fill it and the checks that read
            // it may sit in other members, which are found from the fields and properties the entries reached
            // (FollowLists). Lists are judged when the file is done.
            pass.Add(
                replay,
                (_, text, positions) => AddressAnchors.FindAll(text, positions),
                run =>
                {
                    FollowLists(run);
                    analysis.Report(run, State(run));
                },
                membersOnly: true,
                skipGeneratedCode: true);
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
                run.Replay(SourceAnchors.MembersMentioning(root, names));
            }
        }

        private static void AddMemberName(ISymbol? symbol, HashSet<string> names)
        {
            if (symbol is IFieldSymbol or IPropertySymbol)
            {
                names.Add(symbol.Name);
            }
        }

        private static TypeState State(ReplayRun run) => run.State as TypeState ?? (TypeState)(run.State = new TypeState());

        private static AddressFlow Flow(OperationRoot root, CompilationAnalysis analysis) =>
            root.State as AddressFlow ?? (AddressFlow)(root.State = new AddressFlow(analysis.Types, analysis.Names, root.Owner));

        /// <summary>One address or network in a list, and where it is written.</summary>
        private sealed class Entry
        {
            public Entry(Cidr cidr, string display, LeafShape shape, bool hasPrefix, SyntaxNode reportNode)
            {
                Cidr = cidr;
                Display = display;
                Shape = shape;
                HasPrefix = hasPrefix;
                ReportNode = reportNode;
            }

            public Cidr Cidr { get; }

            /// <summary>As written: "51.21.0.0/16".</summary>
            public string Display { get; }

            public LeafShape Shape { get; }

            /// <summary>Written with "/n" (or a network type): new entries copy the form.</summary>
            public bool HasPrefix { get; }

            /// <summary>The literal, or the <c>new IPNetwork(...)</c> creation.</summary>
            public SyntaxNode ReportNode { get; }

            /// <summary>The whole string literal (regular or verbatim) that holds the address, when there is one.</summary>
            public SyntaxNode? Literal { get; set; }

            /// <summary>For one of several addresses inside a literal: the address's span in the source.</summary>
            public TextSpan? ItemSpan { get; set; }

            public string? ListSeparator { get; set; }

            public SyntaxNode? ElementSyntax { get; set; }

            /// <summary>For <c>new IPNetwork(IPAddress.Parse("a"), n)</c>: the creation.</summary>
            public SyntaxNode? NetworkCreation { get; set; }

            /// <summary>The prefix-length literal of <see cref="NetworkCreation"/>.</summary>
            public SyntaxNode? PrefixNode { get; set; }

            public TextSpan ReportSpan => ItemSpan ?? ReportNode.Span;

            public SyntaxTree Tree => ReportNode.SyntaxTree;

            public int Position => ElementSyntax is { } element && element.SyntaxTree == Tree ? element.SpanStart : ReportSpan.Start;
        }

        /// <summary>Everything known about one list (or single destination) in one type.</summary>
        private sealed class Container
        {
            public Container(ISymbol? symbol)
            {
                Symbol = symbol;
            }

            public ISymbol? Symbol { get; }

            public HashSet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal);

            public List<Entry> Entries { get; } = new List<Entry>();

            public HashSet<(SyntaxTree, TextSpan)> Seen { get; } = new HashSet<(SyntaxTree, TextSpan)>();

            public bool Forwarded { get; set; }

            public bool FeedsCheck { get; set; }

            public bool IsCollection { get; set; }

            public bool HasAdd { get; set; }

            public SyntaxNode? CollectionNode { get; set; }

            public SyntaxNode? FirstAddNode { get; set; }

            public SyntaxNode? CreationNode { get; set; }

            public string? SplitSeparator { get; set; }
        }

        /// <summary>What one file's replay has learnt about its lists (one thread replays a file, so no locks).</summary>
        private sealed class TypeState
        {
            public Dictionary<object, Container> Containers { get; } = new Dictionary<object, Container>();

            public Dictionary<ISymbol, (bool Allow, bool Deny, bool Check)> Uses { get; } =
                new Dictionary<ISymbol, (bool, bool, bool)>(SymbolEqualityComparer.Default);

            public Dictionary<ISymbol, SyntaxNode> Creations { get; } = new Dictionary<ISymbol, SyntaxNode>(SymbolEqualityComparer.Default);

            /// <summary>Fields and properties whose initializers were replayed: their uses elsewhere are followed.</summary>
            public HashSet<ISymbol> Declared { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        }

        private sealed class CompilationAnalysis
        {
            private readonly NetworkTypes types;
            private readonly NetworkNames names = new NetworkNames();
            private readonly AnalysisPolicy policy;

            public NetworkTypes Types => types;

            public NetworkNames Names => names;
            private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span, string Id), byte> reported =
                new ConcurrentDictionary<(SyntaxTree, TextSpan, string), byte>();

            public CompilationAnalysis(NetworkTypes types, AnalysisPolicy policy)
            {
                this.types = types;
                this.policy = policy;
            }

            public void Analyze(IOperation operation, AddressFlow flow, TypeState state)
            {
                switch (operation)
                {
                    case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } literal when AddressList.LooksLikeAddresses(text):
                        Leaf(flow, state, literal, () => (text, literal.Syntax));
                        break;
                    case IFieldReferenceOperation { Field.Name: "Any" or "IPv6Any" } any when types.IsIPAddress(any.Field.ContainingType):
                        AddressField(flow, state, any);
                        break;
                    case ILocalReferenceOperation or IFieldReferenceOperation when operation.Type?.SpecialType == SpecialType.System_String && !IsWrite(operation):
                        if (MayHoldAddress(operation))
                        {
                            Leaf(flow, state, operation, () => Trace(operation));
                        }

                        break;
                    case ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation when !IsWrite(operation) && types.IsAddressCollectionOrNetwork(operation.Type):
                        RecordUse(flow, state, operation);
                        break;
                    case IVariableDeclaratorOperation declarator when declarator.Initializer is { } initializer:
                        RecordCreation(state, declarator.Symbol, initializer.Value);
                        break;
                    case IFieldInitializerOperation { InitializedFields.Length: 1 } fieldInitializer:
                        state.Declared.Add(fieldInitializer.InitializedFields[0]);
                        RecordCreation(state, fieldInitializer.InitializedFields[0], fieldInitializer.Value);
                        break;
                    case IPropertyInitializerOperation { InitializedProperties.Length: 1 } propertyInitializer:
                        state.Declared.Add(propertyInitializer.InitializedProperties[0]);
                        RecordCreation(state, propertyInitializer.InitializedProperties[0], propertyInitializer.Value);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                        RecordCreation(state, local.Local, assignment.Value);
                        break;
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } member } assignment:
                        RecordCreation(state, member.Member, assignment.Value);
                        break;
                }
            }

            public void Report(ReplayRun context, TypeState state)
            {
                var containers = state.Containers.Values;

                foreach (var container in containers)
                {
                    if (container.Entries.Count == 0)
                    {
                        continue;
                    }

                    container.Entries.Sort((a, b) =>
                    {
                        var byTree = string.CompareOrdinal(a.Tree.FilePath, b.Tree.FilePath);
                        if (byTree != 0)
                        {
                            return byTree;
                        }

                        var byPosition = a.Position.CompareTo(b.Position);
                        return byPosition != 0 ? byPosition : a.ReportSpan.Start.CompareTo(b.ReportSpan.Start);
                    });
                    var purpose = Purpose(container, state);
                    ReportCloudRanges(context, container, purpose);
                    ReportIncompleteList(context, container, purpose, state);
                }
            }

            private void Leaf(AddressFlow flow, TypeState state, IOperation leaf, Func<(string Text, SyntaxNode Node)?> resolve)
            {
                var landing = flow.Follow(leaf, LeafShape.Text, out var shape, out var prefix, out var networkCreation);
                if (landing is null || !MayMatter(landing))
                {
                    return;
                }

                if (resolve() is not { } value || !AddressList.TryParse(value.Text, out var items, out var separator))
                {
                    return;
                }

                var entries = new List<Entry>();
                if (shape == LeafShape.Text)
                {
                    foreach (var item in items)
                    {
                        var display = value.Text.Substring(item.Start, item.Length);
                        var entry = new Entry(item.Cidr, display, shape, item.HasPrefix, value.Node);
                        if (items.Length > 1 || landing.SplitSeparator is not null)
                        {
                            // One address of a list literal: reported, and fixed, inside the literal.
                            entry.ListSeparator = separator.Length > 0 ? separator : landing.SplitSeparator;
                            entry.ItemSpan = ItemSpan(value.Node, value.Text, item);
                        }

                        entries.Add(entry);
                    }
                }
                else if (items.Length == 1)
                {
                    var item = items[0];
                    var cidr = item.Cidr;
                    if (networkCreation is not null)
                    {
                        // new IPNetwork(IPAddress.Parse("51.21.0.0"), 16)
                        if (item.HasPrefix || prefix is null || NetworkTypes.Unwrap(prefix).ConstantValue is not { HasValue: true, Value: int length }
                            || length < 0 || length > cidr.Network.Bits)
                        {
                            return;
                        }

                        cidr = new Cidr(cidr.Network, length);
                    }

                    var entry = new Entry(cidr, networkCreation is null ? value.Text : cidr.ToString(), shape, shape == LeafShape.Network, networkCreation ?? value.Node);
                    entry.NetworkCreation = networkCreation;
                    entry.PrefixNode = prefix is not null && NetworkTypes.Unwrap(prefix) is ILiteralOperation prefixLiteral ? prefixLiteral.Syntax : null;
                    entries.Add(entry);
                }
                else
                {
                    return;
                }

                foreach (var entry in entries)
                {
                    entry.ElementSyntax = landing.ElementSyntax;
                    entry.Literal = value.Node is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } ? value.Node : null;
                }

                Add(state, landing, entries, multiItemLiteral: shape == LeafShape.Text && items.Length > 1 ? value.Node : null);
            }

            /// <summary>IPAddress.Any in <c>new IPNetwork(IPAddress.Any, 0)</c>.</summary>
            private void AddressField(AddressFlow flow, TypeState state, IFieldReferenceOperation field)
            {
                var landing = flow.Follow(field, LeafShape.Address, out var shape, out var prefix, out var networkCreation);
                if (landing is null || !MayMatter(landing) || networkCreation is null || shape != LeafShape.Network
                    || prefix is null || NetworkTypes.Unwrap(prefix).ConstantValue is not { HasValue: true, Value: int length })
                {
                    return;
                }

                var address = field.Field.Name == "Any" ? new IPValue(0) : new IPValue(0, 0);
                if (length < 0 || length > address.Bits)
                {
                    return;
                }

                var cidr = new Cidr(address, length);
                var entry = new Entry(cidr, cidr.ToString(), shape, hasPrefix: true, networkCreation) { NetworkCreation = networkCreation, ElementSyntax = landing.ElementSyntax };
                Add(state, landing, new List<Entry> { entry }, multiItemLiteral: null);
            }

            /// <summary>A single value in a neutral place with nothing to resolve its purpose later can never be reported.</summary>
            private bool MayMatter(Landing landing) =>
                landing.IsCollection || landing.Symbol is not null || landing.Forwarded || landing.FeedsCheck
                || names.Classify(landing.Names) == ListPurpose.Allow;

            private static void Add(TypeState state, Landing landing, List<Entry> entries, SyntaxNode? multiItemLiteral)
            {
                if (!state.Containers.TryGetValue(landing.Key, out var container))
                {
                    container = new Container(landing.Symbol);
                    state.Containers.Add(landing.Key, container);
                }

                foreach (var name in landing.Names)
                {
                    container.Names.Add(name);
                }

                container.Forwarded |= landing.Forwarded;
                container.FeedsCheck |= landing.FeedsCheck;
                container.IsCollection |= landing.IsCollection || multiItemLiteral is not null;
                container.SplitSeparator ??= landing.SplitSeparator;
                container.CreationNode ??= landing.CreationNode;
                if (landing.FromAdd)
                {
                    container.HasAdd = true;
                    if (container.FirstAddNode is null || landing.CollectionNode!.SpanStart < container.FirstAddNode.SpanStart)
                    {
                        container.FirstAddNode = landing.CollectionNode;
                    }
                }
                else
                {
                    container.CollectionNode ??= landing.CollectionNode ?? multiItemLiteral;
                }

                foreach (var entry in entries)
                {
                    if (container.Seen.Add((entry.Tree, entry.ReportSpan)))
                    {
                        container.Entries.Add(entry);
                    }
                }
            }

            private void RecordUse(AddressFlow flow, TypeState state, IOperation reference)
            {
                ISymbol? symbol = reference switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IFieldReferenceOperation field => field.Field,
                    IPropertyReferenceOperation property => property.Property,
                    _ => null,
                };
                if (symbol is null)
                {
                    return;
                }

                var (purpose, isChecked) = flow.Use(reference);
                if (purpose == ListPurpose.Neutral && !isChecked)
                {
                    return;
                }

                state.Uses.TryGetValue(symbol, out var use);
                state.Uses[symbol] = (use.Allow || purpose == ListPurpose.Allow, use.Deny || purpose == ListPurpose.Deny, use.Check || isChecked);
            }

            private void RecordCreation(TypeState state, ISymbol symbol, IOperation value)
            {
                var created = NetworkTypes.Unwrap(value);
                if (!(created is IObjectCreationOperation or IArrayCreationOperation || created.Syntax is CollectionExpressionSyntax))
                {
                    return;
                }

                var type = symbol switch
                {
                    ILocalSymbol local => local.Type,
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };
                if (!types.IsAddressCollectionOrNetwork(type) || types.IsNetworkType(type))
                {
                    return;
                }

                if (!state.Creations.ContainsKey(symbol))
                {
                    state.Creations.Add(symbol, created.Syntax);
                }
            }

            private ListPurpose Purpose(Container container, TypeState state)
            {
                var purpose = names.Classify(container.Names);
                if (purpose != ListPurpose.Neutral)
                {
                    return purpose;
                }

                if (container.Symbol is not null)
                {
                    bool found;
                    (bool Allow, bool Deny, bool Check) use;
                    found = state.Uses.TryGetValue(container.Symbol, out use);

                    if (found && use.Deny)
                    {
                        return ListPurpose.Deny;
                    }

                    if (found && (use.Allow || use.Check))
                    {
                        return ListPurpose.Allow;
                    }
                }

                return container.FeedsCheck ? ListPurpose.Allow : ListPurpose.Neutral;
            }

            private void ReportCloudRanges(ReplayRun context, Container container, ListPurpose purpose)
            {
                if (purpose == ListPurpose.Deny)
                {
                    return;
                }

                var tree = container.Entries[0].Tree;
                var callbackIps = policy.Read(ResursOptions.CallbackIps, RuleIds.CloudRangeAllowlisted, tree);
                var resursContent = container.Entries.Any(e => e.Cidr.IsSingleAddress && callbackIps.Contains(e.Cidr.Network));
                if (!(container.Forwarded || purpose == ListPurpose.Allow || resursContent))
                {
                    return;
                }

                var cloudIps = ResursNetworks.CloudIps(callbackIps);
                var present = new HashSet<IPValue>(container.Entries.Where(e => e.Cidr.IsSingleAddress).Select(e => e.Cidr.Network));
                var claimed = new HashSet<IPValue>();
                foreach (var entry in container.Entries)
                {
                    var cloud = cloudIps.Where(ip => entry.Cidr.Contains(ip)).ToList();
                    if (entry.Cidr.IsSingleAddress || (entry.Cidr.PrefixLength != 0 && cloud.Count == 0))
                    {
                        continue;
                    }

                    var values = callbackIps.Where(ip => entry.Cidr.Contains(ip) && !present.Contains(ip) && !claimed.Contains(ip)).ToList();
                    foreach (var ip in values)
                    {
                        claimed.Add(ip);
                    }

                    var admits = entry.Cidr.PrefixLength == 0
                        ? entry.Cidr.DescribeSize()
                        : entry.Cidr.DescribeSize() + " that include the cloud callback " + (cloud.Count == 1 ? "IP " : "IPs ") + ResursNetworks.JoinAnd(cloud.Select(ip => ip.ToString()).ToList());
                    var properties = container.Forwarded ? null : CloudRangeFix(container, entry, values);
                    Report(context, Descriptors.RES4001, entry.Tree, entry.ReportSpan, properties, entry.Display, admits);
                }
            }

            private void ReportIncompleteList(ReplayRun context, Container container, ListPurpose purpose, TypeState state)
            {
                if (!container.IsCollection || container.Forwarded || purpose == ListPurpose.Deny)
                {
                    return;
                }

                var creation = container.CreationNode;
                if (creation is null && container.Symbol is not null)
                {
                    state.Creations.TryGetValue(container.Symbol, out creation);
                }

                var node = container.HasAdd && creation is not null ? creation : container.CollectionNode ?? container.FirstAddNode;
                if (node is null)
                {
                    return;
                }

                var callbackIps = policy.Read(ResursOptions.CallbackIps, RuleIds.IncompleteCallbackAllowlist, node.SyntaxTree);
                var cloudIps = ResursNetworks.CloudIps(callbackIps);
                var legitimate = 0;
                var missing = new List<IPValue>();
                foreach (var ip in callbackIps)
                {
                    var coveredExactly = container.Entries.Any(e => e.Cidr.Contains(ip) && !IsWide(e.Cidr, cloudIps));
                    if (coveredExactly)
                    {
                        legitimate++;
                    }
                    else if (!container.Entries.Any(e => e.Cidr.Contains(ip)))
                    {
                        missing.Add(ip);
                    }
                }

                if (legitimate < 2 || missing.Count == 0)
                {
                    return;
                }

                var missingText = ResursNetworks.JoinAnd(missing.Select(ip => ip.ToString()).ToList());
                var properties = MissingIpsFix(container, node.SyntaxTree, callbackIps, missing);
                Report(
                    context,
                    Descriptors.RES4002,
                    node.SyntaxTree,
                    node.Span,
                    properties,
                    (callbackIps.Length - missing.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    callbackIps.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    missingText);
            }

            private static bool IsWide(Cidr cidr, ImmutableArray<IPValue> cloudIps) =>
                cidr.PrefixLength == 0 || (!cidr.IsSingleAddress && cloudIps.Any(ip => cidr.Contains(ip)));

            /// <summary>RES4001: replace the range with the callback IPs it holds that the list does not already have.</summary>
            private static ImmutableDictionary<string, string?>? CloudRangeFix(Container container, Entry entry, List<IPValue> values)
            {
                var bare = entry.Shape == LeafShape.Text && container.Entries.Any(e => e.Shape == LeafShape.Text && e.Cidr.IsSingleAddress && !e.HasPrefix);
                var isCreation = entry.NetworkCreation is not null;
                var texts = values.Select(ip => AddressList.Format(ip, withPrefix: !isCreation && !bare)).ToList();
                string? prefix = null;
                if (isCreation)
                {
                    if (entry.PrefixNode is null || values.Select(v => v.IsV6).Distinct().Count() > 1)
                    {
                        return null;
                    }

                    prefix = values.Count > 0 && values[0].IsV6 ? "128" : "32";
                }

                var title = values.Count == 0
                    ? "Remove " + entry.Display + "; its callback IPs are already listed"
                    : "Allow only " + ResursNetworks.JoinAnd(values.Select(v => v.ToString()).ToList());
                if (entry.ItemSpan is { } itemSpan)
                {
                    return Fix(ReplaceMode, texts, prefix, entry.ListSeparator ?? container.SplitSeparator ?? ", ", title, itemSpan, itemSpan, null);
                }

                if (entry.Literal is null || entry.Literal.SyntaxTree != entry.Tree)
                {
                    return null;
                }

                if (container.IsCollection && entry.ElementSyntax is { } element && element.SyntaxTree == entry.Tree
                    && element.Span.Contains(entry.Literal.Span) && (entry.PrefixNode is null || element.Span.Contains(entry.PrefixNode.Span)))
                {
                    return Fix(ReplaceMode, texts, prefix, null, title, element.Span, entry.Literal.Span, entry.PrefixNode?.Span);
                }

                if (values.Count != 1)
                {
                    return null;
                }

                var template = isCreation ? entry.NetworkCreation! : entry.Literal;
                return Fix(ReplaceMode, texts, prefix, null, title, template.Span, entry.Literal.Span, entry.PrefixNode?.Span);
            }

            /// <summary>RES4002: copy the last callback-IP element once per missing IP, right after it.</summary>
            private static ImmutableDictionary<string, string?>? MissingIpsFix(
                Container container, SyntaxTree tree, ImmutableArray<IPValue> callbackIps, List<IPValue> missing)
            {
                Entry? template = null;
                foreach (var entry in container.Entries)
                {
                    if (entry.Tree == tree && entry.Cidr.IsSingleAddress && callbackIps.Contains(entry.Cidr.Network)
                        && (entry.ItemSpan is not null
                            || (entry.Literal is { } literal && entry.ElementSyntax is { } element && element.SyntaxTree == tree && element.Span.Contains(literal.Span))))
                    {
                        template = entry;
                    }
                }

                if (template is null || (template.NetworkCreation is not null && missing.Any(ip => ip.IsV6 != template.Cidr.Network.IsV6)))
                {
                    return null;
                }

                var withPrefix = template.HasPrefix && template.NetworkCreation is null;
                var texts = missing.Select(ip => AddressList.Format(ip, withPrefix)).ToList();
                var title = "Add " + ResursNetworks.JoinAnd(missing.Select(ip => ip.ToString()).ToList());
                if (template.ItemSpan is { } itemSpan)
                {
                    return Fix(InsertAfterMode, texts, null, template.ListSeparator ?? container.SplitSeparator ?? ", ", title, itemSpan, itemSpan, null);
                }

                return Fix(InsertAfterMode, texts, null, null, title, template.ElementSyntax!.Span, template.Literal!.Span, null);
            }

            private static ImmutableDictionary<string, string?> Fix(
                string mode, List<string> values, string? prefix, string? separator, string title, TextSpan template, TextSpan literal, TextSpan? prefixSpan)
            {
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(ModeProperty, mode)
                    .Add(ValuesProperty, string.Join("|", values))
                    .Add(TitleProperty, title);
                if (prefix is not null)
                {
                    properties = properties.Add(PrefixProperty, prefix);
                }

                if (separator is not null)
                {
                    properties = properties.Add(SeparatorProperty, separator);
                }

                properties = properties.Add(TemplateSpanProperty, Format(template)).Add(LiteralSpanProperty, Format(literal));
                if (prefixSpan is { } span)
                {
                    properties = properties.Add(PrefixSpanProperty, Format(span));
                }

                return properties;
            }

            private void Report(
                ReplayRun context,
                DiagnosticDescriptor descriptor,
                SyntaxTree tree,
                TextSpan span,
                ImmutableDictionary<string, string?>? fix,
                params object[] arguments)
            {
                if (!policy.ShouldReport(descriptor.Id, tree) || !reported.TryAdd((tree, span, descriptor.Id), 0))
                {
                    return;
                }

                context.Report(Diagnostic.Create(descriptor, Location.Create(tree, span), fix ?? ImmutableDictionary<string, string?>.Empty, arguments));
            }

            private static string Format(TextSpan span) =>
                span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + span.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);

            /// <summary>The source span of one item inside a regular or verbatim literal without escapes.</summary>
            private static TextSpan? ItemSpan(SyntaxNode node, string value, AddressItem item)
            {
                if (node is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
                {
                    return null;
                }

                var text = literal.Token.Text;
                var open = text.StartsWith("@\"", StringComparison.Ordinal) ? 2 : text.StartsWith("\"", StringComparison.Ordinal) ? 1 : -1;
                if (open < 0 || text.Length != value.Length + open + 1 || string.CompareOrdinal(text, open, value, 0, value.Length) != 0)
                {
                    return null;
                }

                return new TextSpan(literal.Token.SpanStart + open + item.Start, item.Length);
            }

            /// <summary>The text of a string local or field, when it is one literal (through consts, readonly fields, locals).</summary>
            private static (string, SyntaxNode)? Trace(IOperation reference)
            {
                var value = UrlValue.From(reference);
                if (value.Fragments.Count != 1 || value.Fragments[0] is not { Text: { } text, Node: { } node } || !AddressList.LooksLikeAddresses(text))
                {
                    return null;
                }

                return (text, node);
            }

            /// <summary>
            /// Cheap test before a string local or field is followed: a constant must look like an address; otherwise the
            /// declaration must be initialised with an address-like literal, or with a name that leads to one.
            /// </summary>
            private static bool MayHoldAddress(IOperation reference)
            {
                if (reference.ConstantValue.HasValue)
                {
                    return reference.ConstantValue.Value is string text && AddressList.LooksLikeAddresses(text);
                }

                ISymbol symbol = reference is ILocalReferenceOperation local ? local.Local : ((IFieldReferenceOperation)reference).Field;
                return reference.SemanticModel is { } model && MayHoldAddress(symbol, model, 0);
            }

            private static bool MayHoldAddress(ISymbol symbol, SemanticModel model, int depth)
            {
                switch (symbol)
                {
                    case IFieldSymbol { HasConstantValue: true } constant:
                        return constant.ConstantValue is string fieldText && AddressList.LooksLikeAddresses(fieldText);
                    case ILocalSymbol { HasConstantValue: true } constant:
                        return constant.ConstantValue is string localText && AddressList.LooksLikeAddresses(localText);
                    case IFieldSymbol { IsReadOnly: false }:
                        return false;
                }

                if (symbol.DeclaringSyntaxReferences.Length != 1
                    || symbol.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var value })
                {
                    return false;
                }

                switch (value)
                {
                    case LiteralExpressionSyntax literal:
                        return AddressList.LooksLikeAddresses(literal.Token.ValueText);
                    case IdentifierNameSyntax or MemberAccessExpressionSyntax when value.SyntaxTree != model.SyntaxTree:
                        return true; // another file: the trace decides
                    case IdentifierNameSyntax or MemberAccessExpressionSyntax when depth < 3:
                        return model.GetSymbolInfo(value).Symbol is { Kind: SymbolKind.Field or SymbolKind.Local } next && MayHoldAddress(next, model, depth + 1);
                    default:
                        return false;
                }
            }

            private static bool IsWrite(IOperation reference) =>
                reference.Parent is IAssignmentOperation assignment && assignment.Target == reference
                || reference is ILocalReferenceOperation { IsDeclaration: true }
                || reference.Parent is IDeclarationExpressionOperation;
        }
    }
}
