using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>Values: the three-valued arithmetic of constants and unknowns, and the value, result and state types the evaluator runs on.</summary>
    internal sealed partial class ValidatorEvaluator
    {
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
