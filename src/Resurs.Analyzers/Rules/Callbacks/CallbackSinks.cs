using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Rules.Callbacks
{
    /// <summary>
    /// Recognises the places where a value becomes a callback URL: a member, local, parameter, named argument,
    /// anonymous-type member or dictionary key whose name says so; a URL member inside an object whose name says so
    /// (<c>callbacks.authorization.url</c>, <c>new CallbackUrl(url)</c>); or the URL argument of a method that registers a callback.
    /// </summary>
    internal static class CallbackSinks
    {
        private const int MaxPathDepth = 6;

        public static CallbackSink? FromAssignmentTarget(IAssignmentOperation assignment, CallbackNames names)
        {
            switch (assignment.Target)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                    return indexer.Arguments.Length == 1
                        && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }
                        && names.IsCallbackIn(key, EnclosingContext(assignment))
                            ? new CallbackSink("key '" + key + "'", assignment.Syntax, names.IsReturnAddress(key))
                            : null;
                case IMemberReferenceOperation member when member.Member is IPropertySymbol or IFieldSymbol:
                    if ((IsCallbackMember(member.Member, names) || (names.IsUrlName(member.Member.Name) && PathIsCallback(assignment, member, names))
                            || IsAnonymousPayloadMember(assignment, member.Member, names))
                        && !IsFrameworkType(member.Member.ContainingType))
                    {
                        var path = DescribePath(assignment, member.Member);
                        return new CallbackSink(path, assignment.Syntax, IsReturnAddress(names, member.Member.Name, path));
                    }

                    return null;
                case ILocalReferenceOperation local when names.IsCallbackIn(local.Local.Name, EnclosingContext(assignment)):
                    return new CallbackSink("local '" + local.Local.Name + "'", assignment.Syntax, names.IsReturnAddress(local.Local.Name));
                case IParameterReferenceOperation parameter when names.IsCallbackIn(parameter.Parameter.Name, EnclosingContext(assignment)):
                    return new CallbackSink("parameter '" + parameter.Parameter.Name + "'", assignment.Syntax, names.IsReturnAddress(parameter.Parameter.Name));
                default:
                    return null;
            }
        }

        public static CallbackSink? FromArgument(IOperation call, IArgumentOperation argument, ImmutableArray<IArgumentOperation> arguments, CallbackNames names)
        {
            var parameter = argument.Parameter;
            if (parameter is null)
            {
                return null;
            }

            var method = call switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };
            if (method is null)
            {
                return null;
            }

            // The name tests come first: they are cheap and almost always fail, and walking to the root namespace is not.
            var type = method.ContainingType;
            var named = (names.Mentions(parameter.Name) && names.IsCallbackIn(parameter.Name, Prepend(method.Name, TypeContext(type))))

                // registerEventCallback(eventType, uriTemplate, ...), SetWebhook(url), RegisterCallback(Uri)
                || (call is IInvocationOperation && names.Mentions(method.Name) && (names.IsUrlName(parameter.Name) || IsOnlyUrlParameter(method, parameter))
                    && names.IsCallbackIn(method.Name, TypeContext(type)))

                // new CallbackUrl(url), new WebhookTarget(uri)
                || (call is IObjectCreationOperation && names.IsUrlName(parameter.Name) && names.Mentions(type.Name) && names.IsCallbackIn(type.Name, TypeContext(type)));
            if (named && !IsFrameworkType(method.ContainingType))
            {
                var owner = call is IObjectCreationOperation ? "new " + method.ContainingType.Name : method.Name;
                return new CallbackSink(owner + "(" + parameter.Name + ")", argument.Syntax, IsReturnAddress(names, parameter.Name, method.Name));
            }

            // dictionary.Add("callbackUrl", value) and { "callbackUrl", value } initializers
            if (call is IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" } && arguments.Length == 2 && parameter.Ordinal == 1
                && arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } && names.Mentions(key) && names.IsCallbackIn(key, EnclosingContext(call)))
            {
                return new CallbackSink("key '" + key + "'", argument.Syntax, names.IsReturnAddress(key));
            }

            return null;
        }

        /// <summary>
        /// A generic name in an anonymous payload (<c>new { redirectionUrls = new { successUrl = … } }</c>) has no type to
        /// give it context: the method and type that build the payload do.
        /// </summary>
        private static bool IsAnonymousPayloadMember(IAssignmentOperation assignment, ISymbol member, CallbackNames names) =>
            member.ContainingType is { IsAnonymousType: true } && names.IsGenericCallbackName(member.Name)
            && names.IsCallbackIn(member.Name, EnclosingContext(assignment));

        /// <summary>
        /// Whether a sink is a customer's return address, judged on its own name, or on <paramref name="around"/> (the
        /// member path or the method) when the name is only "Url" or "Uri".
        /// </summary>
        public static bool IsReturnAddress(CallbackNames names, string name, string around) =>
            names.IsReturnAddress(names.IsUrlName(name) && Phrases.Words(name).Count == 1 ? around : name);

        /// <summary>
        /// A property or field whose own name says callback, or a URL member of a type whose name says so, judged with its
        /// type and namespace as context (<see cref="CallbackNames.IsCallbackIn"/>).
        /// </summary>
        public static bool IsCallbackMember(ISymbol member, CallbackNames names)
        {
            var type = member.ContainingType is { IsAnonymousType: false } named ? named : null;
            if (names.Mentions(member.Name))
            {
                return names.IsCallbackIn(member.Name, TypeContext(type));
            }

            return type is not null && names.IsUrlName(member.Name) && !names.IsSignIn(member.Name) && names.Mentions(type.Name)
                && names.IsCallbackIn(type.Name, TypeContext(type));
        }

        /// <summary>Clients whose URL arguments and properties are where a request goes, not where one comes back.</summary>
        private static readonly HashSet<string> OutboundTypes = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "HttpClient", "HttpMessageInvoker", "HttpRequestMessage", "WebRequest", "HttpWebRequest", "WebClient",
            "RestClient", "RestRequest", "RestClientOptions", "IRestClient", "FlurlClient", "FlurlRequest", "IFlurlClient",
            "IFlurlRequest", "Url", "GrpcChannel", "RestService", "Uri",

            // A SignalR hub or a web socket the application connects to: WithUrl(hubUrl), ConnectAsync(uri, …).
            "HubConnectionBuilder", "IHubConnectionBuilder", "ClientWebSocket",
        };

        /// <summary>
        /// True when a local is read only as the target of outbound requests: <c>client.PostAsync(notifyUrl, …)</c>,
        /// <c>new HttpRequestMessage(HttpMethod.Post, notifyUrl)</c>, <c>BaseAddress = new Uri(notifyUrl)</c>. Such a URL
        /// is one the application calls, whatever its name, so it is no callback. A local that is never read is not.
        /// </summary>
        public static bool IsOutboundOnly(IVariableDeclaratorOperation declarator)
        {
            var root = (IOperation)declarator;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            var reads = 0;
            foreach (var descendant in root.Descendants())
            {
                if (descendant is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol)
                    || reference.Parent is IAssignmentOperation { Target: var target } && target == reference)
                {
                    continue;
                }

                reads++;
                if (!IsOutbound(reference))
                {
                    return false;
                }
            }

            return reads > 0;
        }

        private static bool IsOutbound(IOperation value)
        {
            for (var depth = 0; depth < 4; depth++)
            {
                value = Conversions.Outermost(value);
                var parent = value.Parent;

                switch (parent)
                {
                    case IArgumentOperation { Parent: IObjectCreationOperation { Type.Name: "Uri" } creation }:
                        value = creation; // new Uri(notifyUrl) is outbound where the Uri goes
                        continue;
                    case IArgumentOperation { Parent: IInvocationOperation invocation }:
                        return IsOutboundMethod(invocation.TargetMethod);
                    case IArgumentOperation { Parent: IObjectCreationOperation { Type: { } created } }:
                        return OutboundTypes.Contains(created.Name);
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "BaseAddress" or "RequestUri" or "BaseUrl" } } assignment:
                        return assignment.Value == value;
                    case IInvocationOperation { Instance: var instance } invocation when instance == value:
                        return IsOutboundMethod(invocation.TargetMethod); // "https://…".PostJsonAsync() style
                    default:
                        return false;
                }
            }

            return false;
        }

        private static bool IsOutboundMethod(IMethodSymbol method) =>
            OutboundTypes.Contains(method.ContainingType?.Name ?? string.Empty)
            || (method.IsExtensionMethod && method.Parameters.Length > 0 && OutboundTypes.Contains(method.Parameters[0].Type.Name))
            || method.ContainingNamespace?.ToDisplayString().StartsWith("Flurl", System.StringComparison.Ordinal) == true;

        /// <summary>The names around code: the member it is in, then that member's type, containing types and namespaces.</summary>
        public static IEnumerable<string> EnclosingContext(IOperation operation)
        {
            var symbol = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                symbol = symbol.ContainingSymbol;
            }

            return symbol is null ? System.Array.Empty<string>() : Prepend(symbol.Name, TypeContext(symbol.ContainingType));
        }

        /// <summary>A type's name, its containing types' names and its namespace's parts, innermost first.</summary>
        public static IEnumerable<string> TypeContext(INamedTypeSymbol? type)
        {
            ISymbol? current = type;
            for (var depth = 0; depth < 12 && current is not null && current is not INamespaceSymbol { IsGlobalNamespace: true }; depth++)
            {
                if (current is not INamedTypeSymbol { IsAnonymousType: true })
                {
                    yield return current.Name;
                }

                current = current.ContainingSymbol;
            }
        }

        private static IEnumerable<string> Prepend(string first, IEnumerable<string> rest)
        {
            yield return first;
            foreach (var item in rest)
            {
                yield return item;
            }
        }

        /// <summary>"BookingRequest.CallbackUrl".</summary>
        public static string Describe(ISymbol member) =>
            member.ContainingType is { IsAnonymousType: false } type ? type.Name + "." + member.Name : member.Name;

        /// <summary>
        /// .NET and ASP.NET types (System.*, Microsoft.*) are never Resurs callback DTOs: OpenID Connect's RedirectUri or a
        /// logging sink's endpoint are not callbacks Resurs makes.
        /// </summary>
        private static bool IsFrameworkType(INamedTypeSymbol? type)
        {
            var ns = type?.ContainingNamespace;
            while (ns is { ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns is { Name: "System" or "Microsoft" or "Azure" or "Duende" or "IdentityServer4" or "IdentityModel" or "OpenIddict" or "Auth0" or "Okta" };
        }

        private static bool IsOnlyUrlParameter(IMethodSymbol method, IParameterSymbol parameter)
        {
            var count = 0;
            foreach (var candidate in method.Parameters)
            {
                if (candidate.Type.SpecialType == SpecialType.System_String || candidate.Type.Name == "Uri")
                {
                    count++;
                }
            }

            return count == 1 && (parameter.Type.SpecialType == SpecialType.System_String || parameter.Type.Name == "Uri");
        }

        /// <summary>
        /// True when a URL member sits inside something callback-ish: its containing type, the members it is reached through
        /// (<c>request.Callbacks.Authorization.Url</c>), or the initializers it is nested in (<c>callbacks = new { authorization = new { url } }</c>).
        /// </summary>
        private static bool PathIsCallback(IAssignmentOperation assignment, IMemberReferenceOperation member, CallbackNames names)
        {
            if (names.IsSignIn(member.Member.Name))
            {
                return false;
            }

            var path = new List<string>(PathNames(assignment, member));
            foreach (var name in path)
            {
                if (names.Mentions(name))
                {
                    // Notifications["email"] = new { url = … }: a mail, SMS or chat word on the path outweighs a generic name,
                    // as a configuration section does.
                    if (!names.IsCallbackName(name) && path.Exists(names.IsOtherChannel))
                    {
                        return false;
                    }

                    return names.IsCallbackIn(name, path.Concat(TypeContext(member.Member.ContainingType)).Concat(EnclosingContext(assignment)));
                }
            }

            return false;
        }

        private static IEnumerable<string> PathNames(IAssignmentOperation assignment, IMemberReferenceOperation member)
        {
            if (member.Member.ContainingType is { IsAnonymousType: false } containing)
            {
                yield return containing.Name;
            }

            // Reached through: request.Callbacks.Authorization.Url
            foreach (var name in InstancePath(member.Instance))
            {
                yield return name;
            }

            // Nested in initializers: new { callbacks = new { authorization = new { url = ... } } }
            foreach (var segment in PayloadPath(assignment))
            {
                switch (segment.Kind)
                {
                    case SegmentKind.Member:
                    case SegmentKind.Type:
                    case SegmentKind.Parameter:
                        yield return segment.Text;
                        break;
                    case SegmentKind.Key:
                        // body["callbacks"] = new { booked = new { url = … } }: the key is a name like a member's.
                        yield return segment.Text.Trim('[', ']', '"', '…');
                        break;
                    case SegmentKind.Request:
                        yield return "callbacks";
                        break;
                }
            }
        }

        private enum SegmentKind
        {
            /// <summary>A member name (<c>callbacks</c>, <c>Callbacks</c>).</summary>
            Member,

            /// <summary>A dictionary key, as written (<c>["booked"]</c>).</summary>
            Key,

            /// <summary>The type of an object created around the member.</summary>
            Type,

            /// <summary>The parameter a payload is passed for.</summary>
            Parameter,

            /// <summary>The path of a request the payload is the body of, which names callbacks (<see cref="RequestPath"/>).</summary>
            Request,
        }

        /// <summary>One step of the path above a payload member.</summary>
        private readonly struct PathSegment
        {
            public PathSegment(SegmentKind kind, string text)
            {
                Kind = kind;
                Text = text;
            }

            public SegmentKind Kind { get; }

            public string Text { get; }
        }

        /// <summary>
        /// The path above the member <paramref name="assignment"/> writes, innermost first, through the objects and
        /// dictionaries that hold it: member initializers (<c>callbacks = new { … }</c>), object creations (their type),
        /// dictionary entries by indexer, <c>Add</c> or collection initializer (the key, then the dictionary's own path:
        /// <c>r.Callbacks["management"] = new { url = … }</c>), an argument (its parameter), and the request a body is sent to
        /// (<see cref="RequestPath"/>).
        /// </summary>
        private static IEnumerable<PathSegment> PayloadPath(IAssignmentOperation assignment)
        {
            IOperation current = assignment;
            for (var depth = 0; depth < MaxPathDepth * 3 && current.Parent is { } parent; depth++)
            {
                switch (parent)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer }:
                        yield return new PathSegment(SegmentKind.Key, KeyOf(indexer.Arguments));
                        foreach (var name in InstancePath(indexer.Instance))
                        {
                            yield return new PathSegment(SegmentKind.Member, name);
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation outer }:
                        yield return new PathSegment(SegmentKind.Member, outer.Member.Name);
                        break;
                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd", Arguments.Length: 2 } add } entry
                        when entry.Parameter?.Ordinal == 1:
                        // dictionary.Add("booked", new { url = … }), or { "booked", new { url = … } } in an initializer.
                        yield return new PathSegment(SegmentKind.Key, KeyOf(add.Arguments));
                        if (!add.IsImplicit)
                        {
                            foreach (var name in InstancePath(add.Instance))
                            {
                                yield return new PathSegment(SegmentKind.Member, name);
                            }

                            yield break;
                        }

                        current = add;
                        continue;
                    case IArgumentOperation { Parameter: { } parameter } argument:
                        yield return new PathSegment(SegmentKind.Parameter, parameter.Name);

                        // client.PutAsJsonAsync("callbacks/BOOKED", new { url = … }): the request's path names the payload.
                        if (RequestPath(argument) is { } requestPath)
                        {
                            yield return new PathSegment(SegmentKind.Request, requestPath);
                            yield break;
                        }

                        // new CallbackRegistration(new Endpoint { Url = … }): the object created from it names it too.
                        break;
                    case IObjectCreationOperation { Type: { } type }:
                        yield return new PathSegment(SegmentKind.Type, type.Name);
                        break;
                    case IObjectOrCollectionInitializerOperation:
                    case IAnonymousObjectCreationOperation:
                    case IMemberInitializerOperation:
                    case IConversionOperation:
                        break;
                    default:
                        yield break;
                }

                current = parent;
            }
        }

        /// <summary>"["booked"]", the constant key of a dictionary entry, or "[…]".</summary>
        private static string KeyOf(ImmutableArray<IArgumentOperation> arguments) =>
            arguments.Length >= 1 && arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } ? "[\"" + key + "\"]" : "[…]";

        /// <summary>The member names an instance is reached through, innermost first: <c>request.Options.Callbacks</c> gives Callbacks, Options.</summary>
        private static IEnumerable<string> InstancePath(IOperation? instance)
        {
            for (var depth = 0; depth < MaxPathDepth && instance is IMemberReferenceOperation through; depth++)
            {
                yield return through.Member.Name;
                instance = through.Instance;
            }
        }

        /// <summary>
        /// The constant path of the request whose body <paramref name="body"/> is, when a segment of it is exactly
        /// "callbacks" or "webhooks" (or the singular): an argument of <c>HttpClient</c>'s <c>PostAsJsonAsync</c>,
        /// <c>PutAsJsonAsync</c>, <c>PatchAsJsonAsync</c>, <c>PostAsync</c> and the like beside a constant
        /// <c>requestUri</c> ("callbacks/BOOKED", "v2/callbacks/test"). Null for any other argument or path
        /// ("api/callbackStats", "internal/notifications").
        /// </summary>
        private static string? RequestPath(IArgumentOperation body)
        {
            if (body.Parent is not IInvocationOperation { TargetMethod: { Name: var method, ContainingType.Name: var type } } call
                || !type.StartsWith("HttpClient", System.StringComparison.Ordinal)
                || !(method.StartsWith("Post", System.StringComparison.Ordinal) || method.StartsWith("Put", System.StringComparison.Ordinal)
                    || method.StartsWith("Patch", System.StringComparison.Ordinal)))
            {
                return null;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument != body && argument.Parameter?.Name == "requestUri" && argument.Value.ConstantValue is { HasValue: true, Value: string path })
                {
                    foreach (var segment in path.Split('/', '?'))
                    {
                        if (CallbackNames.IsCallbackNoun(segment))
                        {
                            return path;
                        }
                    }

                    return null;
                }
            }

            return null;
        }

        /// <summary>"BookingRequest.CallbackUrl", or "callbacks.authorization.url" for anonymous objects.</summary>
        private static string DescribePath(IAssignmentOperation assignment, ISymbol member)
        {
            if (member.ContainingType is { IsAnonymousType: false })
            {
                return Describe(member);
            }

            // Outermost first, as a reader writes it: Callbacks["authorization"].url, url in the body sent to callbacks/BOOKED.
            var names = new List<string> { member.Name };
            foreach (var segment in PayloadPath(assignment))
            {
                switch (segment.Kind)
                {
                    case SegmentKind.Member:
                    case SegmentKind.Key:
                        names.Insert(0, segment.Text);
                        break;
                    case SegmentKind.Request:
                        names.Add(" in the body sent to " + segment.Text);
                        break;
                }
            }

            var path = new System.Text.StringBuilder();
            foreach (var name in names)
            {
                if (path.Length > 0 && name[0] != '[' && name[0] != ' ')
                {
                    path.Append('.');
                }

                path.Append(name);
            }

            return path.ToString();
        }
    }
}
