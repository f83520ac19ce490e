using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// Decides what a certificate validation body returns, by running it on each of the eight <c>SslPolicyErrors</c> values.
    /// Locals, constants, comparisons, flag masks, <c>HasFlag</c>, patterns, <c>?:</c>, <c>??</c>, switches, loops and
    /// try/catch are followed path by path; anything else (the certificate, fields, calls) is unknown. An explicit
    /// <c>throw</c> rejects, and so may a call to a source method that contains one; calls into other assemblies are assumed
    /// to return normally. A bool helper in source that returns a constant on every path is folded. When an unknown value
    /// computed from the errors decides the outcome (<c>IsAcceptable(errors)</c>), the body is not judged for RES3002.
    /// A step budget keeps the cost bounded; over budget the verdict is <see cref="ValidatorKind.Unknown"/>.
    /// </summary>
    internal sealed partial class ValidatorEvaluator
    {
        private const int StepBudget = 6000;
        private const int MaxStates = 256;
        private const int MaxCallDepth = 3;
        private const int MaxNesting = 200;
        private const int AllErrors = CertificateFacts.NotAvailable | CertificateFacts.NameMismatch | CertificateFacts.ChainErrors;

        private readonly MethodBodies bodies;
        private readonly SemanticModel? model;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<IMethodSymbol> callStack = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

        /// <summary>The validator's own X509Chain and certificate parameters, when its <c>Build</c> is modelled (<see cref="RebuiltChain"/>).</summary>
        private (IParameterSymbol Chain, IParameterSymbol Certificate)? rebuiltChain;

        /// <summary>The SslPolicyErrors value of the current run.</summary>
        private int runErrors;

        /// <summary>Set when code evaluated since it was cleared asked <see cref="ChainBuildResult"/>: its answer holds for this run only.</summary>
        private bool readsRunErrors;
        private int steps;
        private int nesting;
        private bool failed;

        private ValidatorEvaluator(MethodBodies bodies, SemanticModel? model, CancellationToken cancellationToken)
        {
            this.bodies = bodies;
            this.model = model;
            this.cancellationToken = cancellationToken;
        }

        private enum ThrowKind
        {
            None,
            May,
            Always,
        }

        private enum Completion
        {
            Normal,
            Return,
            Throw,
            Break,
            Continue,
        }

        /// <summary>Judges <paramref name="body"/>; <paramref name="errors"/> is its SslPolicyErrors parameter, if it has one.</summary>
        public static ValidatorVerdict Evaluate(IBlockOperation body, IParameterSymbol? errors, MethodBodies bodies, CancellationToken cancellationToken)
        {
            var evaluator = new ValidatorEvaluator(bodies, body.SemanticModel, cancellationToken);
            return evaluator.Judge(body, errors);
        }

        /// <summary>The SslPolicyErrors parameter of a validator: the last parameter, when it has that type.</summary>
        public static IParameterSymbol? ErrorsParameter(IMethodSymbol? method, INamedTypeSymbol sslPolicyErrors)
        {
            if (method is null || method.Parameters.IsEmpty)
            {
                return null;
            }

            var last = method.Parameters[method.Parameters.Length - 1];
            return SymbolEqualityComparer.Default.Equals(last.Type, sslPolicyErrors) ? last : null;
        }

        /// <summary>Members whose comparison pins one certificate: its hash, thumbprint, public key or raw bytes.</summary>
        private static readonly System.Collections.Generic.HashSet<string> PinningMembers = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal)
        {
            "Thumbprint", "GetCertHash", "GetCertHashString", "GetPublicKey", "GetPublicKeyString", "PublicKey", "RawData",
            "GetRawCertData", "GetRawCertDataString", "ExportSubjectPublicKeyInfo",
        };

        /// <summary>
        /// True when every return that may accept certificate errors decides with a check of its own that an attacker
        /// cannot pass: it compares a pinned hash, thumbprint or public key, or it returns <c>chain.Build(…)</c> for a chain
        /// the body set to trust a custom root (<c>X509ChainTrustMode.CustomRootTrust</c>): custom-root validation, not
        /// acceptance of untrusted chains.
        /// </summary>
        private static bool AllCheckTheCertificateItself(List<IReturnOperation> accepting, IBlockOperation body)
        {
            if (accepting.Count == 0)
            {
                return false;
            }

            var customRoot = false;
            foreach (var operation in body.Descendants())
            {
                if (operation is IFieldReferenceOperation { Field: { Name: "CustomRootTrust", ContainingType.Name: "X509ChainTrustMode" } })
                {
                    customRoot = true;
                    break;
                }
            }

            foreach (var ret in accepting)
            {
                if (ret.ReturnedValue is not { } value || !ChecksTheCertificate(value, customRoot))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ChecksTheCertificate(IOperation value, bool customRoot)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation { TargetMethod.Name: "Build", Instance.Type.Name: "X509Chain" } when customRoot:
                        return true;
                    case IInvocationOperation { TargetMethod: var method } when PinningMembers.Contains(method.Name) && IsCertificate(method.ContainingType):
                        return true;
                    case IPropertyReferenceOperation { Property: var property } when PinningMembers.Contains(property.Name) && IsCertificate(property.ContainingType):
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the body starts by returning false for a null certificate (<c>if (certificate is null) return false;</c>,
        /// also with <c>||</c> and other checks): then a missing certificate is never accepted, whatever the errors say.
        /// </summary>
        private static bool RejectsMissingCertificate(IBlockOperation body)
        {
            foreach (var statement in body.Operations)
            {
                if (statement is not IConditionalOperation { WhenFalse: null } guard)
                {
                    continue;
                }

                var returnsFalse = guard.WhenTrue is IReturnOperation { ReturnedValue.ConstantValue: { HasValue: true, Value: false } }
                    || guard.WhenTrue is IBlockOperation { Operations.Length: 1 } block
                        && block.Operations[0] is IReturnOperation { ReturnedValue.ConstantValue: { HasValue: true, Value: false } };
                if (returnsFalse && TestsCertificateForNull(guard.Condition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TestsCertificateForNull(IOperation condition)
        {
            switch (condition)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return TestsCertificateForNull(or.LeftOperand) || TestsCertificateForNull(or.RightOperand);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    return IsNull(equals.RightOperand) && IsCertificateParameter(equals.LeftOperand)
                        || IsNull(equals.LeftOperand) && IsCertificateParameter(equals.RightOperand);
                case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var constant } } pattern:
                    return IsNull(constant) && IsCertificateParameter(pattern.Value);
                default:
                    return false;
            }
        }

        private static bool IsNull(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: null };

        private static bool IsCertificateParameter(IOperation operation) =>
            Conversions.Unwrap(operation) is IParameterReferenceOperation { Parameter.Type: var type } && IsCertificate(type);

        private static bool IsCertificate(ITypeSymbol? type) => type?.Name is "X509Certificate" or "X509Certificate2";

        private static bool Reads(IOperation body, IParameterSymbol parameter)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The validator's X509Chain parameter when the body calls its <c>Build</c> on the server's certificate (the
        /// certificate parameter, through a cast, <c>as</c> or a copy) and leaves its policy alone: that call rebuilds the
        /// chain the handshake built, so it returns false for chain errors and throws for a missing certificate, but it never
        /// checks the host name (see <see cref="ChainBuildResult"/>). Null when the body changes the policy (trust flags, a
        /// custom root: other rules judge those) or builds another chain or another certificate.
        /// </summary>
        private static (IParameterSymbol Chain, IParameterSymbol Certificate)? RebuiltChain(IBlockOperation body, IParameterSymbol errors)
        {
            if (errors.ContainingSymbol is not IMethodSymbol validator)
            {
                return null;
            }

            IParameterSymbol? chain = null;
            IParameterSymbol? certificate = null;
            foreach (var parameter in validator.Parameters)
            {
                switch (parameter.Type)
                {
                    case { Name: "X509Chain", ContainingNamespace.Name: "X509Certificates" }:
                        chain = parameter;
                        break;
                    case { Name: "X509Certificate" or "X509Certificate2", ContainingNamespace.Name: "X509Certificates" }:
                        certificate = parameter;
                        break;
                }
            }

            if (chain is null || certificate is null)
            {
                return null;
            }

            var builds = false;
            foreach (var operation in body.Descendants())
            {
                if (operation is IPropertyReferenceOperation { Property.Name: "ChainPolicy", Instance: IParameterReferenceOperation policyOwner }
                    && SymbolEqualityComparer.Default.Equals(policyOwner.Parameter, chain))
                {
                    return null;
                }

                builds |= operation is IInvocationOperation invocation && IsRebuild(invocation, chain, certificate);
            }

            return builds ? (chain, certificate) : null;
        }

        /// <summary><c>chain.Build(certificate)</c> on the validator's own chain and certificate.</summary>
        private static bool IsRebuild(IInvocationOperation invocation, IParameterSymbol chain, IParameterSymbol certificate)
        {
            if (invocation is not { TargetMethod.Name: "Build", Instance: IParameterReferenceOperation built, Arguments.Length: 1 }
                || !SymbolEqualityComparer.Default.Equals(built.Parameter, chain))
            {
                return false;
            }

            foreach (var operation in invocation.Arguments[0].Value.DescendantsAndSelf())
            {
                if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, certificate))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What <c>chain.Build(certificate)</c> returns on the validator's own chain and certificate
        /// (<see cref="rebuiltChain"/>) in the current run: false with chain errors or without a certificate, true
        /// otherwise, whatever the host name. A helper that asks it answers for this run only (<see cref="readsRunErrors"/>).
        /// </summary>
        private Value? ChainBuildResult(IInvocationOperation invocation)
        {
            if (rebuiltChain is not { } rebuilt || !IsRebuild(invocation, rebuilt.Chain, rebuilt.Certificate))
            {
                return null;
            }

            readsRunErrors = true;
            return Value.Of((runErrors & (CertificateFacts.ChainErrors | CertificateFacts.NotAvailable)) == 0, derived: true);
        }

        private ValidatorVerdict Judge(IBlockOperation body, IParameterSymbol? errors)
        {
            var readsErrors = errors is not null && Reads(body, errors);
            rebuiltChain = errors is null ? null : RebuiltChain(body, errors);
            var perErrors = readsErrors || rebuiltChain is not null;
            var runs = perErrors ? 8 : 1;
            var alwaysTrue = true;
            var anyOutcome = false;
            var accepted = 0;
            var opaque = false;
            var acceptingReturns = new List<IReturnOperation>();
            for (var value = 0; value < runs; value++)
            {
                var initial = new State();
                runErrors = value;
                if (errors is not null)
                {
                    initial.Env[errors] = Value.Of((long)value, derived: true);
                }

                var states = Exec(body, initial);
                if (failed)
                {
                    return ValidatorVerdict.Unknown;
                }

                foreach (var state in states)
                {
                    switch (state.Completion)
                    {
                        case Completion.Return:
                            anyOutcome = true;
                            var isTrue = state.Returned.IsTrue;
                            alwaysTrue &= isTrue;
                            var errorsLetThrough = perErrors ? value : AllErrors;
                            if ((isTrue || !state.Returned.Known) && errorsLetThrough != 0)
                            {
                                accepted |= errorsLetThrough;
                                opaque |= state.Opaque || (!state.Returned.Known && state.Returned.Derived);
                                if (state.ReturnOperation is not null && !acceptingReturns.Contains(state.ReturnOperation))
                                {
                                    acceptingReturns.Add(state.ReturnOperation);
                                }
                            }

                            break;
                        case Completion.Throw:
                            anyOutcome = true;
                            alwaysTrue = false;
                            break;
                        default:
                            // Falling off the end of a bool body: code that does not compile.
                            return ValidatorVerdict.Unknown;
                    }
                }
            }

            if (anyOutcome && alwaysTrue)
            {
                return new ValidatorVerdict(ValidatorKind.AcceptsEverything, AllErrors, !readsErrors, acceptingReturns.ToImmutableArray());
            }

            if (RejectsMissingCertificate(body))
            {
                accepted &= ~CertificateFacts.NotAvailable;
            }

            if (accepted != 0 && !AllCheckTheCertificateItself(acceptingReturns, body))
            {
                return opaque
                    ? ValidatorVerdict.Unknown
                    : new ValidatorVerdict(ValidatorKind.AcceptsSomeErrors, accepted, !readsErrors, acceptingReturns.ToImmutableArray());
            }

            return new ValidatorVerdict(ValidatorKind.Validates, 0, !readsErrors, ImmutableArray<IReturnOperation>.Empty);
        }

        private bool Tick()
        {
            if (failed)
            {
                return false;
            }

            if (++steps > StepBudget)
            {
                failed = true;
                return false;
            }

            if ((steps & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            return true;
        }

        /// <summary>Bounds the recursion: a generated 10,000-term condition must not overflow the analyzer's stack.</summary>
        private bool Enter()
        {
            if (++nesting > MaxNesting)
            {
                nesting--;
                failed = true;
                return false;
            }

            return true;
        }

        private List<State> Fail()
        {
            failed = true;
            return new List<State>();
        }
    }
}
