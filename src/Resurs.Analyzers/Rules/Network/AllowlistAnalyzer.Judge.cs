using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Infrastructure.Replay;
using Resurs.Analyzers.Options;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>Follows address literals to the lists they land in and reports, through <see cref="AllowlistJudge"/>.</summary>
    public sealed partial class AllowlistAnalyzer
    {
        private sealed partial class CompilationAnalysis
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

                // A value written in another file is reported at its use in this one (the IDE analyses one document at a
                // time), naming the symbol, with the literal there as the additional location.
                var elsewhere = value.Node.SyntaxTree != leaf.Syntax.SyntaxTree ? value.Node : null;
                var written = elsewhere is null ? value.Node : leaf.Syntax;
                var entries = new List<Entry>();
                if (shape == LeafShape.Text)
                {
                    foreach (var item in items)
                    {
                        var display = value.Text.Substring(item.Start, item.Length);
                        var entry = new Entry(item.Cidr, display, shape, item.HasPrefix, written) { Masked = item.Masked };
                        if (elsewhere is null && (items.Length > 1 || landing.SplitSeparator is not null))
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
                        if (item.HasPrefix || prefix is null || Conversions.Unwrap(prefix).ConstantValue is not { HasValue: true, Value: int length }
                            || length < 0 || length > cidr.Network.Bits)
                        {
                            return;
                        }

                        cidr = new Cidr(cidr.Network, length);
                    }

                    var entry = new Entry(cidr, networkCreation is null ? value.Text : cidr.ToString(), shape, shape == LeafShape.Network, networkCreation ?? written);
                    entry.NetworkCreation = networkCreation;
                    entry.Masked = item.Masked;
                    entry.PrefixNode = prefix is not null && Conversions.Unwrap(prefix) is ILiteralOperation prefixLiteral ? prefixLiteral.Syntax : null;
                    entries.Add(entry);
                }
                else
                {
                    return;
                }

                foreach (var entry in entries)
                {
                    entry.ElementSyntax = landing.ElementSyntax;
                    entry.Literal = elsewhere is null && value.Node is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } ? value.Node : null;
                    if (elsewhere is not null && entry.NetworkCreation is null)
                    {
                        entry.Declaration = elsewhere;
                        entry.Via = leaf switch
                        {
                            IMemberReferenceOperation member => Prose.Symbol(member.Member),
                            IInvocationOperation invocation => Prose.Symbol(invocation.TargetMethod),
                            _ => null,
                        };
                        entry.ReportedWhereWritten = leaf is IMemberReferenceOperation { Member: var declared }
                            && names.Classify(new[] { declared.Name, declared.ContainingType?.Name ?? string.Empty }) == ListPurpose.Allow;
                    }
                }

                Add(state, landing, entries, multiItemLiteral: shape == LeafShape.Text && items.Length > 1 ? value.Node : null);
            }

            /// <summary>IPAddress.Any in <c>new IPNetwork(IPAddress.Any, 0)</c>.</summary>
            private void AddressField(AddressFlow flow, TypeState state, IFieldReferenceOperation field)
            {
                var landing = flow.Follow(field, LeafShape.Address, out var shape, out var prefix, out var networkCreation);
                if (landing is null || !MayMatter(landing) || networkCreation is null || shape != LeafShape.Network
                    || prefix is null || Conversions.Unwrap(prefix).ConstantValue is not { HasValue: true, Value: int length })
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
                var created = Conversions.Unwrap(value);
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
                if (!(container.Forwarded || purpose == ListPurpose.Allow || AllowlistJudge.HoldsCallbackIp(container.Entries.Select(e => e.Cidr), callbackIps)))
                {
                    return;
                }

                var cloudIps = ResursNetworks.CloudIps(callbackIps);
                var aboutResurs = !container.Forwarded && AllowlistJudge.IsAboutResurs(container.Names, container.Entries.Select(e => e.Cidr), callbackIps);
                var present = new HashSet<IPValue>(container.Entries.Where(e => e.Cidr.IsSingleAddress).Select(e => e.Cidr.Network));
                var claimed = new HashSet<IPValue>();
                foreach (var entry in container.Entries)
                {
                    if (AllowlistJudge.CloudRange(entry.Cidr, cloudIps) is not { } cloud
                        || (container.Forwarded && !AllowlistJudge.ReportsProxyEntry(entry.Cidr)))
                    {
                        continue;
                    }

                    var values = callbackIps.Where(ip => entry.Cidr.Contains(ip) && !present.Contains(ip) && !claimed.Contains(ip)).ToList();
                    foreach (var ip in values)
                    {
                        claimed.Add(ip);
                    }

                    var admits = AllowlistJudge.Admits(entry.Cidr, cloud);
                    var advice = AllowlistJudge.Advice(container.Forwarded, aboutResurs);
                    if (entry.Declaration is { } declaration)
                    {
                        if (entry.ReportedWhereWritten)
                        {
                            continue;
                        }

                        // Written in another file: no fix from here, the message says where the range is written.
                        advice += " (the range is " + (entry.Via ?? "a value") + ", written in " + Prose.FileName(declaration.SyntaxTree) + ")";
                        Report(context, Descriptors.RES4001, entry.Tree, entry.ReportSpan, null, declaration.GetLocation(), entry.Display, admits, advice);
                        continue;
                    }

                    var properties = aboutResurs ? CloudRangeFix(container, entry, values) : null;
                    Report(context, Descriptors.RES4001, entry.Tree, entry.ReportSpan, properties, null, entry.Display, admits, advice);
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
                var missing = AllowlistJudge.Missing(container.Entries.Select(e => e.Cidr).ToList(), callbackIps);
                if (missing.Count == 0)
                {
                    return;
                }

                var missingText = Prose.JoinAnd(missing.Select(ip => ip.ToString()).ToList());
                var properties = MissingIpsFix(container, node.SyntaxTree, callbackIps, missing);
                Report(
                    context,
                    Descriptors.RES4002,
                    node.SyntaxTree,
                    node.Span,
                    properties,
                    null,
                    (callbackIps.Length - missing.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    callbackIps.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    missingText);
            }

            private void Report(
                ReplayRun context,
                DiagnosticDescriptor descriptor,
                SyntaxTree tree,
                TextSpan span,
                ImmutableDictionary<string, string?>? fix,
                Location? additional,
                params object[] arguments)
            {
                if (!policy.ShouldReport(descriptor.Id, tree) || !reported.TryAdd((tree, span, descriptor.Id), 0))
                {
                    return;
                }

                context.Report(Diagnostic.Create(
                    descriptor,
                    Location.Create(tree, span),
                    additional is null ? null : new[] { additional },
                    fix ?? ImmutableDictionary<string, string?>.Empty,
                    arguments));
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
