using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>A place where a certificate is served to TLS clients: Kestrel or an SslStream acting as server.</summary>
    internal readonly struct ServedAt
    {
        public ServedAt(string description, IOperation operation)
        {
            Description = description;
            Operation = operation;
        }

        /// <summary>"Kestrel (UseHttps)", "SslStream.AuthenticateAsServer".</summary>
        public string Description { get; }

        public IOperation Operation { get; }
    }

    /// <summary>
    /// Follows certificates made by <c>CertificateRequest.CreateSelfSigned</c> within one method: through locals, copies
    /// (<c>new X509Certificate2(cert.Export(...))</c>, <c>X509CertificateLoader</c>, <c>SslStreamCertificateContext.Create</c>)
    /// and, forward only, the return of a helper to its callers in the same file. Created once per compilation.
    /// </summary>
    internal sealed class SelfSignedCertificates
    {
        private const int MaxDepth = 4;

        private readonly INamedTypeSymbol certificateRequest;
        private readonly INamedTypeSymbol? certificate;

        public SelfSignedCertificates(INamedTypeSymbol certificateRequest, INamedTypeSymbol? certificate)
        {
            this.certificateRequest = certificateRequest;
            this.certificate = certificate;
        }

        public bool IsCreateSelfSigned(IInvocationOperation invocation) =>
            invocation.TargetMethod.Name == "CreateSelfSigned"
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, certificateRequest);

        /// <summary>Where the certificate <paramref name="value"/> ends up being served, if anywhere.</summary>
        public ServedAt? FindServer(IOperation value, CancellationToken cancellationToken) =>
            FindServer(value, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0, cancellationToken);

        private ServedAt? FindServer(IOperation value, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            var current = value;
            while (current.Parent is { } parent)
            {
                switch (parent)
                {
                    case IConversionOperation:
                    case ICoalesceOperation:
                    case IConditionalOperation { Condition: var condition } when condition != current:
                        current = parent;
                        continue;
                    case IArgumentOperation argument:
                        if (IsServerCertificate(argument.Parameter?.Name, argument.Parameter?.Type))
                        {
                            return new ServedAt(Describe(argument.Parameter!.ContainingSymbol), argument);
                        }

                        if (argument.Parent is { } call && CarriesCertificate(call))
                        {
                            current = call;
                            continue;
                        }

                        return null;
                    case IInvocationOperation { Instance: { } instance } invocation when instance == current:
                        // cert.Export(...): the bytes are only interesting when they become a certificate again.
                        if (invocation.TargetMethod.Name == "Export")
                        {
                            current = invocation;
                            continue;
                        }

                        return null;
                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        switch (assignment.Target)
                        {
                            case IPropertyReferenceOperation property when IsServerCertificate(property.Property.Name, property.Property.Type):
                                return new ServedAt(Describe(property.Property), assignment);
                            case ILocalReferenceOperation local:
                                return FindServerOfLocal(local.Local, assignment, visited, depth, cancellationToken);
                            default:
                                return null;
                        }

                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return FindServerOfLocal(declarator.Symbol, parent, visited, depth, cancellationToken);
                    case IReturnOperation returnOperation:
                        return FindServerOfReturn(returnOperation, visited, depth, cancellationToken);
                    default:
                        return null;
                }
            }

            return null;
        }

        private ServedAt? FindServerOfLocal(ILocalSymbol local, IOperation anyInBody, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
        {
            if (!visited.Add(local))
            {
                return null;
            }

            foreach (var operation in Root(anyInBody).Descendants())
            {
                if (operation is ILocalReferenceOperation reference
                    && !reference.IsDeclaration
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !(reference.Parent is IAssignmentOperation { Target: var target } && target == reference)
                    && FindServer(reference, visited, depth + 1, cancellationToken) is { } served)
                {
                    return served;
                }
            }

            return null;
        }

        private ServedAt? FindServerOfReturn(IReturnOperation returnOperation, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
        {
            // Returned from a lambda: served when the lambda is a ServerCertificateSelector.
            for (var parent = returnOperation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation)
                {
                    return parent.Parent is IDelegateCreationOperation { Parent: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation selector } assignment }
                        && selector.Property.Name == "ServerCertificateSelector"
                        ? new ServedAt(Describe(selector.Property), assignment)
                        : null;
                }

                if (parent is ILocalFunctionOperation localFunction)
                {
                    // A local function helper (a static one in top-level Program.cs): follow its calls in the code around it.
                    if (!visited.Add(localFunction.Symbol))
                    {
                        return null;
                    }

                    foreach (var operation in Root(localFunction).Descendants())
                    {
                        if (operation is IInvocationOperation call
                            && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, localFunction.Symbol)
                            && FindServer(call, visited, depth + 1, cancellationToken) is { } served)
                        {
                            return served;
                        }
                    }

                    return null;
                }
            }

            // Returned from a helper method: follow its calls in the same file.
            var model = returnOperation.SemanticModel;
            if (model?.GetEnclosingSymbol(returnOperation.Syntax.SpanStart, cancellationToken) is not IMethodSymbol method
                || !visited.Add(method))
            {
                return null;
            }

            foreach (var invocation in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = invocation.Expression switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    _ => null,
                };
                if (name == method.Name
                    && model.GetOperation(invocation, cancellationToken) is IInvocationOperation call
                    && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition)
                    && FindServer(call, visited, depth + 1, cancellationToken) is { } served)
                {
                    return served;
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="value"/> is a certificate that CreateSelfSigned made in the same method.</summary>
        public bool ComesFromCreateSelfSigned(IOperation value) => CreatedBy(value) is not null;

        /// <summary>The <c>CreateSelfSigned</c> call in the same method that made the certificate <paramref name="value"/>, if one did.</summary>
        public IInvocationOperation? CreatedBy(IOperation value) =>
            CreatedBy(value, Root(value), new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0);

        private IInvocationOperation? CreatedBy(IOperation value, IOperation root, HashSet<ISymbol> visited, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            value = Conversions.Unwrap(value);

            switch (value)
            {
                case IInvocationOperation invocation when IsCreateSelfSigned(invocation):
                    return invocation;
                case IInvocationOperation { Instance: { } instance, TargetMethod.Name: "Export" }:
                    return CreatedBy(instance, root, visited, depth + 1);
                case IInvocationOperation invocation when CarriesCertificate(invocation):
                    return CreatedByAnyArgument(invocation.Arguments, root, visited, depth);
                case IObjectCreationOperation creation when CarriesCertificate(creation):
                    if (CreatedByAnyArgument(creation.Arguments, root, visited, depth) is { } copied)
                    {
                        return copied;
                    }

                    foreach (var added in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                    {
                        if (added is IInvocationOperation add && CreatedByAnyArgument(add.Arguments, root, visited, depth) is { } collected)
                        {
                            return collected;
                        }
                    }

                    return null;
                case ILocalReferenceOperation reference:
                    if (!visited.Add(reference.Local))
                    {
                        return null;
                    }

                    foreach (var written in WritesOf(reference.Local, root))
                    {
                        if (CreatedBy(written, root, visited, depth + 1) is { } created)
                        {
                            return created;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private IInvocationOperation? CreatedByAnyArgument(ImmutableArray<IArgumentOperation> arguments, IOperation root, HashSet<ISymbol> visited, int depth)
        {
            foreach (var argument in arguments)
            {
                if (CreatedBy(argument.Value, root, visited, depth + 1) is { } created)
                {
                    return created;
                }
            }

            return null;
        }

        /// <summary>
        /// Where <paramref name="operation"/> hands a certificate to a server: the value of a <c>serverCertificate</c>
        /// argument (UseHttps, AuthenticateAsServer) or of an assignment to <c>ServerCertificate</c> or
        /// <c>ServerCertificateContext</c>; null elsewhere.
        /// </summary>
        public (IOperation Value, ServedAt Served)? ServedValue(IOperation operation)
        {
            switch (operation)
            {
                case IArgumentOperation { Parameter: { } parameter } argument when IsServerCertificate(parameter.Name, parameter.Type):
                    return (argument.Value, new ServedAt(Describe(parameter.ContainingSymbol), argument));
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    when IsServerCertificate(property.Property.Name, property.Property.Type):
                    return (assignment.Value, new ServedAt(Describe(property.Property), assignment));
                default:
                    return null;
            }
        }

        /// <summary>
        /// The call, in <paramref name="value"/>'s own method, of a helper declared in another file that returns a certificate
        /// CreateSelfSigned made (directly, through its locals and copies, or through another such helper, a few levels
        /// deep), with that CreateSelfSigned call. Same-file helpers are the forward search's (<see cref="FindServer(IOperation, CancellationToken)"/>).
        /// </summary>
        public (IInvocationOperation Call, IInvocationOperation Created)? HelperInOtherFile(IOperation value, MethodBodies bodies, CancellationToken cancellationToken) =>
            HelperCall(value, Root(value), bodies, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0, cancellationToken);

        private (IInvocationOperation Call, IInvocationOperation Created)? HelperCall(
            IOperation value, IOperation root, MethodBodies bodies, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            value = Conversions.Unwrap(value);

            switch (value)
            {
                case IInvocationOperation { Instance: { } instance, TargetMethod.Name: "Export" }:
                    return HelperCall(instance, root, bodies, visited, depth + 1, cancellationToken);
                case IInvocationOperation invocation when CarriesCertificate(invocation):
                    return HelperCallInArguments(invocation.Arguments, root, bodies, visited, depth, cancellationToken);
                case IObjectCreationOperation creation when CarriesCertificate(creation):
                    return HelperCallInArguments(creation.Arguments, root, bodies, visited, depth, cancellationToken);
                case IInvocationOperation call when IsOtherFileHelper(call.TargetMethod, value.Syntax.SyntaxTree)
                    && ReturnedSelfSigned(call.TargetMethod, bodies, visited, depth + 1, cancellationToken) is { } created:
                    return (call, created);
                case ILocalReferenceOperation reference when visited.Add(reference.Local):
                    foreach (var written in WritesOf(reference.Local, root))
                    {
                        if (HelperCall(written, root, bodies, visited, depth + 1, cancellationToken) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private (IInvocationOperation Call, IInvocationOperation Created)? HelperCallInArguments(
            ImmutableArray<IArgumentOperation> arguments, IOperation root, MethodBodies bodies, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
        {
            foreach (var argument in arguments)
            {
                if (HelperCall(argument.Value, root, bodies, visited, depth + 1, cancellationToken) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>The CreateSelfSigned call whose certificate a source helper returns, through its locals or a helper it calls.</summary>
        private IInvocationOperation? ReturnedSelfSigned(IMethodSymbol method, MethodBodies bodies, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth || !visited.Add(method.OriginalDefinition) || !CertificateFacts.IsOrDerives(method.ReturnType, certificate)
                || bodies.Find(method.OriginalDefinition, null, cancellationToken) is not { } body)
            {
                return null;
            }

            foreach (var operation in body.Descendants())
            {
                if (operation is IReturnOperation { ReturnedValue: { } returned } && !InNestedFunction(operation, body))
                {
                    if (CreatedBy(returned) is { } created)
                    {
                        return created;
                    }

                    if (Conversions.Unwrap(returned) is IInvocationOperation inner && inner.TargetMethod.DeclaringSyntaxReferences.Length > 0
                        && ReturnedSelfSigned(inner.TargetMethod, bodies, visited, depth + 1, cancellationToken) is { } deeper)
                    {
                        return deeper;
                    }
                }
            }

            return null;
        }

        private static bool IsOtherFileHelper(IMethodSymbol method, SyntaxTree useTree)
        {
            var references = method.OriginalDefinition.DeclaringSyntaxReferences;
            return references.Length > 0 && references[0].SyntaxTree != useTree;
        }

        private static bool InNestedFunction(IOperation operation, IOperation body)
        {
            for (var parent = operation.Parent; parent is not null && parent != body; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<IOperation> WritesOf(ILocalSymbol local, IOperation root)
        {
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        yield return initial;
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        yield return assignment.Value;
                        break;
                }
            }
        }

        /// <summary>A call whose result is the certificate passed in: an X509Certificate2(Collection) constructor, X509CertificateLoader, SslStreamCertificateContext.Create.</summary>
        private bool CarriesCertificate(IOperation call)
        {
            switch (call)
            {
                case IObjectCreationOperation creation:
                    return CertificateFacts.IsOrDerives(creation.Type, certificate) || creation.Type?.Name == "X509Certificate2Collection";
                case IInvocationOperation invocation:
                    var type = invocation.TargetMethod.ContainingType?.Name;
                    return invocation.TargetMethod.IsStatic
                        && (type == "X509CertificateLoader" || (type == "SslStreamCertificateContext" && invocation.TargetMethod.Name == "Create"));
                default:
                    return false;
            }
        }

        /// <summary>A <c>serverCertificate</c> parameter or <c>ServerCertificate</c> property of a certificate type, or a <c>ServerCertificateContext</c>.</summary>
        private bool IsServerCertificate(string? name, ITypeSymbol? type) =>
            (string.Equals(name, "serverCertificate", StringComparison.OrdinalIgnoreCase) && CertificateFacts.IsOrDerives(type, certificate))
            || (string.Equals(name, "ServerCertificateContext", StringComparison.Ordinal) && type?.Name == "SslStreamCertificateContext");

        /// <summary>"Kestrel (UseHttps)", "Kestrel (HttpsConnectionAdapterOptions.ServerCertificate)", "SslStream.AuthenticateAsServer".</summary>
        private static string Describe(ISymbol member)
        {
            var type = member.ContainingType;
            var memberName = member.Name;
            var ns = type?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            {
                return type!.Name == "ListenOptionsHttpsExtensions" ? "Kestrel (" + memberName + ")" : "Kestrel (" + type.Name + "." + memberName + ")";
            }

            return type is null ? memberName : type.Name + "." + memberName;
        }

        private static IOperation Root(IOperation operation)
        {
            var root = operation;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            return root;
        }
    }
}
