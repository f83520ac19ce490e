using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// The verdicts on a compilation's validators, shared by RES3001/RES3002 (which report them) and RES3003 (which stays
    /// silent on an object whose validator accepts every certificate). A method's verdict is computed once.
    /// </summary>
    internal sealed class ValidatorJudge
    {
        /// <summary>The properties that install a certificate validation callback on a handler or options object.</summary>
        public static readonly ImmutableHashSet<string> CallbackProperties = ImmutableHashSet.Create(
            System.StringComparer.Ordinal,
            "ServerCertificateCustomValidationCallback",
            "ServerCertificateValidationCallback",
            "RemoteCertificateValidationCallback",
            "CertificateValidationCallback");

        private readonly ConcurrentDictionary<IMethodSymbol, ValidatorVerdict> methodVerdicts = new ConcurrentDictionary<IMethodSymbol, ValidatorVerdict>(SymbolEqualityComparer.Default);

        public ValidatorJudge(MethodBodies bodies, INamedTypeSymbol? sslPolicyErrors, INamedTypeSymbol? httpClientHandler)
        {
            Bodies = bodies;
            SslPolicyErrors = sslPolicyErrors;
            HttpClientHandler = httpClientHandler;
        }

        public MethodBodies Bodies { get; }

        public INamedTypeSymbol? SslPolicyErrors { get; }

        public INamedTypeSymbol? HttpClientHandler { get; }

        /// <summary>The verdict on a source method used as a validator (its body judged once per compilation).</summary>
        public ValidatorVerdict JudgeMethod(IMethodSymbol method, SemanticModel? hint, CancellationToken cancellationToken) =>
            methodVerdicts.GetOrAdd(method.OriginalDefinition, m =>
            {
                var body = Bodies.Find(m, hint, cancellationToken);
                return body is null
                    ? ValidatorVerdict.Unknown
                    : ValidatorEvaluator.Evaluate(body, SslPolicyErrors is null ? null : ValidatorEvaluator.ErrorsParameter(m, SslPolicyErrors), Bodies, cancellationToken);
            });

        /// <summary>The verdict on a lambda or anonymous method.</summary>
        public ValidatorVerdict JudgeFunction(IAnonymousFunctionOperation function, CancellationToken cancellationToken) =>
            ValidatorEvaluator.Evaluate(
                function.Body,
                SslPolicyErrors is null ? null : ValidatorEvaluator.ErrorsParameter(function.Symbol, SslPolicyErrors),
                Bodies,
                cancellationToken);

        /// <summary>
        /// True when <paramref name="value"/>, written to a validation callback property, accepts every certificate: an
        /// always-true lambda or method group, or <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>.
        /// </summary>
        public bool AcceptsEverything(IOperation value, CancellationToken cancellationToken)
        {
            while (value is IConversionOperation or IParenthesizedOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
            }

            switch (value)
            {
                case IPropertyReferenceOperation { Property: { Name: "DangerousAcceptAnyServerCertificateValidator" } property }:
                    return SymbolEqualityComparer.Default.Equals(property.ContainingType, HttpClientHandler);
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation function }:
                    return JudgeFunction(function, cancellationToken).Kind == ValidatorKind.AcceptsEverything;
                case IDelegateCreationOperation { Target: IMethodReferenceOperation reference }:
                    return JudgeMethod(reference.Method, value.SemanticModel, cancellationToken).Kind == ValidatorKind.AcceptsEverything;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when the object <paramref name="configured"/> belongs to also gets a validation callback that accepts every
        /// certificate: in the same object initializer, or through the same local, parameter, field or static class in
        /// the same block of <paramref name="code"/> (a callback installed only under a condition leaves revocation
        /// mattering on the other path). Its other certificate settings (revocation) then no longer matter.
        /// </summary>
        public bool ObjectAcceptsEverything(IPropertyReferenceOperation configured, IOperation code, CancellationToken cancellationToken)
        {
            if (configured.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                if (configured.Parent?.Parent is not IObjectOrCollectionInitializerOperation initializer)
                {
                    return false;
                }

                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target, Value: var value }
                        && CallbackProperties.Contains(target.Property.Name)
                        && AcceptsEverything(value, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }

            var block = EnclosingBlock(configured);
            if (block is null)
            {
                return false;
            }

            foreach (var operation in code.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target, Value: var value }
                    && CallbackProperties.Contains(target.Property.Name)
                    && SameObject(target, configured)
                    && EnclosingBlock(target) == block
                    && AcceptsEverything(value, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// As <see cref="ObjectAcceptsEverything"/>, where the types do not resolve: <paramref name="assignment"/> writes a
        /// setting by name (<c>client.CheckCertificateRevocation = false</c>), and a validation callback written by name on
        /// the same receiver (the same text) in the same block, or in the same object initializer, accepts every
        /// certificate (judged by its body, <see cref="AcceptsEverything"/>, or, unconverted, as a lambda).
        /// </summary>
        public bool ObjectAcceptsEverythingByName(IAssignmentOperation assignment, CancellationToken cancellationToken)
        {
            if (assignment.SemanticModel is not { } model || assignment.Syntax is not AssignmentExpressionSyntax written)
            {
                return false;
            }

            IEnumerable<ExpressionSyntax> siblings;
            string? receiver = null;
            switch (written.Parent)
            {
                case InitializerExpressionSyntax initializer:
                    siblings = initializer.Expressions;
                    break;
                case ExpressionStatementSyntax { Parent: BlockSyntax block } when written.Left is MemberAccessExpressionSyntax access:
                    receiver = access.Expression.ToString();
                    siblings = block.Statements.OfType<ExpressionStatementSyntax>().Select(statement => statement.Expression);
                    break;
                default:
                    return false;
            }

            foreach (var sibling in siblings)
            {
                if (sibling is AssignmentExpressionSyntax { Left: var left, Right: var right } other
                    && other != written
                    && CertificateFacts.AssignedMemberName(left) is { } name
                    && CallbackProperties.Contains(name)
                    && (receiver is null || left is MemberAccessExpressionSyntax { Expression: var otherReceiver } && otherReceiver.ToString() == receiver)
                    && model.GetOperation(right, cancellationToken) is { } value
                    && (AcceptsEverything(value, cancellationToken)
                        || value is IAnonymousFunctionOperation function && JudgeFunction(function, cancellationToken).Kind == ValidatorKind.AcceptsEverything))
                {
                    return true;
                }
            }

            return false;
        }

        private static IBlockOperation? EnclosingBlock(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IBlockOperation block)
                {
                    return block;
                }
            }

            return null;
        }

        /// <summary>Two member accesses on the same object: the same local, parameter, field or property chain, or both static on one type.</summary>
        private static bool SameObject(IPropertyReferenceOperation a, IPropertyReferenceOperation b)
        {
            if (a.Instance is null || b.Instance is null)
            {
                return a.Instance is null && b.Instance is null && SymbolEqualityComparer.Default.Equals(a.Property.ContainingType, b.Property.ContainingType);
            }

            return SameReference(a.Instance, b.Instance, 0);
        }

        private static bool SameReference(IOperation a, IOperation b, int depth)
        {
            if (depth > 8)
            {
                return false;
            }

            switch (a)
            {
                case ILocalReferenceOperation local:
                    return b is ILocalReferenceOperation other && SymbolEqualityComparer.Default.Equals(local.Local, other.Local);
                case IParameterReferenceOperation parameter:
                    return b is IParameterReferenceOperation otherParameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, otherParameter.Parameter);
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return b is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
                case IMemberReferenceOperation member:
                    if (b is not IMemberReferenceOperation otherMember || !SymbolEqualityComparer.Default.Equals(member.Member, otherMember.Member))
                    {
                        return false;
                    }

                    return member.Instance is null
                        ? otherMember.Instance is null
                        : otherMember.Instance is not null && SameReference(member.Instance, otherMember.Instance, depth + 1);
                default:
                    return false;
            }
        }
    }
}
