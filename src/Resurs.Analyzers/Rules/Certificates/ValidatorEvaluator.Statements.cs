using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>Statements: runs a body path by path, each path a <see cref="State"/> of locals and completions.</summary>
    internal sealed partial class ValidatorEvaluator
    {
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
    }
}
