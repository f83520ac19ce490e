using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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

                if (parent is ILocalFunctionOperation)
                {
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
        public bool ComesFromCreateSelfSigned(IOperation value) =>
            ComesFromCreateSelfSigned(value, Root(value), new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0);

        private bool ComesFromCreateSelfSigned(IOperation value, IOperation root, HashSet<ISymbol> visited, int depth)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            switch (value)
            {
                case IInvocationOperation invocation when IsCreateSelfSigned(invocation):
                    return true;
                case IInvocationOperation { Instance: { } instance, TargetMethod.Name: "Export" }:
                    return ComesFromCreateSelfSigned(instance, root, visited, depth + 1);
                case IInvocationOperation invocation when CarriesCertificate(invocation):
                    return AnyArgumentComesFromCreateSelfSigned(invocation.Arguments, root, visited, depth);
                case IObjectCreationOperation creation when CarriesCertificate(creation):
                    return AnyArgumentComesFromCreateSelfSigned(creation.Arguments, root, visited, depth)
                        || (creation.Initializer is { } initializer && initializer.Initializers.Any(
                            added => added is IInvocationOperation add && AnyArgumentComesFromCreateSelfSigned(add.Arguments, root, visited, depth)));
                case ILocalReferenceOperation reference:
                    if (!visited.Add(reference.Local))
                    {
                        return false;
                    }

                    foreach (var written in WritesOf(reference.Local, root))
                    {
                        if (ComesFromCreateSelfSigned(written, root, visited, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private bool AnyArgumentComesFromCreateSelfSigned(ImmutableArray<IArgumentOperation> arguments, IOperation root, HashSet<ISymbol> visited, int depth)
        {
            foreach (var argument in arguments)
            {
                if (ComesFromCreateSelfSigned(argument.Value, root, visited, depth + 1))
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
