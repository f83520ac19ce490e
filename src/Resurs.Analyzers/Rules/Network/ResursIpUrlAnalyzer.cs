using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>
    /// RES4004: a URL whose host is an address in Resurs's networks or a callback IP, used for an outbound call: an
    /// HttpClient base address, a request URI (HttpClient methods, HttpRequestMessage, WebRequest.Create) or a service
    /// endpoint (EndpointAddress, the remoteAddress of a WCF client). Reported at the literal that holds the host; a const
    /// or field is reported once, at its declaration.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class ResursIpUrlAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES4004);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        // Only a URL whose host is written as an address can name Resurs by IP; one declared in another file is found
        // where it is used through its member's name (DeclaredValues).
        void ICodeRule.Start(CodePass pass)
        {
            pass.Words(UrlAnchors.SchemeSeparator);
            var declared = new DeclaredValues(pass, UrlAnchors.FindAddressHosts);
            pass.Add(() => Setup(pass), declared.FindAnchors, skipGeneratedCode: true);
        }

        private static ReplaySetup? Setup(CodePass pass)
        {
            var analysis = new CompilationAnalysis(
                pass.Types.HttpClient,
                pass.Types.HttpRequestMessage,
                pass.Types.WebRequest,
                pass.Types.EndpointAddress,
                pass.Policy);
            return new ReplaySetup(new OperationReplay()
                .On(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment)
                .On(analysis.AnalyzeCall, OperationKind.Invocation, OperationKind.ObjectCreation)
                .On(analysis.AnalyzeUnresolvedCall, OperationKind.Invalid));
        }

        private sealed class CompilationAnalysis
        {
            private readonly INamedTypeSymbol? httpClient;
            private readonly INamedTypeSymbol? requestMessage;
            private readonly INamedTypeSymbol? webRequest;
            private readonly INamedTypeSymbol? endpointAddress;
            private readonly AnalysisPolicy policy;
            private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> reported = new ConcurrentDictionary<(SyntaxTree, TextSpan), byte>();

            public CompilationAnalysis(INamedTypeSymbol? httpClient, INamedTypeSymbol? requestMessage, INamedTypeSymbol? webRequest, INamedTypeSymbol? endpointAddress, AnalysisPolicy policy)
            {
                this.httpClient = httpClient;
                this.requestMessage = requestMessage;
                this.webRequest = webRequest;
                this.endpointAddress = endpointAddress;
                this.policy = policy;
            }

            public void AnalyzeAssignment(OperationContext context)
            {
                var assignment = (IAssignmentOperation)context.Operation;
                if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
                {
                    return;
                }

                if (property.Name == "BaseAddress" && DerivesFrom(property.ContainingType, httpClient))
                {
                    Evaluate(context, assignment.Value, "HttpClient.BaseAddress");
                }
                else if (property.Name == "RequestUri" && DerivesFrom(property.ContainingType, requestMessage))
                {
                    Evaluate(context, assignment.Value, "HttpRequestMessage.RequestUri");
                }
                else if (property.Name is "BaseUrl" or "BaseAddress" && ThirdPartyClients.IsClientType(property.ContainingType))
                {
                    Evaluate(context, assignment.Value, property.ContainingType.Name + "." + property.Name);
                }
            }

            public void AnalyzeCall(OperationContext context)
            {
                switch (context.Operation)
                {
                    case IInvocationOperation invocation:
                        var method = invocation.TargetMethod;
                        var onClient = DerivesFrom(method.ContainingType, httpClient)
                            || (method.IsExtensionMethod && method.Parameters.Length > 0 && DerivesFrom(method.Parameters[0].Type as INamedTypeSymbol, httpClient));
                        var onWebRequest = method.IsStatic && method.Name.StartsWith("Create", StringComparison.Ordinal) && DerivesFrom(method.ContainingType, webRequest);
                        if (!onClient && !onWebRequest)
                        {
                            if (ThirdPartyClients.UrlArgument(invocation) is { } target)
                            {
                                Evaluate(context, target.Value, ThirdPartyClients.Describe(method, target.Parameter!));
                            }

                            return;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Name is "requestUri" or "requestUriString")
                            {
                                Evaluate(context, argument.Value, (onClient ? "HttpClient." : "WebRequest.") + method.Name + "(" + argument.Parameter.Name + ")");
                            }
                        }

                        return;
                    case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type:
                        foreach (var argument in creation.Arguments)
                        {
                            var name = argument.Parameter?.Name;
                            if ((name == "requestUri" && DerivesFrom(type, requestMessage))
                                || (name == "uri" && (DerivesFrom(type, endpointAddress) || type.Name == "EndpointAddress"))
                                || (name == "remoteAddress" && IsServiceClient(type))
                                || (argument.ArgumentKind == ArgumentKind.Explicit && ThirdPartyClients.IsUrlConstructorArgument(type, argument)))
                            {
                                Evaluate(context, argument.Value, "new " + type.Name + "(" + name + ")");
                            }
                        }

                        return;
                }
            }

            /// <summary>
            /// A RestSharp, Flurl, Refit or gRPC client call whose types do not resolve (<see cref="ThirdPartyClients.UnresolvedCall"/>):
            /// the compiler makes it an invalid operation that still holds the arguments, so the URL is judged as usual.
            /// </summary>
            public void AnalyzeUnresolvedCall(OperationContext context)
            {
                if (ThirdPartyClients.UnresolvedCall(context.Operation.Syntax) is not { } call)
                {
                    return;
                }

                foreach (var child in context.Operation.ChildOperations)
                {
                    if (child.Syntax == call.Url || child.Syntax == call.Url.Expression)
                    {
                        Evaluate(context, child is IArgumentOperation argument ? argument.Value : child, call.Sink);
                        return;
                    }
                }
            }

            private void Evaluate(OperationContext context, IOperation value, string sink)
            {
                foreach (var url in UrlValue.All(value))
                {
                    Evaluate(context, url, value.Syntax.SyntaxTree, sink);
                }
            }

            private void Evaluate(OperationContext context, UrlValue url, SyntaxTree useTree, string sink)
            {
                if (!ResursIpHost.TryFind(url.KnownPrefix, url.HoleFollowsPrefix, out var parts, out var hostText))
                {
                    return;
                }

                // Written in this file: reported once at the literal. Written in another file: reported at the reference
                // here, naming the symbol, with the declaration as additional location (the IDE analyses one document).
                var fragment = url.FragmentAt(parts.HostStart, out _);
                var node = fragment.ReportNode(useTree);
                if (node is null || !policy.ShouldReport(RuleIds.ResursCalledByIp, node.SyntaxTree)
                    || !reported.TryAdd((node.SyntaxTree, node.Span), 0))
                {
                    return;
                }

                var fromOtherFile = fragment.IsFromOtherFile(useTree);
                var use = fromOtherFile ? sink + ", from " + Prose.Symbol(fragment.ViaSymbol!) + " in " + Prose.FileName(fragment.Node!.SyntaxTree) : sink;
                var additional = fromOtherFile ? new[] { fragment.Node!.GetLocation() } : null;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES4004, node.GetLocation(), additional, url.Display(), hostText, use, ResursNetworks.FqdnList()));
            }

            /// <summary>A WCF client: derives from System.ServiceModel.ClientBase&lt;T&gt;.</summary>
            private static bool IsServiceClient(INamedTypeSymbol type)
            {
                for (var current = type.BaseType; current is not null; current = current.BaseType)
                {
                    if (current.Name == "ClientBase" && current.IsGenericType)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
            {
                if (baseType is null)
                {
                    return false;
                }

                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, baseType))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
