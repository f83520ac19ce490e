using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>
    /// RES4003: <c>Dns.GetHostEntry</c>, <c>GetHostEntryAsync</c>, <c>GetHostByAddress</c> or <c>Resolve</c> on the address of
    /// the inbound caller (RemoteIpAddress, UserHostAddress, REMOTE_ADDR, X-Forwarded-For), when what it returns feeds a
    /// decision or an identity: a comparison (EndsWith, ==, Contains, a pattern), a lookup key, a member it is stored in,
    /// another method it is passed to, or the return value of a helper. Lookups that are only logged or displayed, and
    /// forward lookups of names, stay silent. Reported at the Dns call.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class ReverseDnsTrustAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        private const int MaxDepth = 8;
        private const int MaxReferences = 32;

        private static readonly string[] DnsAnchor = { "Dns." };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES4003);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        // Dns.GetHostEntry(...), Dns.GetHostByAddress(...), Dns.Resolve(...).
        void ICodeRule.Start(CodePass pass) => pass.Add(() => Setup(pass), DnsAnchor, skipGeneratedCode: true);

        private static ReplaySetup? Setup(CodePass pass)
        {
            var dns = pass.Types.Dns;
            if (dns is null)
            {
                return null;
            }

            var policy = pass.Policy;
            return new ReplaySetup(new OperationReplay().On(c => Analyze(c, dns, policy), OperationKind.Invocation));
        }

        private static void Analyze(OperationContext context, INamedTypeSymbol dns, AnalysisPolicy policy)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!(method.Name is "GetHostEntry" or "GetHostEntryAsync" or "GetHostByAddress" or "Resolve")
                || invocation.Arguments.Length == 0
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, dns))
            {
                return;
            }

            var source = InboundSource(invocation.Arguments[0].Value, 0);
            if (source is null || FeedsDecision(invocation) is not { } decision || !policy.ShouldReport(RuleIds.ReverseDnsTrust, invocation.Syntax.SyntaxTree))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES4003, invocation.Syntax.GetLocation(), "Dns." + method.Name, source, decision));
        }

        /// <summary>What the argument is, when it is the inbound caller's address: "HttpContext.Connection.RemoteIpAddress".</summary>
        private static string? InboundSource(IOperation value, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            value = Conversions.Unwrap(value);
            switch (value)
            {
                case IConditionalAccessOperation conditional:
                    return InboundSource(conditional.Operation, depth + 1);
                case ICoalesceOperation coalesce:
                    return InboundSource(coalesce.Value, depth + 1);
                case IArrayElementReferenceOperation element:
                    return InboundSource(element.ArrayReference, depth + 1);
                case IInvocationOperation invocation when IsCarrier(invocation.TargetMethod.Name):
                    var receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    return receiver is null ? null : InboundSource(receiver, depth + 1);
                case IPropertyReferenceOperation property:
                    return InboundAddress.Describe(property);
                case ILocalReferenceOperation local:
                    return LocalSource(local, depth);
                case IParameterReferenceOperation parameter:
                    var name = parameter.Parameter.Name;
                    return NetworkNames.HasWord(name, "remote", "client", "caller", "peer", "sender", "forwarded", "visitor", "requester")
                        && NetworkNames.HasWord(name, "ip", "address", "addr", "host")
                            ? "parameter '" + name + "'"
                            : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// A local any of whose values is an inbound address (<c>remote = remote.MapToIPv4()</c> keeps it), or the out
        /// variable of <c>Headers.TryGetValue("X-Forwarded-For", out var value)</c>.
        /// </summary>
        private static string? LocalSource(ILocalReferenceOperation reference, int depth)
        {
            var local = reference.Local;
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
            {
                return null;
            }

            var declaration = local.DeclaringSyntaxReferences[0].GetSyntax();
            if (declaration is SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } })
            {
                return model.GetOperation(call) is IInvocationOperation { TargetMethod.Name: "TryGetValue", Arguments.Length: 2 } tryGet
                    && tryGet.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }
                        ? InboundAddress.DescribeKey(key)
                        : null;
            }

            if (declaration is not VariableDeclaratorSyntax declarator)
            {
                return null;
            }

            if (model.GetOperation(declarator) is IVariableDeclaratorOperation { Initializer.Value: { } initial }
                && InboundSource(initial, depth + 1) is { } source)
            {
                return source;
            }

            // Every later write: one that reads the local itself (remote = remote.MapToIPv4()) carries what it held.
            foreach (var written in Writes(reference, local))
            {
                if (!ReadsLocal(written, local) && InboundSource(written, depth + 1) is { } assigned)
                {
                    return assigned;
                }
            }

            return null;
        }

        private const string Condition = "a condition then trusts";
        private const string LookupKey = "then serves as a lookup key";
        private const string Identity = "is then stored as the caller's identity";
        private const string Passed = "is then passed on to decide";
        private const string Confirmed = "a forward lookup then confirms";
        private const string Returned = "the method returns to its callers";

        /// <summary>
        /// What the lookup's result feeds, or null when it is only logged or displayed. The host name (IPHostEntry.HostName
        /// or Aliases) feeds a decision when it reaches a comparison (EndsWith, StartsWith, Contains, Equals, ==,
        /// string.Equals/Compare, Regex.IsMatch, a list's Contains, a pattern or a switch), an indexer key, or a method other
        /// than a logging or formatting one. The host name or the entry is an identity when it is stored in a field,
        /// property or new object, and a helper's answer when it is returned. Followed through await, ?., ??, ?:, string
        /// transformations and locals.
        /// </summary>
        private static string? FeedsDecision(IInvocationOperation dnsCall)
        {
            var work = new Queue<(IOperation Operation, bool HostName)>();
            work.Enqueue((dnsCall, false));
            var visited = 0;
            while (work.Count > 0 && visited++ < MaxReferences)
            {
                var (current, hostName) = work.Dequeue();
                for (var depth = 0; depth < 16; depth++)
                {
                    var parent = current.Parent;
                    if (parent is null)
                    {
                        break;
                    }

                    if (parent is IAwaitOperation or IConversionOperation or IParenthesizedOperation or IArrayElementReferenceOperation or ICoalesceOperation
                        || (parent is IConditionalOperation choice && choice.Condition != current))
                    {
                        current = parent;
                        continue;
                    }

                    if (parent is IConditionalAccessOperation conditional && conditional.Operation == current)
                    {
                        // entry?.HostName: continue from the placeholder the WhenNotNull part starts with.
                        if (Placeholder(conditional) is not { } placeholder)
                        {
                            break;
                        }

                        current = placeholder;
                        continue;
                    }

                    if (parent is IConditionalAccessOperation whenNotNull && whenNotNull.WhenNotNull == current)
                    {
                        current = parent;
                        continue;
                    }

                    if (parent is IPropertyReferenceOperation property && property.Instance == current)
                    {
                        if (property.Property.Name is "HostName" or "Aliases")
                        {
                            hostName = true;
                            current = property;
                            continue;
                        }

                        break;
                    }

                    if (parent is IInvocationOperation invocation && invocation.Instance == current)
                    {
                        if (hostName && IsComparison(invocation.TargetMethod.Name))
                        {
                            return Condition;
                        }

                        if (IsCarrier(invocation.TargetMethod.Name))
                        {
                            current = invocation;
                            continue;
                        }

                        break;
                    }

                    if (parent is IArgumentOperation argument)
                    {
                        if (!hostName)
                        {
                            break;
                        }

                        switch (argument.Parent)
                        {
                            case IPropertyReferenceOperation { Property.IsIndexer: true }:
                                return LookupKey;
                            case IObjectCreationOperation creation when !IsException(creation.Type):
                                return Identity;
                            case IInvocationOperation call:
                                var isThis = call.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0;
                                if (IsComparison(call.TargetMethod.Name))
                                {
                                    return Condition;
                                }

                                if (isThis && IsCarrier(call.TargetMethod.Name))
                                {
                                    current = call;
                                    continue;
                                }

                                if (IsLookup(call.TargetMethod.Name))
                                {
                                    return LookupKey;
                                }

                                if (IsForwardLookup(call.TargetMethod))
                                {
                                    // Forward-confirmed reverse DNS: still a name Resurs does not promise to publish.
                                    return Confirmed;
                                }

                                if (!IsLoggingOrDisplay(call.TargetMethod))
                                {
                                    return Passed;
                                }

                                break;
                        }

                        break;
                    }

                    if (hostName && (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }
                        or IIsPatternOperation or ISwitchOperation or ISwitchExpressionOperation))
                    {
                        return Condition;
                    }

                    if (parent is IReturnOperation { Kind: OperationKind.Return })
                    {
                        return Returned;
                    }

                    if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                    {
                        EnqueueReferences(current, declarator.Symbol, hostName, work);
                    }
                    else if (parent is ISimpleAssignmentOperation assignment && assignment.Value == current)
                    {
                        if (assignment.Target is ILocalReferenceOperation target)
                        {
                            EnqueueReferences(current, target.Local, hostName, work);
                        }
                        else if (assignment.Target is IMemberReferenceOperation)
                        {
                            return Identity;
                        }
                    }

                    break;
                }
            }

            return null;
        }

        private static IOperation? Placeholder(IConditionalAccessOperation conditional)
        {
            foreach (var descendant in conditional.WhenNotNull.DescendantsAndSelf())
            {
                if (descendant is IConditionalAccessInstanceOperation)
                {
                    return descendant;
                }
            }

            return null;
        }

        /// <summary>Logging, tracing, console output and string building: the host name is shown, not trusted.</summary>
        private static bool IsLoggingOrDisplay(IMethodSymbol method)
        {
            var name = method.Name;
            if (name.StartsWith("Log", StringComparison.Ordinal) || name.StartsWith("Write", StringComparison.Ordinal)
                || name.StartsWith("Trace", StringComparison.Ordinal) || name.StartsWith("Append", StringComparison.Ordinal)
                || name is "Debug" or "Info" or "Information" or "Warn" or "Warning" or "Error" or "Fatal" or "Critical" or "Verbose"
                    or "Format" or "Concat" or "Join" or "Print" or "Fail" or "Assert")
            {
                return true;
            }

            var type = method.ContainingType?.Name ?? string.Empty;
            return type.IndexOf("Log", StringComparison.Ordinal) >= 0 || type is "Console" or "Debug" or "Trace" or "Activity";
        }

        private static bool IsException(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name == "Exception" && current.ContainingNamespace?.Name == "System")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLookup(string name) => name is "TryGetValue" or "ContainsKey" or "GetValueOrDefault" or "Find" or "Get"
            or "GetOrAdd" or "TryGet" or "Lookup";

        private static void EnqueueReferences(IOperation anyInBody, ILocalSymbol local, bool hostName, Queue<(IOperation, bool)> work)
        {
            var root = anyInBody;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (var descendant in root.Descendants())
            {
                if (descendant is ILocalReferenceOperation reference && !reference.IsDeclaration
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !(reference.Parent is IAssignmentOperation assignment && assignment.Target == reference)
                    && work.Count < MaxReferences)
                {
                    work.Enqueue((reference, hostName));
                }
            }
        }

        private static IEnumerable<IOperation> Writes(IOperation anyInBody, ILocalSymbol local)
        {
            var root = anyInBody;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (var descendant in root.Descendants())
            {
                if (descendant is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    yield return assignment.Value;
                }
            }
        }

        private static bool ReadsLocal(IOperation value, ILocalSymbol local)
        {
            foreach (var descendant in value.DescendantsAndSelf())
            {
                if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Dns.GetHostAddresses, GetHostEntry or Resolve (and their async forms) given the host name: the check of
        /// forward-confirmed reverse DNS.
        /// </summary>
        private static bool IsForwardLookup(IMethodSymbol method) =>
            method.ContainingType is { Name: "Dns", ContainingNamespace.Name: "Net" }
            && method.Name is "GetHostAddresses" or "GetHostAddressesAsync" or "GetHostEntry" or "GetHostEntryAsync" or "GetHostByName"
                or "Resolve" or "BeginGetHostAddresses" or "BeginGetHostEntry" or "BeginGetHostByName" or "BeginResolve";

        /// <summary>Calls that carry a value along unchanged in meaning: parsing, formatting, trimming, taking the first of a list.</summary>
        private static bool IsCarrier(string name) => name is "Parse" or "ToString" or "Trim" or "TrimStart" or "TrimEnd" or "Split"
            or "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Single" or "SingleOrDefault" or "ElementAt"
            or "MapToIPv4" or "MapToIPv6" or "Substring" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant"
            or "Normalize" or "Replace";

        private static bool IsComparison(string name) => name is "EndsWith" or "StartsWith" or "Contains" or "Equals" or "CompareTo"
            or "Compare" or "Any" or "All" or "IsMatch" or "Match" or "IndexOf";
    }
}
