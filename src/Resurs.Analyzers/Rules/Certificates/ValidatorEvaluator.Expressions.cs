using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>Expressions: evaluates an operation to a <see cref="Value"/>, constant or unknown, with how it may throw.</summary>
    internal sealed partial class ValidatorEvaluator
    {
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

                    var converted = Eval(conversion.Operand, state);
                    return converted.Value is { Known: true, Constant: long convertedNumber } && IntegralWidth(conversion.Type) is { } width
                        ? Combine(Value.Of(width(convertedNumber), converted.Value.Derived), converted)
                        : converted;
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

        /// <summary>
        /// How a conversion to <paramref name="type"/> (an integral type, or an enum through its underlying type) changes a
        /// number: truncated and sign- or zero-extended as the runtime does, so <c>(uint)code == 0x800B0109</c> matches the
        /// negative <c>int</c> code and a <c>long</c> enum constant does not. Null for other types (no change).
        /// </summary>
        private static System.Func<long, long>? IntegralWidth(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
            {
                type = underlying;
            }

            return type?.SpecialType switch
            {
                SpecialType.System_Int32 => n => unchecked((int)n),
                SpecialType.System_UInt32 => n => unchecked((uint)n),
                SpecialType.System_Int16 => n => unchecked((short)n),
                SpecialType.System_UInt16 => n => unchecked((ushort)n),
                SpecialType.System_SByte => n => unchecked((sbyte)n),
                SpecialType.System_Byte => n => unchecked((byte)n),
                SpecialType.System_Int64 => n => n,
                _ => null,
            };
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
            else if (ChainBuildResult(invocation) is { } built)
            {
                returned = built;
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
                var outerReadsRunErrors = readsRunErrors;
                readsRunErrors = false;
                var states = Exec(body, new State());
                var perRun = readsRunErrors;
                readsRunErrors = outerReadsRunErrors || perRun;
                callStack.Remove(m);
                if (failed)
                {
                    // A helper the evaluator cannot follow is just unknown; only the step budget fails the whole verdict.
                    var overBudget = steps > StepBudget;
                    failed = overBudget;
                    return (null, !overBudget && !perRun);
                }

                // A helper that calls back into a method on the stack was judged without it: keep the answer to this call only.
                var cacheable = !CallsAny(body, callStack) && steps - stepsBefore < StepBudget / 2 && !perRun;
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

        private static ITypeSymbol? ThrownType(IOperation? exception) => exception is null ? null : Conversions.Unwrap(exception).Type;
    }
}
