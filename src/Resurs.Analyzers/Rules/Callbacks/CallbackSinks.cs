using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
                        && names.IsCallbackName(key)
                            ? new CallbackSink("key '" + key + "'", assignment.Syntax)
                            : null;
                case IMemberReferenceOperation member when member.Member is IPropertySymbol or IFieldSymbol:
                    if ((IsCallbackMember(member.Member, names) || (names.IsUrlName(member.Member.Name) && PathIsCallback(assignment, member, names)))
                        && !IsFrameworkType(member.Member.ContainingType))
                    {
                        return new CallbackSink(DescribePath(assignment, member.Member), assignment.Syntax);
                    }

                    return null;
                case ILocalReferenceOperation local when names.IsCallbackName(local.Local.Name):
                    return new CallbackSink("local '" + local.Local.Name + "'", assignment.Syntax);
                case IParameterReferenceOperation parameter when names.IsCallbackName(parameter.Parameter.Name):
                    return new CallbackSink("parameter '" + parameter.Parameter.Name + "'", assignment.Syntax);
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
            var named = names.IsCallbackName(parameter.Name)

                // registerEventCallback(eventType, uriTemplate, ...), SetWebhook(url), RegisterCallback(Uri)
                || (call is IInvocationOperation && names.IsCallbackName(method.Name) && (names.IsUrlName(parameter.Name) || IsOnlyUrlParameter(method, parameter)))

                // new CallbackUrl(url), new WebhookTarget(uri)
                || (call is IObjectCreationOperation && names.IsUrlName(parameter.Name) && names.IsCallbackName(method.ContainingType.Name));
            if (named && !IsFrameworkType(method.ContainingType))
            {
                var owner = call is IObjectCreationOperation ? "new " + method.ContainingType.Name : method.Name;
                return new CallbackSink(owner + "(" + parameter.Name + ")", argument.Syntax);
            }

            // dictionary.Add("callbackUrl", value) and { "callbackUrl", value } initializers
            if (call is IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" } && arguments.Length == 2 && parameter.Ordinal == 1
                && arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } && names.IsCallbackName(key))
            {
                return new CallbackSink("key '" + key + "'", argument.Syntax);
            }

            return null;
        }

        /// <summary>A property or field whose own name says callback, or a URL member of a type whose name says so.</summary>
        public static bool IsCallbackMember(ISymbol member, CallbackNames names) =>
            names.IsCallbackName(member.Name)
            || (names.IsUrlName(member.Name) && member.ContainingType is { IsAnonymousType: false } type && names.IsCallbackName(type.Name));

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

            return ns is { Name: "System" or "Microsoft" };
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
            foreach (var name in PathNames(assignment, member))
            {
                if (names.IsCallbackName(name))
                {
                    return true;
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
            var instance = member.Instance;
            for (var depth = 0; depth < MaxPathDepth && instance is IMemberReferenceOperation through; depth++)
            {
                yield return through.Member.Name;
                instance = through.Instance;
            }

            // Nested in initializers: new { callbacks = new { authorization = new { url = ... } } }
            IOperation current = assignment;
            for (var depth = 0; depth < MaxPathDepth * 3 && current.Parent is { } parent; depth++)
            {
                switch (parent)
                {
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation outer }:
                        yield return outer.Member.Name;
                        break;
                    case IArgumentOperation { Parameter: { } parameter }:
                        yield return parameter.Name;
                        break;
                    case IObjectCreationOperation { Type: { } type }:
                        yield return type.Name;
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

        /// <summary>"BookingRequest.CallbackUrl", or "callbacks.authorization.url" for anonymous objects.</summary>
        private static string DescribePath(IAssignmentOperation assignment, ISymbol member)
        {
            if (member.ContainingType is { IsAnonymousType: false })
            {
                return Describe(member);
            }

            var names = new List<string> { member.Name };
            IOperation current = assignment;
            for (var depth = 0; depth < MaxPathDepth * 3 && current.Parent is { } parent; depth++)
            {
                if (parent is ISimpleAssignmentOperation { Target: IMemberReferenceOperation outer })
                {
                    names.Insert(0, outer.Member.Name);
                }
                else if (parent is not (IAnonymousObjectCreationOperation or IObjectOrCollectionInitializerOperation or IConversionOperation))
                {
                    break;
                }

                current = parent;
            }

            return string.Join(".", names);
        }
    }
}
