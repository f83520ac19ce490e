using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>What an address leaf has become on its way up: text, an IPAddress, or a network.</summary>
    internal enum LeafShape
    {
        /// <summary>A string: a bare IP, a CIDR, or a list of them.</summary>
        Text,

        /// <summary>IPAddress.Parse("a.b.c.d") or IPAddress.Any.</summary>
        Address,

        /// <summary>IPNetwork.Parse("a/n"), new IPNetwork(address, n), or a third-party range type.</summary>
        Network,
    }

    /// <summary>Where an address value ends up: the list (or single destination) it belongs to, and the names around it.</summary>
    internal sealed class Landing
    {
        public Landing(object key, ISymbol? symbol)
        {
            Key = key;
            Symbol = symbol;
        }

        /// <summary>Identity of the list: a local, field, property or parameter symbol, a (member, instance) pair, or an operation.</summary>
        public object Key { get; }

        /// <summary>The local, field or property the list lives in, when there is one (its uses can decide its purpose).</summary>
        public ISymbol? Symbol { get; }

        public List<string> Names { get; } = new List<string>();

        /// <summary>ForwardedHeadersOptions.KnownNetworks, KnownIPNetworks or KnownProxies.</summary>
        public bool Forwarded { get; set; }

        /// <summary>The value is tested right there (network.Contains(ip), list.Any(...), foreach).</summary>
        public bool FeedsCheck { get; set; }

        /// <summary>A list (initializer, collection expression, params, Add calls, Split) rather than a single value.</summary>
        public bool IsCollection { get; set; }

        /// <summary>The value arrives through an Add call on the collection.</summary>
        public bool FromAdd { get; set; }

        /// <summary>Where RES4002 reports this contribution: the initializer, collection expression, params call, split literal or Add call.</summary>
        public SyntaxNode? CollectionNode { get; set; }

        /// <summary>The creation of the collection (<c>new List&lt;string&gt;()</c>), when seen.</summary>
        public SyntaxNode? CreationNode { get; set; }

        /// <summary>The element the fixes copy: an initializer element, a params argument, or an Add statement.</summary>
        public SyntaxNode? ElementSyntax { get; set; }

        /// <summary>The separator of <c>"a,b".Split(',')</c>.</summary>
        public string? SplitSeparator { get; set; }
    }

    /// <summary>
    /// Follows an address value from the literal (or constant) that writes it up to the list or destination it lands in:
    /// through IPAddress.Parse, IPNetwork.Parse/TryParse, <c>new IPNetwork(...)</c> and third-party range types; into
    /// array, collection and collection-expression initializers, params arguments, Add calls and string.Split; and on to
    /// the local, field, property, argument or return that receives the list. One instance serves one operation block.
    /// </summary>
    internal sealed class AddressFlow
    {
        private const int MaxDepth = 16;

        private readonly NetworkTypes types;
        private readonly NetworkNames names;
        private readonly ISymbol? owner;

        private string OwnerName => owner?.Name ?? string.Empty;

        public AddressFlow(NetworkTypes types, NetworkNames names, ISymbol? owner)
        {
            this.types = types;
            this.names = names;
            this.owner = owner;
        }

        /// <summary>Follows <paramref name="leaf"/> (a string value) to where it lands; null when it lands nowhere we judge.</summary>
        public Landing? Follow(IOperation leaf, LeafShape start, out LeafShape shape, out IOperation? prefix, out SyntaxNode? networkCreation)
        {
            shape = start;
            prefix = null;
            networkCreation = null;
            var current = leaf;
            for (var depth = 0; depth < MaxDepth; depth++)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case null:
                        return null;
                    case IConversionOperation:
                    case IParenthesizedOperation:
                        current = parent;
                        continue;
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation invocation:
                        var method = invocation.TargetMethod;
                        if (shape == LeafShape.Text && method.IsStatic && method.Name == "Parse" && types.IsIPAddress(method.ContainingType))
                        {
                            shape = LeafShape.Address;
                            current = invocation;
                            continue;
                        }

                        if (shape == LeafShape.Text && method.IsStatic && argument.Parameter?.Ordinal == 0 && IsNetworkFactory(method))
                        {
                            shape = LeafShape.Network;
                            if (method.Name == "TryParse")
                            {
                                return OutLanding(invocation);
                            }

                            current = invocation;
                            continue;
                        }

                        if (IsAddCall(invocation, argument))
                        {
                            return AddLanding(invocation, current);
                        }

                        return DestinationOf(current, isCollection: false);
                    case IArgumentOperation argument when argument.Parent is IObjectCreationOperation creation:
                        if (types.IsNetworkType(creation.Type))
                        {
                            if (shape == LeafShape.Address && argument.Parameter?.Ordinal == 0 && creation.Arguments.Length == 2)
                            {
                                shape = LeafShape.Network;
                                prefix = creation.Arguments[1].Value;
                                networkCreation = creation.Syntax;
                                current = creation;
                                continue;
                            }

                            if (shape == LeafShape.Text && creation.Arguments.Length == 1)
                            {
                                shape = LeafShape.Network;
                                current = creation;
                                continue;
                            }
                        }

                        return DestinationOf(current, isCollection: false);
                    case IArrayInitializerOperation initializer when initializer.Parent is IArrayCreationOperation array:
                        return CollectionLanding(array, current, array.IsImplicit ? ParamsCallSyntax(array) : initializer.Syntax);
                    case IInvocationOperation invocation when invocation.Instance == current
                        && shape == LeafShape.Text
                        && invocation.TargetMethod.Name == "Split"
                        && invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                        var split = DestinationOf(invocation, isCollection: true);
                        split.IsCollection = true;
                        split.CollectionNode ??= leaf.Syntax;
                        split.SplitSeparator = SplitSeparator(invocation);
                        return split;
                    default:
                        if (parent.Syntax is CollectionExpressionSyntax && parent is not IArgumentOperation)
                        {
                            return CollectionLanding(parent, current, parent.Syntax);
                        }

                        return DestinationOf(current, isCollection: false);
                }
            }

            return null;
        }

        /// <summary>Where a list or value goes: the symbol it is stored in, the argument it is passed as, a check that reads it.</summary>
        public Landing DestinationOf(IOperation value, bool isCollection)
        {
            var current = value;
            for (var depth = 0; depth < MaxDepth; depth++)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IConversionOperation:
                    case IParenthesizedOperation:
                        current = parent;
                        continue;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return SymbolLanding(declarator.Symbol, declarator.Symbol.Name, OwnerName);
                    case IFieldInitializerOperation { InitializedFields.Length: > 0 } field:
                        return SymbolLanding(field.InitializedFields[0], field.InitializedFields[0].Name, field.InitializedFields[0].ContainingType.Name);
                    case IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property:
                        return SymbolLanding(property.InitializedProperties[0], property.InitializedProperties[0].Name, property.InitializedProperties[0].ContainingType.Name);
                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        return AssignmentLanding(assignment, value);
                    case IReturnOperation:
                        return Anonymous(value, OwnerName);
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation invocation:
                        var method = invocation.TargetMethod;
                        var isThis = method.IsExtensionMethod && argument.Parameter?.Ordinal == 0;
                        if (isCollection && (method.Name == "AddRange" || method.Name == "UnionWith") && invocation.Instance is { } receiver)
                        {
                            return ReceiverLanding(receiver, invocation, fromAddRange: true);
                        }

                        if (isCollection && isThis && IsTransparent(method.Name))
                        {
                            current = invocation;
                            continue;
                        }

                        if (isThis && NetworkTypes.IsCheckMethod(method.Name))
                        {
                            return Checked(value, invocation, argument);
                        }

                        if (method.ReturnType.SpecialType == SpecialType.System_Boolean)
                        {
                            // IsAllowed("51.21.0.0/16") tests a value; it does not configure a list.
                            return Anonymous(value);
                        }

                        return Anonymous(value, argument.Parameter?.Name ?? string.Empty, method.Name);
                    case IArgumentOperation argument when argument.Parent is IObjectCreationOperation creation:
                        if (isCollection && creation.Type is { } createdType && types.IsAddressCollectionOrNetwork(createdType) && !types.IsNetworkType(createdType))
                        {
                            // new HashSet<string>(new[] { ... }): the copy is the list.
                            current = creation;
                            continue;
                        }

                        return Anonymous(value, argument.Parameter?.Name ?? string.Empty, creation.Type?.Name ?? string.Empty);
                    case IInvocationOperation invocation when invocation.Instance == current:
                        if (isCollection && IsTransparent(invocation.TargetMethod.Name))
                        {
                            current = invocation;
                            continue;
                        }

                        return NetworkTypes.IsCheckMethod(invocation.TargetMethod.Name) ? Checked(value, invocation, current) : Anonymous(value);
                    case IForEachLoopOperation loop when loop.Collection == current:
                        return Checked(value, loop.Body, null);
                    default:
                        return Anonymous(value);
                }
            }

            return Anonymous(value);
        }

        /// <summary>For a use of a list or network symbol: what the names around the use say, and whether it is checked.</summary>
        public (ListPurpose Purpose, bool Checked) Use(IOperation reference)
        {
            var landing = DestinationOf(reference, isCollection: true);
            return (names.Classify(landing.Names), landing.FeedsCheck);
        }

        /// <summary>Add, Insert, Push, Enqueue on a list of addresses or networks, with the value as the item.</summary>
        public bool IsAddCall(IInvocationOperation invocation, IArgumentOperation argument)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic || invocation.Instance is null || !types.IsAddressCollectionOrNetwork(invocation.Instance.Type) || types.IsNetworkType(invocation.Instance.Type))
            {
                return false;
            }

            switch (method.Name)
            {
                case "Add":
                case "Push":
                case "Enqueue":
                case "AddLast":
                case "AddFirst":
                    return method.Parameters.Length == 1;
                case "Insert":
                    return method.Parameters.Length == 2 && argument.Parameter?.Ordinal == 1;
                default:
                    return false;
            }
        }

        /// <summary>Names of the members an instance is reached through: options.Filter.AllowedRanges gives Filter, options.</summary>
        public static void AddPathNames(IOperation? instance, List<string> names)
        {
            for (var depth = 0; depth < 6 && instance is not null; depth++)
            {
                switch (Conversions.Unwrap(instance))
                {
                    case IMemberReferenceOperation member:
                        names.Add(member.Member.Name);
                        instance = member.Instance;
                        break;
                    case ILocalReferenceOperation local:
                        names.Add(local.Local.Name);
                        return;
                    case IParameterReferenceOperation parameter:
                        names.Add(parameter.Parameter.Name);
                        return;
                    default:
                        return;
                }
            }
        }

        private Landing AddLanding(IInvocationOperation invocation, IOperation element)
        {
            if (invocation.IsImplicit && invocation.Parent is IObjectOrCollectionInitializerOperation initializer)
            {
                switch (initializer.Parent)
                {
                    case IObjectCreationOperation creation:
                        return CollectionLanding(creation, element, initializer.Syntax);
                    case IMemberInitializerOperation { InitializedMember: IMemberReferenceOperation member } memberInitializer
                        when memberInitializer.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation outer }:
                        var landing = new Landing((member.Member, outer), symbol: null)
                        {
                            IsCollection = true,
                            Forwarded = types.IsForwardedTrustList(member.Member),
                            CollectionNode = initializer.Syntax,
                            ElementSyntax = element.Syntax,
                        };
                        landing.Names.Add(member.Member.Name);
                        landing.Names.Add(outer.Type?.Name ?? string.Empty);
                        landing.Names.AddRange(DestinationOf(outer, isCollection: false).Names);
                        return landing;
                }
            }

            return ReceiverLanding(invocation.Instance!, invocation, fromAddRange: false);
        }

        /// <summary>A collection written by Add calls (or AddRange/UnionWith): keyed by what it is stored in.</summary>
        private Landing ReceiverLanding(IOperation receiver, IInvocationOperation call, bool fromAddRange)
        {
            receiver = Conversions.Unwrap(receiver);
            Landing landing;
            switch (receiver)
            {
                case ILocalReferenceOperation local:
                    landing = SymbolLanding(local.Local, local.Local.Name, OwnerName);
                    break;
                case IParameterReferenceOperation parameter:
                    landing = SymbolLanding(parameter.Parameter, parameter.Parameter.Name, OwnerName);
                    break;
                case IMemberReferenceOperation member when member.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    landing = SymbolLanding(member.Member, member.Member.Name, member.Member.ContainingType?.Name ?? string.Empty);
                    landing.Forwarded = types.IsForwardedTrustList(member.Member);
                    break;
                case IMemberReferenceOperation member:
                    landing = new Landing((member.Member, InstanceKey(member.Instance!)), symbol: null);
                    landing.Names.Add(member.Member.Name);
                    landing.Names.Add(member.Member.ContainingType?.Name ?? string.Empty);
                    AddPathNames(member.Instance, landing.Names);
                    landing.Forwarded = types.IsForwardedTrustList(member.Member);
                    break;
                default:
                    landing = Anonymous(call);
                    break;
            }

            landing.IsCollection = true;
            landing.FromAdd = !fromAddRange;
            if (!fromAddRange)
            {
                landing.CollectionNode = call.Syntax;
                landing.ElementSyntax = call.Parent is IExpressionStatementOperation statement ? statement.Syntax : null;
            }

            return landing;
        }

        private Landing CollectionLanding(IOperation collection, IOperation element, SyntaxNode collectionNode)
        {
            var landing = DestinationOf(collection, isCollection: true);
            landing.IsCollection = true;
            landing.CollectionNode = collectionNode;
            landing.ElementSyntax = element.Syntax;
            if (!collection.IsImplicit)
            {
                landing.CreationNode = collection.Syntax;
            }

            return landing;
        }

        private Landing AssignmentLanding(ISimpleAssignmentOperation assignment, IOperation value)
        {
            switch (assignment.Target)
            {
                case ILocalReferenceOperation local:
                    return SymbolLanding(local.Local, local.Local.Name, OwnerName);
                case IParameterReferenceOperation parameter:
                    return SymbolLanding(parameter.Parameter, parameter.Parameter.Name, OwnerName);
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                    var keyed = Anonymous(value);
                    foreach (var argument in indexer.Arguments)
                    {
                        if (argument.Value.ConstantValue is { HasValue: true, Value: string key })
                        {
                            keyed.Names.Add(key);
                        }
                    }

                    AddPathNames(indexer.Instance, keyed.Names);
                    return keyed;
                case IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } member
                    when assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation outer }:
                    // new IpFilterOptions { AllowedRanges = ... }: the member, the options type, and where the options go.
                    var nested = new Landing((member.Member, outer), symbol: null);
                    nested.Names.Add(member.Member.Name);
                    nested.Names.Add(outer.Type?.Name ?? string.Empty);
                    nested.Names.AddRange(DestinationOf(outer, isCollection: false).Names);
                    return nested;
                case IMemberReferenceOperation member when member.Instance is null or IInstanceReferenceOperation:
                    return SymbolLanding(member.Member, member.Member.Name, member.Member.ContainingType?.Name ?? string.Empty);
                case IMemberReferenceOperation member:
                    var other = new Landing((member.Member, InstanceKey(member.Instance!)), symbol: null);
                    other.Names.Add(member.Member.Name);
                    other.Names.Add(member.Member.ContainingType?.Name ?? string.Empty);
                    AddPathNames(member.Instance, other.Names);
                    return other;
                default:
                    return Anonymous(value);
            }
        }

        /// <summary>IPNetwork.TryParse("a/n", out var network): the network lands in the out argument.</summary>
        private Landing OutLanding(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind != RefKind.Out)
                {
                    continue;
                }

                switch (Conversions.Unwrap(argument.Value))
                {
                    case IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared }:
                        return SymbolLanding(declared.Local, declared.Local.Name, OwnerName);
                    case ILocalReferenceOperation local:
                        return SymbolLanding(local.Local, local.Local.Name, OwnerName);
                    case IMemberReferenceOperation member when member.Instance is null or IInstanceReferenceOperation:
                        return SymbolLanding(member.Member, member.Member.Name, member.Member.ContainingType?.Name ?? string.Empty);
                }
            }

            return Anonymous(invocation);
        }

        private static Landing SymbolLanding(ISymbol symbol, string name, string context)
        {
            var landing = new Landing(symbol, symbol);
            landing.Names.Add(name);
            landing.Names.Add(context);
            return landing;
        }

        private static Landing Anonymous(IOperation operation, params string[] names)
        {
            var landing = new Landing(operation, symbol: null);
            landing.Names.AddRange(names);
            return landing;
        }

        /// <summary>
        /// A list or range that is tested (<c>Contains</c>, <c>Any</c>, <c>foreach</c>). The test makes it an allowlist only
        /// when it tests an inbound caller's address (<see cref="InboundAddress"/>) or sits in a member named for allowing
        /// (<c>IsAllowed</c>, <c>IsTrusted</c>); otherwise it is range arithmetic, such as a network library's own
        /// <c>IPNetwork.Parse("0.0.0.0/0").Contains(address)</c>.
        /// </summary>
        private Landing Checked(IOperation operation, IOperation check, IOperation? tested)
        {
            var landing = Anonymous(operation);
            landing.FeedsCheck = InboundAddress.IsReadIn(check, tested) || names.Classify(new[] { OwnerName }) == ListPurpose.Allow;
            return landing;
        }

        /// <summary>A stable key for "the same object" within one member: its symbol, or its text there.</summary>
        private object InstanceKey(IOperation instance)
        {
            switch (Conversions.Unwrap(instance))
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IMemberReferenceOperation member when member.Instance is null or IInstanceReferenceOperation:
                    return member.Member;
                default:
                    return (owner, instance.Syntax.ToString());
            }
        }

        /// <summary>Parse/TryParse/Create of IPNetwork or a third-party range type (IPNetwork2, IPAddressRange, IpRange).</summary>
        private bool IsNetworkFactory(IMethodSymbol method) =>
            method.Name is "Parse" or "TryParse" or "Create" or "FromCidr" or "ParseCidr"
            && types.IsNetworkType(method.ContainingType);

        private static bool IsTransparent(string name) => name is "ToList" or "ToArray" or "ToHashSet" or "ToImmutableArray"
            or "ToImmutableList" or "ToImmutableHashSet" or "ToFrozenSet" or "AsReadOnly" or "AsEnumerable" or "Select";

        private static SyntaxNode ParamsCallSyntax(IArrayCreationOperation array) =>
            array.Parent is IArgumentOperation { Parent: { } call } ? call.Syntax : array.Syntax;

        private static string SplitSeparator(IInvocationOperation split)
        {
            foreach (var argument in split.Arguments)
            {
                var value = Conversions.Unwrap(argument.Value);
                if (value.ConstantValue is { HasValue: true, Value: char c })
                {
                    return c.ToString();
                }

                if (value.ConstantValue is { HasValue: true, Value: string s } && s.Length > 0)
                {
                    return s;
                }

                if (value is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements }
                    && Conversions.Unwrap(elements[0]).ConstantValue is { HasValue: true, Value: char first })
                {
                    return first.ToString();
                }
            }

            return ",";
        }
    }
}
