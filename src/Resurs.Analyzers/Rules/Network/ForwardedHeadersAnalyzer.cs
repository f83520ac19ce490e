using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>
    /// RES4005: forwarded headers trusted from anywhere. Per options object in one member (a Configure lambda's parameter,
    /// a local, an initializer): KnownNetworks (or KnownIPNetworks) and KnownProxies both cleared, or 0.0.0.0/0 or ::/0
    /// added to them, while ForwardedHeaders includes XForwardedFor (or is not set there). Also
    /// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true set in code, which turns the middleware on with both lists cleared.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class ForwardedHeadersAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        private const string EnvironmentSwitch = "ASPNETCORE_FORWARDEDHEADERS_ENABLED";
        private const string HostSetting = "FORWARDEDHEADERS_ENABLED";

        /// <summary>ForwardedHeaders.XForwardedFor.</summary>
        private const long XForwardedFor = 1;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES4005);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        /// <summary>
        /// ForwardedHeadersOptions, UseForwardedHeaders, a <c>forwardedHeaders</c> variable and the
        /// ASPNETCORE_FORWARDEDHEADERS_ENABLED switch (also written in lower case): the spellings code uses, found in the
        /// pass's shared word search, which a case-insensitive search of its own would cost another read of every file.
        /// </summary>
        private static readonly string[] Anchors = { "ForwardedHeaders", "forwardedHeaders", "FORWARDEDHEADERS", "forwardedheaders" };

        void ICodeRule.Start(CodePass pass) => pass.Add(() => Setup(pass), Anchors, skipGeneratedCode: true);

        private static ReplaySetup Setup(CodePass pass)
        {
            var types = NetworkTypes.Create(pass.Types);
            var environment = pass.Types.Environment;
            var policy = pass.Policy;
            var replay = new OperationReplay().On(c => AnalyzeSwitch(c, environment, policy), OperationKind.Invocation, OperationKind.SimpleAssignment);
            if (types.ForwardedHeadersOptions is not null)
            {
                // Per member: the options object's settings are spread over several statements of one method or lambda.
                replay.On(c => Record(c.Operation, types, States(c.Root)), OperationKind.Invocation, OperationKind.SimpleAssignment);
                replay.OnRootEnd(root => Evaluate(root, States(root), policy));
            }

            return new ReplaySetup(replay);
        }

        /// <summary>What one options object is configured with inside one member.</summary>
        private sealed class OptionsState
        {
            public IOperation? NetworksCleared { get; set; }

            public IOperation? ProxiesCleared { get; set; }

            public string NetworksName { get; set; } = "KnownNetworks";

            public bool HeadersAssigned { get; set; }

            public bool ForwardsFor { get; set; }

            public bool ForwardLimitNull { get; set; }

            public bool HasEntries { get; set; }

            public List<(IOperation Add, string Member, string Network)> TrustAll { get; } = new List<(IOperation, string, string)>();
        }

        /// <summary>Environment.SetEnvironmentVariable("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true"), UseSetting and configuration[...] = "true".</summary>
        private static void AnalyzeSwitch(OperationContext context, INamedTypeSymbol? environment, AnalysisPolicy policy)
        {
            string? key = null;
            IOperation? value = null;
            switch (context.Operation)
            {
                case IInvocationOperation { TargetMethod.Name: "SetEnvironmentVariable", Arguments.Length: >= 2 } set
                    when SymbolEqualityComparer.Default.Equals(set.TargetMethod.ContainingType, environment):
                    key = set.Arguments[0].Value.ConstantValue.Value as string;
                    value = set.Arguments[1].Value;
                    break;
                case IInvocationOperation { TargetMethod.Name: "UseSetting", Arguments.Length: 2 } setting:
                    key = setting.Arguments[0].Value.ConstantValue.Value as string;
                    value = setting.Arguments[1].Value;
                    break;
                case IInvocationOperation { TargetMethod.Name: "UseSetting", Arguments.Length: 3 } extension when extension.TargetMethod.IsExtensionMethod:
                    key = extension.Arguments[1].Value.ConstantValue.Value as string;
                    value = extension.Arguments[2].Value;
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment:
                    key = indexer.Arguments[0].Value.ConstantValue.Value as string;
                    value = assignment.Value;
                    break;
            }

            if (key is null || value is null
                || !(key.Equals(EnvironmentSwitch, StringComparison.OrdinalIgnoreCase) || key.Equals(HostSetting, StringComparison.OrdinalIgnoreCase))
                || Conversions.Unwrap(value).ConstantValue.Value is not string text
                || !text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase)
                || !policy.ShouldReport(RuleIds.ForwardedHeadersTrustAll, context.Operation.Syntax.SyntaxTree))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RES4005,
                context.Operation.Syntax.GetLocation(),
                key + "=true turns on the forwarded-headers middleware for X-Forwarded-For with KnownNetworks and KnownProxies cleared"));
        }

        private static void Record(IOperation operation, NetworkTypes types, Dictionary<object, OptionsState> states)
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "Clear", Instance: IPropertyReferenceOperation list } clear when types.IsForwardedTrustList(list.Property):
                    var state = State(states, Key(list.Instance));
                    if (list.Property.Name == "KnownProxies")
                    {
                        state.ProxiesCleared ??= clear;
                    }
                    else
                    {
                        state.NetworksCleared ??= clear;
                        state.NetworksName = list.Property.Name;
                    }

                    break;
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add when TrustList(add, types) is { } target:
                    var listState = State(states, target.Key);
                    if (target.Property.Name != "KnownProxies" && types.TryReadNetwork(add.Arguments[0].Value, out var network) && network.PrefixLength == 0)
                    {
                        listState.TrustAll.Add((add.IsImplicit ? add.Arguments[0].Value : add, target.Property.Name, network.Network.IsV6 ? "::/0" : "0.0.0.0/0"));
                    }
                    else
                    {
                        // A real proxy or network: the lists are not empty, so not every caller is trusted.
                        listState.HasEntries = true;
                    }

                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ForwardedHeaders" } headers } assignment
                    when types.IsForwardedHeadersOptions(headers.Property.ContainingType):
                    var headersState = State(states, Key(headers.Instance));
                    headersState.HeadersAssigned = true;
                    var constant = Conversions.Unwrap(assignment.Value).ConstantValue;
                    headersState.ForwardsFor |= !constant.HasValue || (constant.Value is IConvertible convertible && (convertible.ToInt64(null) & XForwardedFor) != 0);
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ForwardLimit" } limit } assignment
                    when types.IsForwardedHeadersOptions(limit.Property.ContainingType)
                        && Conversions.Unwrap(assignment.Value).ConstantValue is { HasValue: true, Value: null }:
                    State(states, Key(limit.Instance)).ForwardLimitNull = true;
                    break;
            }
        }

        private static Dictionary<object, OptionsState> States(OperationRoot root) =>
            root.State(() => new Dictionary<object, OptionsState>());

        private static void Evaluate(OperationRoot context, Dictionary<object, OptionsState> states, AnalysisPolicy policy)
        {
            foreach (var state in states.Values)
            {
                if (state.HeadersAssigned && !state.ForwardsFor)
                {
                    continue;
                }

                if (state.NetworksCleared is { } networks && state.ProxiesCleared is { } proxies && !state.HasEntries)
                {
                    var second = networks.Syntax.SpanStart > proxies.Syntax.SpanStart ? networks : proxies;
                    var reason = state.NetworksName + " and KnownProxies are both cleared"
                        + (state.ForwardLimitNull ? " and ForwardLimit is null" : string.Empty)
                        + " while X-Forwarded-For is processed";
                    Report(context, policy, second, reason);
                }

                foreach (var (add, member, network) in state.TrustAll)
                {
                    Report(context, policy, add, member + " trusts " + network + " while X-Forwarded-For is processed");
                }
            }
        }

        private static void Report(OperationRoot context, AnalysisPolicy policy, IOperation operation, string reason)
        {
            if (policy.ShouldReport(RuleIds.ForwardedHeadersTrustAll, operation.Syntax.SyntaxTree))
            {
                context.Replay.Report(Diagnostic.Create(Descriptors.RES4005, operation.Syntax.GetLocation(), reason));
            }
        }

        private static OptionsState State(Dictionary<object, OptionsState> states, object key)
        {
            if (!states.TryGetValue(key, out var state))
            {
                state = new OptionsState();
                states.Add(key, state);
            }

            return state;
        }

        /// <summary>The trust list an Add writes to, explicit (options.KnownNetworks.Add) or in an initializer (KnownNetworks = { ... }).</summary>
        private static (IPropertySymbol Property, object Key)? TrustList(IInvocationOperation add, NetworkTypes types)
        {
            switch (add.Instance)
            {
                case IPropertyReferenceOperation list when types.IsForwardedTrustList(list.Property):
                    return (list.Property, Key(list.Instance));
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                    when add.Parent is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation member } }
                        && types.IsForwardedTrustList(member.Property):
                    return (member.Property, Key(member.Instance));
                default:
                    return null;
            }
        }

        /// <summary>
        /// Which options object a member access is on: a parameter, a local, a field, or the object an initializer creates
        /// (keyed by the local it is stored in, so <c>var o = new ForwardedHeadersOptions { ... }; o.KnownProxies.Clear();</c> is one object).
        /// </summary>
        private static object Key(IOperation? instance)
        {
            switch (instance is null ? null : Conversions.Unwrap(instance))
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IMemberReferenceOperation member when member.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return member.Member;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver:
                    IOperation? current = receiver;
                    while (current is not null && current is not IObjectCreationOperation)
                    {
                        current = current.Parent;
                    }

                    if (current is null)
                    {
                        return receiver;
                    }

                    var creation = current;
                    current = Conversions.Outermost(current);
                    return current.Parent switch
                    {
                        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                        ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
                        _ => creation,
                    };
                case { } other:
                    return other.Syntax.ToString();
                default:
                    return string.Empty;
            }
        }
    }
}
