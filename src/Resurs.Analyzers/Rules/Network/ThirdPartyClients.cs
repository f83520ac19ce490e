using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>
    /// The outbound HTTP clients merchants use besides HttpClient and WebRequest, recognised by shape (type, member and
    /// parameter names) so no reference to their packages is needed: WebClient, RestSharp, Flurl, Refit and gRPC.
    /// </summary>
    internal static class ThirdPartyClients
    {
        /// <summary>RestSharp's and Flurl's client types, which take the base URL or the request URL.</summary>
        public static bool IsClientType(INamedTypeSymbol? type) =>
            type?.Name is "RestClient" or "RestClientOptions" or "RestRequest" or "FlurlClient" or "FlurlRequest" or "Url"
            && RootNamespace(type) is "RestSharp" or "Flurl";

        /// <summary>
        /// The URL argument of a call that sends a request or opens a channel: <c>WebClient.DownloadString(address)</c>
        /// and its siblings, <c>RestService.For&lt;T&gt;(hostUrl)</c>, <c>GrpcChannel.ForAddress(address)</c>, Flurl's
        /// string extensions (<c>"https://…".GetAsync()</c>) and <c>Request(url)</c>.
        /// </summary>
        public static IArgumentOperation? UrlArgument(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            var webClient = type.Name == "WebClient" && RootNamespace(type) == "System";
            var refit = method.Name == "For" && type.Name == "RestService";
            var grpc = method.Name == "ForAddress" && type.Name == "GrpcChannel";
            var flurl = method.IsExtensionMethod && RootNamespace(type) == "Flurl";
            if (!webClient && !refit && !grpc && !flurl)
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    continue;
                }

                if ((webClient && parameter.Name == "address")
                    || (refit && parameter.Name is "hostUrl" or "baseUrl")
                    || (grpc && parameter.Name == "address")
                    || (flurl && parameter.Ordinal == 0 && parameter.Type.SpecialType == SpecialType.System_String))
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>
        /// A client call whose types do not resolve (the package is not restored, or the code is half typed), by its
        /// syntax alone: <c>new RestClient(…)</c>, <c>new RestClientOptions(…)</c>, <c>new RestRequest(…)</c>,
        /// <c>new FlurlClient(…)</c>, <c>new FlurlRequest(…)</c>, <c>RestService.For&lt;T&gt;(…)</c> and
        /// <c>GrpcChannel.ForAddress(…)</c>, qualified or not. Returns how a message names it and its first argument, the
        /// URL in each of these shapes; null for anything else.
        /// </summary>
        public static (string Sink, ArgumentSyntax Url)? UnresolvedCall(SyntaxNode syntax)
        {
            switch (syntax)
            {
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } creation:
                    var type = LastName(creation.Type);
                    return type is "RestClient" or "RestClientOptions" or "RestRequest" or "FlurlClient" or "FlurlRequest"
                        ? ("new " + type + "(…)", arguments[0])
                        : null;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: { Count: > 0 } arguments }:
                    var receiver = LastName(access.Expression);
                    var name = access.Name.Identifier.ValueText;
                    if ((receiver == "RestService" && name == "For") || (receiver == "GrpcChannel" && name == "ForAddress"))
                    {
                        return (receiver + "." + name + (access.Name is GenericNameSyntax ? "<T>" : string.Empty) + "(…)", arguments[0]);
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>How a message names a client method and its URL parameter: <c>RestService.For&lt;T&gt;(hostUrl)</c>.</summary>
        public static string Describe(IMethodSymbol method, IParameterSymbol parameter) =>
            (method.ContainingType is { } type ? type.Name + "." : string.Empty) + method.Name
            + (method.IsGenericMethod ? "<" + string.Join(", ", method.OriginalDefinition.TypeParameters.Select(p => p.Name)) + ">" : string.Empty)
            + "(" + parameter.Name + ")";

        private static string? LastName(SyntaxNode node) => node switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The URL argument of a RestSharp or Flurl constructor: <c>new RestClient("https://…")</c>, <c>new RestRequest(url)</c>.</summary>
        public static bool IsUrlConstructorArgument(INamedTypeSymbol type, IArgumentOperation argument) =>
            IsClientType(type)
            && argument.Parameter is { } parameter
            && (parameter.Type.SpecialType == SpecialType.System_String || parameter.Type.Name == "Uri")
            && parameter.Name is "baseUrl" or "baseUri" or "resource" or "url" or "uri" or "baseUrls";

        private static string RootNamespace(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace;
            while (ns is { ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns?.Name ?? string.Empty;
        }
    }
}
