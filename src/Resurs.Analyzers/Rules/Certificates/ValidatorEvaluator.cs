using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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

        private ValidatorVerdict Judge(IBlockOperation body, IParameterSymbol? errors)
        {
            var readsErrors = errors is not null && Reads(body, errors);
            var runs = readsErrors ? 8 : 1;
            var alwaysTrue = true;
            var anyOutcome = false;
            var accepted = 0;
            var opaque = false;
            var acceptingReturns = new List<IReturnOperation>();
            for (var value = 0; value < runs; value++)
            {
                var initial = new State();
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
                            var errorsLetThrough = readsErrors ? value : AllErrors;
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

            if (accepted != 0)
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
