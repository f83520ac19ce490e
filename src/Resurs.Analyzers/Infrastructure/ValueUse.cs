using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>How a value of a configuration enum is used where it ends up.</summary>
    internal enum ValueUseKind
    {
        /// <summary>Compared, matched, tested with HasFlag, masked with <c>&amp;</c>, listed in a deny list, logged: reading, not configuring.</summary>
        Reading,

        /// <summary>Written somewhere that configures: assigned, initialised, passed, returned.</summary>
        Configuring,

        /// <summary>Under a <c>~</c>: the negation is judged as a whole.</summary>
        Negated,
    }

    /// <summary>
    /// Finds where an enum value ends up by walking up through the operations that only carry or combine it
    /// (conversions to the same enum, <c>|</c>, <c>^</c>, <c>?:</c>, <c>??</c>, switch-expression arms, tuples).
    /// </summary>
    internal static class ValueUse
    {
        /// <summary>Classifies the use of <paramref name="value"/>, whose type is <paramref name="enumType"/>.</summary>
        /// <param name="consumer">The operation that receives the value (assignment, initializer, argument, return), if any.</param>
        public static ValueUseKind Classify(IOperation value, INamedTypeSymbol enumType, out IOperation? consumer)
        {
            consumer = null;
            var current = value;
            for (var depth = 0; depth < 64; depth++)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case null:
                        return ValueUseKind.Reading;
                    case IConversionOperation conversion:
                        if (!IsEnumOrNullableEnum(conversion.Type, enumType) && conversion.Type is not { IsTupleType: true })
                        {
                            return ValueUseKind.Reading;
                        }

                        break;
                    case IBinaryOperation binary:
                        switch (binary.OperatorKind)
                        {
                            case BinaryOperatorKind.Or:
                            case BinaryOperatorKind.ExclusiveOr:
                            case BinaryOperatorKind.Add:
                                break;
                            default:
                                // Comparisons, and '&' masks that test or remove bits.
                                return ValueUseKind.Reading;
                        }

                        break;
                    case IUnaryOperation unary:
                        if (unary.OperatorKind == UnaryOperatorKind.BitwiseNegation)
                        {
                            return ValueUseKind.Negated;
                        }

                        return ValueUseKind.Reading;
                    case IConditionalOperation conditional:
                        if (conditional.Condition == current)
                        {
                            return ValueUseKind.Reading;
                        }

                        break;
                    case ICoalesceOperation:
                    case ITupleOperation:
                        break;
                    case ISwitchExpressionArmOperation arm:
                        if (arm.Value != current)
                        {
                            return ValueUseKind.Reading;
                        }

                        break;
                    case ISwitchExpressionOperation switchExpression:
                        if (switchExpression.Value == current)
                        {
                            return ValueUseKind.Reading;
                        }

                        break;
                    case ISimpleAssignmentOperation assignment:
                        consumer = assignment;
                        return assignment.Value == current ? ValueUseKind.Configuring : ValueUseKind.Reading;
                    case ICompoundAssignmentOperation compound:
                        consumer = compound;
                        return compound.Value == current && compound.OperatorKind != BinaryOperatorKind.And
                            ? ValueUseKind.Configuring
                            : ValueUseKind.Reading;
                    case IDeconstructionAssignmentOperation deconstruction:
                        consumer = deconstruction;
                        return deconstruction.Value == current ? ValueUseKind.Configuring : ValueUseKind.Reading;
                    case IVariableInitializerOperation:
                    case IFieldInitializerOperation:
                    case IPropertyInitializerOperation:
                    case IParameterInitializerOperation:
                    case IReturnOperation:
                        consumer = parent;
                        return ValueUseKind.Configuring;
                    case IArgumentOperation argument:
                        consumer = argument;
                        if (argument.Parameter is null || !IsEnumOrNullableEnum(argument.Parameter.Type, enumType))
                        {
                            return ValueUseKind.Reading;
                        }

                        // Add calls of a collection initializer build a list (a deny list as often as an allow list),
                        // and a method that returns bool is a predicate: IsAllowed(SslProtocols.Tls) checks, it does not configure.
                        return argument.Parent is IInvocationOperation invocation
                            && (invocation.IsImplicit || invocation.TargetMethod.ReturnType.SpecialType == SpecialType.System_Boolean)
                            ? ValueUseKind.Reading
                            : ValueUseKind.Configuring;
                    default:
                        // Patterns, case labels, array initializers, interpolations, nameof, receivers: reading.
                        return ValueUseKind.Reading;
                }

                current = parent;
            }

            return ValueUseKind.Reading;
        }

        /// <summary>The local a configuring consumer writes to, if it writes to a local.</summary>
        public static ILocalSymbol? WrittenLocal(IOperation? consumer)
        {
            switch (consumer)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local }:
                    return local.Local;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation local }:
                    return local.Local;
                default:
                    return null;
            }
        }

        /// <summary>
        /// True when some read of <paramref name="local"/> in the same body configures something. A local that is only ever
        /// compared (a detection constant) does not.
        /// </summary>
        public static bool LocalFlowsIntoConfiguration(IOperation anyOperationInBody, ILocalSymbol local, INamedTypeSymbol enumType, int depth = 0)
        {
            var root = anyOperationInBody;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (var descendant in root.Descendants())
            {
                if (descendant is not ILocalReferenceOperation reference
                    || !SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    || reference.IsDeclaration)
                {
                    continue;
                }

                var kind = Classify(reference, enumType, out var consumer);
                if (kind != ValueUseKind.Configuring)
                {
                    continue;
                }

                if (consumer is IAssignmentOperation { Target: var target } && target == reference)
                {
                    continue;
                }

                var next = WrittenLocal(consumer);
                if (next is null)
                {
                    return true;
                }

                if (depth < 4 && !SymbolEqualityComparer.Default.Equals(next, local) && LocalFlowsIntoConfiguration(root, next, enumType, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsEnumOrNullableEnum(ITypeSymbol? type, INamedTypeSymbol enumType)
        {
            if (type is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, enumType))
            {
                return true;
            }

            return type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], enumType);
        }
    }
}
