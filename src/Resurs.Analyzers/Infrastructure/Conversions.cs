using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>The value under the conversions (and Visual Basic-style parentheses) the compiler wraps around it.</summary>
    internal static class Conversions
    {
        /// <summary><paramref name="operation"/> without the conversions and parentheses around it.</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }

        /// <summary><paramref name="operation"/> with the conversions and parentheses around it: the operation its parent sees.</summary>
        public static IOperation Outermost(IOperation operation)
        {
            while (operation.Parent is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation.Parent;
            }

            return operation;
        }
    }
}
