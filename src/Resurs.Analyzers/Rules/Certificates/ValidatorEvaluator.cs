using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Certificates
{
    internal enum ValidatorKind
    {
        /// <summary>The body could not be judged (too large, goto, unsupported code): stay silent.</summary>
        Unknown,

        /// <summary>Every path returns true, whatever the certificate and its errors (RES3001).</summary>
        AcceptsEverything,

        /// <summary>Some path returns true (or may) while the errors are not <c>None</c> (RES3002).</summary>
        AcceptsSomeErrors,

        /// <summary>Returns true only for <c>SslPolicyErrors.None</c>, or never.</summary>
        Validates,
    }

    /// <summary>What a certificate validation body does with each <c>SslPolicyErrors</c> value.</summary>
    internal sealed class ValidatorVerdict
    {
        public static readonly ValidatorVerdict Unknown = new ValidatorVerdict(ValidatorKind.Unknown, 0, false, ImmutableArray<IReturnOperation>.Empty);

        public ValidatorVerdict(ValidatorKind kind, int acceptedErrors, bool neverReadsErrors, ImmutableArray<IReturnOperation> acceptingReturns)
        {
            Kind = kind;
            AcceptedErrors = acceptedErrors;
            NeverReadsErrors = neverReadsErrors;
            AcceptingReturns = acceptingReturns;
        }

        public ValidatorKind Kind { get; }

        /// <summary>The union of the SslPolicyErrors bits for which some path may return true.</summary>
        public int AcceptedErrors { get; }

        /// <summary>True when the body never reads its SslPolicyErrors parameter (or has none).</summary>
        public bool NeverReadsErrors { get; }

        /// <summary>The return statements that may return true while the errors are not <c>None</c>.</summary>
        public ImmutableArray<IReturnOperation> AcceptingReturns { get; }
    }

    /// <summary>
    /// Decides what a certificate validation body returns, by running it on each of the eight <c>SslPolicyErrors</c> values.
    /// Locals, constants, comparisons, flag masks, <c>HasFlag</c>, patterns, <c>?:</c>, <c>??</c>, switches, loops and
    /// try/catch are followed path by path; anything else (the certificate, fields, calls) is unknown. An explicit
    /// <c>throw</c> rejects, and so may a call to a source method that contains one; calls into other assemblies are assumed
    /// to return normally. A bool helper in source that returns a constant on every path is folded. When an unknown value
    /// computed from the errors decides the outcome (<c>IsAcceptable(errors)</c>), the body is not judged for RES3002.
    /// A step budget keeps the cost bounded; over budget the verdict is <see cref="ValidatorKind.Unknown"/>.
    /// </summary>
    internal sealed class ValidatorEvaluator
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

        // ---------------------------------------------------------------- statements

        private List<State> Exec(IOperation operation, State state)
        {
            if (!Tick() || !Enter())
            {
                return new List<State>();
            }

            try
            {
                return ExecCore(operation, state);
            }
            finally
            {
                nesting--;
            }
        }

        private List<State> ExecCore(IOperation operation, State state)
        {
            switch (operation)
            {
                case IBlockOperation block:
                    return ExecSequence(block.Operations, state);
                case IVariableDeclarationGroupOperation group:
                    return ExecDeclarations(group, state);
                case IUsingDeclarationOperation usingDeclaration:
                    return ExecDeclarations(usingDeclaration.DeclarationGroup, state);
                case IExpressionStatementOperation statement:
                    return Continue(state, Eval(statement.Operation, state), (next, _) => Single(next));
                case IReturnOperation { Kind: OperationKind.Return } returnOperation when returnOperation.ReturnedValue is not null:
                    return Continue(state, Eval(returnOperation.ReturnedValue, state), (next, value) =>
                    {
                        next.Completion = Completion.Return;
                        next.Returned = value;
                        next.ReturnOperation = returnOperation;
                        return Single(next);
                    });
                case IThrowOperation:
                    return Continue(state, Eval(operation, state), (next, _) => Single(next));
                case IConditionalOperation conditional:
                    return ExecIf(conditional, state);
                case ISwitchOperation switchOperation:
                    return ExecSwitch(switchOperation, state);
                case ILoopOperation loop:
                    return ExecLoop(loop, state);
                case ITryOperation tryOperation:
                    return ExecTry(tryOperation, state);
                case IUsingOperation usingOperation:
                    var afterResources = usingOperation.Resources is IVariableDeclarationGroupOperation resources
                        ? ExecDeclarations(resources, state)
                        : Continue(state, Eval(usingOperation.Resources, state), (next, _) => Single(next));
                    return ExecEach(afterResources, next => Exec(usingOperation.Body, next));
                case ILockOperation lockOperation:
                    return Continue(state, Eval(lockOperation.LockedValue, state), (next, _) => Exec(lockOperation.Body, next));
                case IBranchOperation { BranchKind: BranchKind.Break }:
                    state.Completion = Completion.Break;
                    return Single(state);
                case IBranchOperation { BranchKind: BranchKind.Continue }:
                    state.Completion = Completion.Continue;
                    return Single(state);
                case ILocalFunctionOperation:
                case IEmptyOperation:
                    return Single(state);
                default:
                    // goto and labels, yield, fixed, invalid code: not judged.
                    return Fail();
            }
        }

        private static List<State> Single(State state) => new List<State> { state };

        private List<State> ExecSequence(ImmutableArray<IOperation> operations, State state)
        {
            var states = Single(state);
            foreach (var operation in operations)
            {
                var next = new List<State>();
                foreach (var current in states)
                {
                    if (current.Completion != Completion.Normal)
                    {
                        next.Add(current);
                    }
                    else
                    {
                        next.AddRange(Exec(operation, current));
                    }
                }

                next = Merge(next);
                if (failed || next.Count > MaxStates)
                {
                    return Fail();
                }

                states = next;
            }

            return states;
        }

        /// <summary>
        /// Drops paths that no longer differ: <c>if (cert != null) Log(cert);</c> forks, but both paths go on alike. Without
        /// this, a validator with a dozen independent ifs would exceed the path limit.
        /// </summary>
        private static List<State> Merge(List<State> states)
        {
            if (states.Count < 2)
            {
                return states;
            }

            var merged = new List<State>(states.Count);
            foreach (var state in states)
            {
                var duplicate = false;
                foreach (var kept in merged)
                {
                    if (kept.SameAs(state))
                    {
                        duplicate = true;
                        break;
                    }
                }

                if (!duplicate)
                {
                    merged.Add(state);
                }
            }

            return merged;
        }

        /// <summary>Runs <paramref name="then"/> on every state that completed normally; the others pass through.</summary>
        private List<State> ExecEach(List<State> states, System.Func<State, List<State>> then)
        {
            var result = new List<State>();
            foreach (var state in states)
            {
                if (state.Completion == Completion.Normal)
                {
                    result.AddRange(then(state));
                }
                else
                {
                    result.Add(state);
                }
            }

            return result;
        }

        /// <summary>Forks a throwing state off when <paramref name="result"/> may throw, and continues with its value otherwise.</summary>
        private static List<State> Continue(State state, Result result, System.Func<State, Value, List<State>> next)
        {
            var states = new List<State>();
            if (result.Throws != ThrowKind.None)
            {
                var thrown = state.Clone();
                thrown.Completion = Completion.Throw;
                thrown.Thrown = result.ThrownType;
                states.Add(thrown);
            }

            if (result.Throws != ThrowKind.Always)
            {
                if (result.DerivedThrow)
                {
                    // Whether the path goes on depends on the errors in a way the evaluator cannot see.
                    state.Opaque = true;
                }

                states.AddRange(next(state, result.Value));
            }

            return states;
        }

        private List<State> ExecDeclarations(IVariableDeclarationGroupOperation group, State state)
        {
            var states = Single(state);
            foreach (var declaration in group.Declarations)
            {
                foreach (var declarator in declaration.Declarators)
                {
                    var initializer = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
                    states = ExecEach(states, current =>
                    {
                        if (initializer is null)
                        {
                            current.Env[declarator.Symbol] = Value.Unknown(false);
                            return Single(current);
                        }

                        return Continue(current, Eval(initializer, current), (next, value) =>
                        {
                            next.Env[declarator.Symbol] = value;
                            return Single(next);
                        });
                    });
                }
            }

            return states;
        }

        private List<State> ExecIf(IConditionalOperation conditional, State state) =>
            Continue(state, Eval(conditional.Condition, state), (next, condition) =>
            {
                if (condition.Known && condition.Constant is bool known)
                {
                    if (known)
                    {
                        return Exec(conditional.WhenTrue, next);
                    }

                    return conditional.WhenFalse is null ? Single(next) : Exec(conditional.WhenFalse, next);
                }

                var otherwise = next.Clone();
                if (condition.Derived)
                {
                    next.Opaque = true;
                    otherwise.Opaque = true;
                }

                var states = Exec(conditional.WhenTrue, next);
                states.AddRange(conditional.WhenFalse is null ? Single(otherwise) : Exec(conditional.WhenFalse, otherwise));
                return states;
            });

        private List<State> ExecSwitch(ISwitchOperation switchOperation, State state) =>
            Continue(state, Eval(switchOperation.Value, state), (start, value) =>
            {
                var results = new List<State>();
                var pending = Single(start);
                ISwitchCaseOperation? defaultCase = null;
                foreach (var section in switchOperation.Cases)
                {
                    if (pending.Count == 0)
                    {
                        break;
                    }

                    var isDefault = false;
                    foreach (var clause in section.Clauses)
                    {
                        isDefault |= clause is IDefaultCaseClauseOperation;
                    }

                    if (isDefault)
                    {
                        defaultCase = section;
                        continue;
                    }

                    var stillPending = new List<State>();
                    foreach (var current in pending)
                    {
                        var match = Value.Of(false, false);
                        foreach (var clause in section.Clauses)
                        {
                            match = Or(match, MatchClause(clause, value, current));
                        }

                        if (match.IsFalse)
                        {
                            stillPending.Add(current);
                            continue;
                        }

                        if (match.IsTrue)
                        {
                            results.AddRange(ExecSection(section, current));
                            continue;
                        }

                        var skipped = current.Clone();
                        if (match.Derived)
                        {
                            current.Opaque = true;
                            skipped.Opaque = true;
                        }

                        results.AddRange(ExecSection(section, current));
                        stillPending.Add(skipped);
                    }

                    pending = stillPending;
                }

                foreach (var current in pending)
                {
                    results.AddRange(defaultCase is null ? Single(current) : ExecSection(defaultCase, current));
                }

                return results;
            });

        private List<State> ExecSection(ISwitchCaseOperation section, State state)
        {
            var states = ExecSequence(section.Body, state);
            foreach (var current in states)
            {
                if (current.Completion == Completion.Break)
                {
                    current.Completion = Completion.Normal;
                }
            }

            return states;
        }

        private Value MatchClause(ICaseClauseOperation clause, Value value, State state)
        {
            switch (clause)
            {
                case ISingleValueCaseClauseOperation single:
                    return EqualValues(value, Eval(single.Value, state).Value);
                case IPatternCaseClauseOperation pattern:
                    var match = Match(pattern.Pattern, value, state);
                    return pattern.Guard is null ? match : And(match, Eval(pattern.Guard, state).Value);
                default:
                    return Value.Unknown(value.Derived);
            }
        }

        private List<State> ExecLoop(ILoopOperation loop, State state)
        {
            switch (loop)
            {
                case IWhileLoopOperation { ConditionIsUntil: false } whileLoop:
                    Havoc(loop, state);
                    if (whileLoop.ConditionIsTop)
                    {
                        return ExecTopTestedLoop(whileLoop.Condition, whileLoop.Body, state);
                    }

                    return whileLoop.Condition is null ? Fail() : ExecBottomTestedLoop(whileLoop.Condition, whileLoop.Body, state);
                case IForLoopOperation forLoop:
                    return ExecEach(ExecSequence(forLoop.Before, state), next =>
                    {
                        Havoc(loop, next);
                        return ExecTopTestedLoop(forLoop.Condition, forLoop.Body, next);
                    });
                case IForEachLoopOperation forEach:
                    return Continue(state, Eval(forEach.Collection, state), (next, _) =>
                    {
                        Havoc(loop, next);
                        return ExecTopTestedLoop(null, forEach.Body, next, mayBeEmpty: true);
                    });
                default:
                    return Fail();
            }
        }

        /// <summary>
        /// A loop whose assigned variables were made unknown: one pass of the body stands for every pass.
        /// The loop is left when the condition may be false, or by break; paths that must go round again are dropped.
        /// </summary>
        private List<State> ExecTopTestedLoop(IOperation? condition, IOperation body, State state, bool mayBeEmpty = false)
        {
            var test = condition is not null
                ? Eval(condition, state)
                : new Result(mayBeEmpty ? Value.Unknown(false) : Value.Of(true, false));
            return Continue(state, test, (next, value) =>
            {
                if (value.IsFalse)
                {
                    return Single(next);
                }

                var results = new List<State>();
                var mustLoop = value.IsTrue;
                if (!mustLoop)
                {
                    results.Add(next.Clone());
                }

                foreach (var after in Exec(body, next))
                {
                    if (EndsPass(after, results) && !mustLoop)
                    {
                        results.Add(after);
                    }
                }

                return results;
            });
        }

        private List<State> ExecBottomTestedLoop(IOperation condition, IOperation body, State state)
        {
            var results = new List<State>();
            foreach (var after in Exec(body, state))
            {
                if (EndsPass(after, results))
                {
                    results.AddRange(Continue(after, Eval(condition, after), (next, value) =>
                        value.IsTrue ? new List<State>() : Single(next)));
                }
            }

            return results;
        }

        /// <summary>
        /// One pass of a loop body has ended in <paramref name="after"/>: a break leaves the loop (added to
        /// <paramref name="results"/> as a normal completion), a return or throw leaves it as it is, and the end of the
        /// body or a continue goes round again (true; the caller decides, the completion is then normal).
        /// </summary>
        private static bool EndsPass(State after, List<State> results)
        {
            switch (after.Completion)
            {
                case Completion.Normal:
                case Completion.Continue:
                    after.Completion = Completion.Normal;
                    return true;
                case Completion.Break:
                    after.Completion = Completion.Normal;
                    results.Add(after);
                    return false;
                default:
                    results.Add(after);
                    return false;
            }
        }

        /// <summary>Forgets what is known about every variable a loop assigns.</summary>
        private void Havoc(IOperation loop, State state)
        {
            var derived = false;
            var assigned = new List<ISymbol>();
            foreach (var operation in loop.Descendants())
            {
                switch (operation)
                {
                    case IParameterReferenceOperation parameter when state.Env.ContainsKey(parameter.Parameter):
                        derived |= state.Env[parameter.Parameter].Derived;
                        break;
                    case IAssignmentOperation assignment:
                        AddTarget(assignment.Target, assigned);
                        break;
                    case IIncrementOrDecrementOperation increment:
                        AddTarget(increment.Target, assigned);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument:
                        AddTarget(argument.Value, assigned);
                        break;
                }
            }

            foreach (var symbol in assigned)
            {
                state.Env[symbol] = Value.Unknown(derived);
            }
        }

        private static void AddTarget(IOperation target, List<ISymbol> assigned)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    assigned.Add(local.Local);
                    break;
                case IParameterReferenceOperation parameter:
                    assigned.Add(parameter.Parameter);
                    break;
                case IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared }:
                    assigned.Add(declared.Local);
                    break;
            }
        }

        private List<State> ExecTry(ITryOperation tryOperation, State state)
        {
            var results = new List<State>();
            foreach (var after in Exec(tryOperation.Body, state))
            {
                if (after.Completion == Completion.Throw && !tryOperation.Catches.IsEmpty)
                {
                    results.AddRange(Catch(tryOperation.Catches, after));
                }
                else
                {
                    results.Add(after);
                }
            }

            // A finally block cannot return; its effect on a verdict is ignored.
            return results;
        }

        private List<State> Catch(ImmutableArray<ICatchClauseOperation> catches, State thrown)
        {
            var results = new List<State>();
            foreach (var clause in catches)
            {
                var catchesAll = clause.ExceptionType is null
                    || clause.ExceptionType.SpecialType == SpecialType.System_Object
                    || clause.ExceptionType.ToDisplayString() == "System.Exception";
                bool definitely;
                if (thrown.Thrown is null)
                {
                    definitely = catchesAll;
                }
                else if (CertificateFacts.IsOrDerives(thrown.Thrown, clause.ExceptionType as INamedTypeSymbol) || catchesAll)
                {
                    definitely = true;
                }
                else
                {
                    continue;
                }

                var handler = thrown.Clone();
                handler.Completion = Completion.Normal;
                handler.Thrown = null;
                foreach (var local in clause.Locals)
                {
                    handler.Env[local] = Value.Unknown(false);
                }

                if (clause.Filter is not null)
                {
                    var filter = Eval(clause.Filter, handler).Value;
                    if (filter.IsFalse)
                    {
                        continue;
                    }

                    definitely &= filter.IsTrue;
                }

                results.AddRange(Exec(clause.Handler, handler));
                if (definitely)
                {
                    return results;
                }
            }

            results.Add(thrown);
            return results;
        }

        // ---------------------------------------------------------------- expressions

        private Result Eval(IOperation operation, State state)
        {
            if (!Tick() || !Enter())
            {
                return new Result(Value.Unknown(false));
            }

            try
            {
                return EvalCore(operation, state);
            }
            finally
            {
                nesting--;
            }
        }

        private Result EvalCore(IOperation operation, State state)
        {
            if (operation.ConstantValue.HasValue)
            {
                return new Result(Value.FromConstant(operation.ConstantValue.Value));
            }

            switch (operation)
            {
                case IParameterReferenceOperation parameter:
                    return new Result(state.Env.TryGetValue(parameter.Parameter, out var parameterValue) ? parameterValue : Value.Unknown(false));
                case ILocalReferenceOperation local:
                    return new Result(state.Env.TryGetValue(local.Local, out var localValue) ? localValue : Value.Unknown(false));
                case IConversionOperation conversion:
                    if (conversion.OperatorMethod is not null)
                    {
                        return EvalChildren(operation, state);
                    }

                    return Eval(conversion.Operand, state);
                case IUnaryOperation unary:
                    return EvalUnary(unary, state);
                case IBinaryOperation binary:
                    return EvalBinary(binary, state);
                case IInvocationOperation invocation:
                    return EvalInvocation(invocation, state);
                case IConditionalOperation conditional when conditional.WhenFalse is not null:
                    return EvalConditional(conditional, state);
                case ICoalesceOperation coalesce:
                    return EvalCoalesce(coalesce, state);
                case IThrowOperation throwOperation:
                    var exception = throwOperation.Exception is null ? new Result(Value.Unknown(false)) : Eval(throwOperation.Exception, state);
                    return new Result(Value.Unknown(false), ThrowKind.Always, ThrownType(throwOperation.Exception), exception.DerivedThrow);
                case ISimpleAssignmentOperation assignment:
                    var assigned = Eval(assignment.Value, state);
                    Assign(assignment.Target, assigned.Value, state);
                    return assigned;
                case ICompoundAssignmentOperation compound:
                    var current = Eval(compound.Target, state);
                    var operand = Eval(compound.Value, state);
                    var combined = compound.OperatorMethod is null
                        ? Binary(compound.OperatorKind, current.Value, operand.Value)
                        : Value.Unknown(current.Value.Derived || operand.Value.Derived);
                    Assign(compound.Target, combined, state);
                    return Combine(combined, current, operand);
                case IIncrementOrDecrementOperation increment:
                    var before = Eval(increment.Target, state).Value;
                    var after = before.Known && before.Constant is long number && increment.OperatorMethod is null
                        ? Value.Of(increment.Kind == OperationKind.Increment ? number + 1 : number - 1, before.Derived)
                        : Value.Unknown(before.Derived);
                    Assign(increment.Target, after, state);
                    return new Result(increment.IsPostfix ? before : after);
                case IIsPatternOperation isPattern:
                    var tested = Eval(isPattern.Value, state);
                    return Combine(Match(isPattern.Pattern, tested.Value, state), tested);
                case ISwitchExpressionOperation switchExpression:
                    return EvalSwitchExpression(switchExpression, state);
                case IAnonymousFunctionOperation:
                case IDelegateCreationOperation:
                case ILocalFunctionOperation:
                    return new Result(Value.Unknown(false));
                case IDeclarationExpressionOperation declaration:
                    Assign(declaration.Expression, Value.Unknown(false), state);
                    return new Result(Value.Unknown(false));
                default:
                    return EvalChildren(operation, state);
            }
        }

        /// <summary>An operation the evaluator does not model: its value is unknown, derived from the errors if any operand is.</summary>
        private Result EvalChildren(IOperation operation, State state)
        {
            var result = new Result(Value.Unknown(false));
            foreach (var child in operation.ChildOperations)
            {
                var value = Eval(child, state);
                result = Combine(Value.Unknown(result.Value.Derived || value.Value.Derived), result, value);
            }

            return result;
        }

        private Result EvalUnary(IUnaryOperation unary, State state)
        {
            var operand = Eval(unary.Operand, state);
            var value = operand.Value;
            if (unary.OperatorMethod is not null || !value.Known)
            {
                return Combine(Value.Unknown(value.Derived), operand);
            }

            Value result;
            switch (unary.OperatorKind)
            {
                case UnaryOperatorKind.Not when value.Constant is bool b:
                    result = Value.Of(!b, value.Derived);
                    break;
                case UnaryOperatorKind.BitwiseNegation when value.Constant is long l:
                    result = Value.Of(~l, value.Derived);
                    break;
                case UnaryOperatorKind.Minus when value.Constant is long l:
                    result = Value.Of(-l, value.Derived);
                    break;
                case UnaryOperatorKind.Plus:
                    result = value;
                    break;
                default:
                    result = Value.Unknown(value.Derived);
                    break;
            }

            return Combine(result, operand);
        }

        private Result EvalBinary(IBinaryOperation binary, State state)
        {
            var left = Eval(binary.LeftOperand, state);
            if (binary.OperatorMethod is null
                && (binary.OperatorKind == BinaryOperatorKind.ConditionalAnd || binary.OperatorKind == BinaryOperatorKind.ConditionalOr))
            {
                var isAnd = binary.OperatorKind == BinaryOperatorKind.ConditionalAnd;
                if (left.Value.Known && left.Value.Constant is bool shortCircuit && shortCircuit != isAnd)
                {
                    return left;
                }

                var right = Eval(binary.RightOperand, state.Clone());
                if (!left.Value.Known)
                {
                    right = right.Throws == ThrowKind.Always ? right.WithThrows(ThrowKind.May) : right;
                }

                return Combine(isAnd ? And(left.Value, right.Value) : Or(left.Value, right.Value), left, right);
            }

            var rightOperand = Eval(binary.RightOperand, state);
            var value = binary.OperatorMethod is null
                ? Binary(binary.OperatorKind, left.Value, rightOperand.Value)
                : Value.Unknown(left.Value.Derived || rightOperand.Value.Derived);
            return Combine(value, left, rightOperand);
        }

        private Result EvalInvocation(IInvocationOperation invocation, State state)
        {
            var method = invocation.TargetMethod;
            var result = new Result(Value.Unknown(false));
            if (invocation.Instance is not null)
            {
                result = Eval(invocation.Instance, state);
            }

            var receiver = result.Value;
            var arguments = new List<Value>();
            foreach (var argument in invocation.Arguments)
            {
                var value = Eval(argument.Value, state);
                arguments.Add(value.Value);
                result = Combine(Value.Unknown(result.Value.Derived || value.Value.Derived), result, value);
            }

            var derived = result.Value.Derived;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                {
                    Assign(argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value, Value.Unknown(derived), state);
                }
            }

            Value returned;
            if (method.Name == "HasFlag" && method.ContainingType?.SpecialType == SpecialType.System_Enum && arguments.Count == 1
                && receiver.Known && receiver.Constant is long flags && arguments[0].Known && arguments[0].Constant is long flag)
            {
                returned = Value.Of((flags & flag) == flag, derived);
            }
            else
            {
                var constant = method.ReturnType.SpecialType == SpecialType.System_Boolean ? CalleeConstant(method) : null;
                returned = constant.HasValue ? Value.Of(constant.Value, derived) : Value.Unknown(derived);
            }

            var mayThrow = !method.DeclaringSyntaxReferences.IsEmpty && bodies.MayThrow(method, cancellationToken);
            var throws = result.Throws == ThrowKind.None && mayThrow ? ThrowKind.May : result.Throws;
            return new Result(returned, throws, result.ThrownType, result.DerivedThrow || (mayThrow && derived));
        }

        /// <summary>The constant a bool helper in source returns on every path, evaluated without its arguments; null otherwise.</summary>
        private bool? CalleeConstant(IMethodSymbol method)
        {
            if (method.DeclaringSyntaxReferences.IsEmpty || callStack.Count >= MaxCallDepth || callStack.Contains(method) || failed)
            {
                return null;
            }

            return bodies.ConstantResult(method, m =>
            {
                var body = bodies.Find(m, model, cancellationToken);
                if (body is null)
                {
                    return (null, true);
                }

                callStack.Add(m);
                var stepsBefore = steps;
                var states = Exec(body, new State());
                callStack.Remove(m);
                if (failed)
                {
                    // A helper the evaluator cannot follow is just unknown; only the step budget fails the whole verdict.
                    var overBudget = steps > StepBudget;
                    failed = overBudget;
                    return (null, !overBudget);
                }

                // A helper that calls back into a method on the stack was judged without it: keep the answer to this call only.
                var cacheable = !CallsAny(body, callStack) && steps - stepsBefore < StepBudget / 2;
                bool? constant = null;
                foreach (var state in states)
                {
                    if (state.Completion != Completion.Return || !state.Returned.Known || state.Returned.Constant is not bool value
                        || (constant.HasValue && constant.Value != value))
                    {
                        return (null, cacheable);
                    }

                    constant = value;
                }

                return (constant, cacheable);
            });
        }

        private static bool CallsAny(IOperation body, HashSet<IMethodSymbol> methods)
        {
            if (methods.Count == 0)
            {
                return false;
            }

            foreach (var operation in body.Descendants())
            {
                if (operation is IInvocationOperation invocation && methods.Contains(invocation.TargetMethod.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private Result EvalConditional(IConditionalOperation conditional, State state)
        {
            var condition = Eval(conditional.Condition, state);
            var value = condition.Value;
            if (value.Known && value.Constant is bool known)
            {
                var chosen = Eval(known ? conditional.WhenTrue : conditional.WhenFalse!, state);
                return Combine(chosen.Value, condition, chosen);
            }

            var whenTrue = Eval(conditional.WhenTrue, state.Clone());
            var whenFalse = Eval(conditional.WhenFalse!, state.Clone());
            return Join(condition, whenTrue, whenFalse);
        }

        private Result EvalCoalesce(ICoalesceOperation coalesce, State state)
        {
            var value = Eval(coalesce.Value, state);
            if (value.Value.Known)
            {
                if (value.Value.Constant is not null)
                {
                    return value;
                }

                var fallback = Eval(coalesce.WhenNull, state);
                return Combine(fallback.Value, value, fallback);
            }

            var whenNull = Eval(coalesce.WhenNull, state.Clone());
            return Join(new Result(Value.Unknown(false)), value, whenNull);
        }

        private Result EvalSwitchExpression(ISwitchExpressionOperation switchExpression, State state)
        {
            var tested = Eval(switchExpression.Value, state);
            var outcomes = new List<Result>();
            var derived = false;
            var definite = false;
            foreach (var arm in switchExpression.Arms)
            {
                var armState = state.Clone();
                var match = Match(arm.Pattern, tested.Value, armState);
                if (arm.Guard is not null)
                {
                    match = And(match, Eval(arm.Guard, armState).Value);
                }

                if (match.IsFalse)
                {
                    continue;
                }

                outcomes.Add(Eval(arm.Value, armState));
                if (match.IsTrue)
                {
                    definite = true;
                    break;
                }

                derived |= match.Derived;
            }

            if (outcomes.Count == 0)
            {
                return new Result(Value.Unknown(false), ThrowKind.Always, null, derived);
            }

            var joined = outcomes[0];
            for (var i = 1; i < outcomes.Count; i++)
            {
                joined = Join(new Result(Value.Unknown(derived)), joined, outcomes[i]);
            }

            if (derived && !joined.Value.Known)
            {
                joined = new Result(Value.Unknown(true), joined.Throws, joined.ThrownType, joined.DerivedThrow);
            }

            if (!definite)
            {
                // No arm surely matches: the expression may throw SwitchExpressionException.
                joined = joined.Throws == ThrowKind.None ? joined.WithThrows(ThrowKind.May) : joined;
            }

            return Combine(joined.Value, tested, joined);
        }

        private Value Match(IPatternOperation pattern, Value value, State state)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return EqualValues(value, Eval(constant.Value, state).Value);
                case IRelationalPatternOperation relational:
                    return Binary(relational.OperatorKind, value, Eval(relational.Value, state).Value);
                case INegatedPatternOperation negated:
                    return Not(Match(negated.Pattern, value, state));
                case IBinaryPatternOperation binaryPattern:
                    var left = Match(binaryPattern.LeftPattern, value, state);
                    var right = Match(binaryPattern.RightPattern, value, state);
                    return binaryPattern.OperatorKind == BinaryOperatorKind.And ? And(left, right) : Or(left, right);
                case IDiscardPatternOperation:
                    return Value.Of(true, value.Derived);
                case IDeclarationPatternOperation declaration:
                    if (declaration.DeclaredSymbol is ILocalSymbol declared)
                    {
                        state.Env[declared] = value;
                    }

                    if (declaration.MatchesNull
                        || (value.Known && value.Constant is not null && SymbolEqualityComparer.Default.Equals(declaration.MatchedType, declaration.InputType)))
                    {
                        return Value.Of(true, value.Derived);
                    }

                    return Value.Unknown(value.Derived);
                case ITypePatternOperation type when value.Known && value.Constant is not null
                    && SymbolEqualityComparer.Default.Equals(type.MatchedType, type.InputType):
                    return Value.Of(true, value.Derived);
                default:
                    return Value.Unknown(value.Derived);
            }
        }

        private static void Assign(IOperation target, Value value, State state)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    state.Env[local.Local] = value;
                    break;
                case IParameterReferenceOperation parameter:
                    state.Env[parameter.Parameter] = value;
                    break;
            }
        }

        private static ITypeSymbol? ThrownType(IOperation? exception)
        {
            while (exception is IConversionOperation conversion)
            {
                exception = conversion.Operand;
            }

            return exception?.Type;
        }

        // ---------------------------------------------------------------- values

        private static Value Binary(BinaryOperatorKind kind, Value left, Value right)
        {
            var derived = left.Derived || right.Derived;
            switch (kind)
            {
                case BinaryOperatorKind.Equals:
                    return EqualValues(left, right);
                case BinaryOperatorKind.NotEquals:
                    return Not(EqualValues(left, right));
                case BinaryOperatorKind.And when left.Constant is bool || right.Constant is bool:
                    return And(left, right);
                case BinaryOperatorKind.Or when left.Constant is bool || right.Constant is bool:
                    return Or(left, right);
            }

            if (!left.Known || !right.Known)
            {
                return Value.Unknown(UnknownDerived(left, right));
            }

            if (left.Constant is bool lb && right.Constant is bool rb && kind == BinaryOperatorKind.ExclusiveOr)
            {
                return Value.Of(lb ^ rb, derived);
            }

            if (left.Constant is not long l || right.Constant is not long r)
            {
                return Value.Unknown(derived);
            }

            switch (kind)
            {
                case BinaryOperatorKind.And:
                    return Value.Of(l & r, derived);
                case BinaryOperatorKind.Or:
                    return Value.Of(l | r, derived);
                case BinaryOperatorKind.ExclusiveOr:
                    return Value.Of(l ^ r, derived);
                case BinaryOperatorKind.Add:
                    return Value.Of(unchecked(l + r), derived);
                case BinaryOperatorKind.Subtract:
                    return Value.Of(unchecked(l - r), derived);
                case BinaryOperatorKind.Multiply:
                    return Value.Of(unchecked(l * r), derived);
                case BinaryOperatorKind.LessThan:
                    return Value.Of(l < r, derived);
                case BinaryOperatorKind.LessThanOrEqual:
                    return Value.Of(l <= r, derived);
                case BinaryOperatorKind.GreaterThan:
                    return Value.Of(l > r, derived);
                case BinaryOperatorKind.GreaterThanOrEqual:
                    return Value.Of(l >= r, derived);
                default:
                    return Value.Unknown(derived);
            }
        }

        private static Value EqualValues(Value left, Value right)
        {
            var derived = left.Derived || right.Derived;
            if (!left.Known || !right.Known)
            {
                return Value.Unknown(UnknownDerived(left, right));
            }

            switch (left.Constant)
            {
                case null:
                    return Value.Of(right.Constant is null, derived);
                case long l when right.Constant is long r:
                    return Value.Of(l == r, derived);
                case bool l when right.Constant is bool r:
                    return Value.Of(l == r, derived);
                case string l when right.Constant is string r:
                    return Value.Of(string.Equals(l, r, System.StringComparison.Ordinal), derived);
                default:
                    return right.Constant is null ? Value.Of(false, derived) : Value.Unknown(derived);
            }
        }

        private static Value Not(Value value) =>
            value.Known && value.Constant is bool b ? Value.Of(!b, value.Derived) : Value.Unknown(value.Derived);

        private static Value And(Value left, Value right)
        {
            var derived = left.Derived || right.Derived;
            if (left.IsFalse || right.IsFalse)
            {
                return Value.Of(false, derived);
            }

            return left.IsTrue && right.IsTrue ? Value.Of(true, derived) : Value.Unknown(UnknownDerived(left, right));
        }

        private static Value Or(Value left, Value right)
        {
            var derived = left.Derived || right.Derived;
            if (left.IsTrue || right.IsTrue)
            {
                return Value.Of(true, derived);
            }

            return left.IsFalse && right.IsFalse ? Value.Of(false, derived) : Value.Unknown(UnknownDerived(left, right));
        }

        /// <summary>
        /// Whether an unknown result of a modelled operation (comparison, logic, masks) depends on the errors: only when an
        /// operand that is itself unknown does. A known errors-derived operand is exact and adds no uncertainty.
        /// </summary>
        private static bool UnknownDerived(Value left, Value right) => (!left.Known && left.Derived) || (!right.Known && right.Derived);

        /// <summary>A value with the throw behaviour of the operands evaluated to get it.</summary>
        private static Result Combine(Value value, Result first, Result? second = null)
        {
            var throws = first.Throws;
            var type = first.ThrownType;
            var derivedThrow = first.DerivedThrow;
            if (second is { } other)
            {
                if (other.Throws > throws)
                {
                    throws = other.Throws;
                    type = other.ThrownType;
                }

                derivedThrow |= other.DerivedThrow;
            }

            return new Result(value, throws, type, derivedThrow);
        }

        /// <summary>Either <paramref name="whenTrue"/> or <paramref name="whenFalse"/>, chosen by an unknown <paramref name="condition"/>.</summary>
        private static Result Join(Result condition, Result whenTrue, Result whenFalse)
        {
            var a = whenTrue.Value;
            var b = whenFalse.Value;
            var derived = condition.Value.Derived || a.Derived || b.Derived;
            Value value;
            if (whenTrue.Throws == ThrowKind.Always)
            {
                value = b;
            }
            else if (whenFalse.Throws == ThrowKind.Always)
            {
                value = a;
            }
            else
            {
                value = a.Known && b.Known && Equals(a.Constant, b.Constant)
                    ? Value.Of(a.Constant, derived)
                    : Value.Unknown((!condition.Value.Known && condition.Value.Derived) || UnknownDerived(a, b));
            }

            ThrowKind throws;
            if (whenTrue.Throws == ThrowKind.Always && whenFalse.Throws == ThrowKind.Always)
            {
                throws = ThrowKind.Always;
            }
            else if (whenTrue.Throws != ThrowKind.None || whenFalse.Throws != ThrowKind.None)
            {
                throws = ThrowKind.May;
            }
            else
            {
                throws = ThrowKind.None;
            }

            var throwsOnCondition = throws == ThrowKind.May && condition.Value.Derived;
            var joined = new Result(value, throws, whenTrue.ThrownType ?? whenFalse.ThrownType, whenTrue.DerivedThrow || whenFalse.DerivedThrow || throwsOnCondition);
            return Combine(joined.Value, condition, joined);
        }

        /// <summary>An abstract value: a known constant (bool, long, string or null) or unknown; derived when it depends on the errors.</summary>
        private readonly struct Value
        {
            private Value(bool known, object? constant, bool derived)
            {
                Known = known;
                Constant = constant;
                Derived = derived;
            }

            public bool Known { get; }

            public object? Constant { get; }

            public bool Derived { get; }

            public bool IsTrue => Known && Constant is true;

            public bool Equals(Value other) => Known == other.Known && Derived == other.Derived && Equals(Constant, other.Constant);

            public bool IsFalse => Known && Constant is false;

            public static Value Unknown(bool derived) => new Value(false, null, derived);

            public static Value Of(object? constant, bool derived) => new Value(true, constant, derived);

            public static Value FromConstant(object? constant)
            {
                switch (constant)
                {
                    case null:
                    case bool _:
                    case string _:
                        return new Value(true, constant, false);
                    case int i:
                        return Of((long)i, false);
                    case long l:
                        return Of(l, false);
                    case uint ui:
                        return Of((long)ui, false);
                    case short s:
                        return Of((long)s, false);
                    case ushort us:
                        return Of((long)us, false);
                    case byte b:
                        return Of((long)b, false);
                    case sbyte sb:
                        return Of((long)sb, false);
                    case char c:
                        return Of((long)c, false);
                    case ulong ul:
                        return Of(unchecked((long)ul), false);
                    default:
                        return Unknown(false);
                }
            }
        }

        private readonly struct Result
        {
            public Result(Value value, ThrowKind throws = ThrowKind.None, ITypeSymbol? thrownType = null, bool derivedThrow = false)
            {
                Value = value;
                Throws = throws;
                ThrownType = thrownType;
                DerivedThrow = derivedThrow;
            }

            public Value Value { get; }

            public ThrowKind Throws { get; }

            public ITypeSymbol? ThrownType { get; }

            /// <summary>Whether it throws depends on the errors in a way the evaluator cannot see.</summary>
            public bool DerivedThrow { get; }

            public Result WithThrows(ThrowKind throws) => new Result(Value, throws, ThrownType, DerivedThrow);
        }

        /// <summary>One path through the body: what is known about variables, and how it ended.</summary>
        private sealed class State
        {
            public Dictionary<ISymbol, Value> Env { get; private set; } = new Dictionary<ISymbol, Value>(SymbolEqualityComparer.Default);

            public bool Opaque { get; set; }

            public Completion Completion { get; set; }

            public Value Returned { get; set; }

            public IReturnOperation? ReturnOperation { get; set; }

            public ITypeSymbol? Thrown { get; set; }

            /// <summary>True when the two paths behave the same from here on (a finished return ignores its variables).</summary>
            public bool SameAs(State other)
            {
                if (Completion != other.Completion || Opaque != other.Opaque || !Returned.Equals(other.Returned)
                    || ReturnOperation != other.ReturnOperation || !SymbolEqualityComparer.Default.Equals(Thrown, other.Thrown))
                {
                    return false;
                }

                if (Completion == Completion.Return)
                {
                    return true;
                }

                if (Env.Count != other.Env.Count)
                {
                    return false;
                }

                foreach (var entry in Env)
                {
                    if (!other.Env.TryGetValue(entry.Key, out var value) || !value.Equals(entry.Value))
                    {
                        return false;
                    }
                }

                return true;
            }

            public State Clone() => new State
            {
                Env = new Dictionary<ISymbol, Value>(Env, SymbolEqualityComparer.Default),
                Opaque = Opaque,
                Completion = Completion,
                Returned = Returned,
                ReturnOperation = ReturnOperation,
                Thrown = Thrown,
            };
        }
    }
}
