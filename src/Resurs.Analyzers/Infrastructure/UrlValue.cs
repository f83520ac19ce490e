using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>One piece of a string value: known text and the syntax that holds it, or an unknown hole.</summary>
    internal readonly struct Fragment
    {
        public Fragment(string? text, SyntaxNode? node)
        {
            Text = text;
            Node = node;
        }

        /// <summary>The text, or null for a value we cannot see (a parameter, a property, a method result).</summary>
        public string? Text { get; }

        /// <summary>Where the text is written: a string literal, an interpolated string or a format string.</summary>
        public SyntaxNode? Node { get; }
    }

    /// <summary>
    /// Reconstructs what a string (or Uri) value is made of by walking back from where it is used: literals,
    /// interpolations, '+', string.Concat/Format, new Uri(...), .ToString()/.AbsoluteUri, const and readonly fields
    /// (through their declarations) and locals assigned once in the same body. Anything else becomes a hole.
    /// </summary>
    internal sealed class UrlValue
    {
        private const int MaxDepth = 8;
        private const int MaxFragments = 64;

        private readonly List<Fragment> fragments = new List<Fragment>();

        private UrlValue()
        {
        }

        public IReadOnlyList<Fragment> Fragments => fragments;

        /// <summary>The known text from the start up to the first hole, and whether a hole follows it.</summary>
        public string KnownPrefix { get; private set; } = string.Empty;

        public bool HoleFollowsPrefix { get; private set; }

        /// <summary>A value known in full, with nothing to point at (a config-file string).</summary>
        public static UrlValue FromText(string text)
        {
            var result = new UrlValue();
            result.Add(text, null);
            result.ComputePrefix();
            return result;
        }

        public static UrlValue From(IOperation value)
        {
            var result = new UrlValue();
            result.Append(value, 0);
            result.ComputePrefix();
            return result;
        }

        /// <summary>
        /// A cheap test to run before <see cref="From"/> on every candidate value: false when the value certainly does not start
        /// with text that could hold an absolute URL: a constant without "://", or an operation <see cref="Append"/> turns into a
        /// hole at the start (a parameter, most properties and calls). Kinds that are traced (locals, fields, '+', interpolation,
        /// new Uri/UriBuilder, Uri text properties, ToString/Concat/Format) are left to <see cref="From"/>.
        /// </summary>
        public static bool MayHoldUrl(IOperation value)
        {
            while (value is IConversionOperation or IParenthesizedOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
            }

            switch (value)
            {
                case ILiteralOperation literal:
                    return StringLiterals.Text(literal.Syntax) is { } text && StringLiterals.HasSchemeSeparator(text);
                case IFieldReferenceOperation { Field: var field }:
                    return field.HasConstantValue
                        ? field.ConstantValue is string constant && StringLiterals.HasSchemeSeparator(constant)
                        : (field.IsConst || field.IsReadOnly) && field.DeclaringSyntaxReferences.Length == 1;
                case ILocalReferenceOperation:
                case IBinaryOperation:
                case IInterpolatedStringOperation:
                    return true;
                case IObjectCreationOperation creation:
                    return creation.Type?.Name is "Uri" or "UriBuilder";
                case IPropertyReferenceOperation property:
                    return property.Property.Name is "AbsoluteUri" or "OriginalString" or "Uri";
                case IInvocationOperation invocation:
                    return invocation.TargetMethod.Name is "ToString" or "Concat" or "Format";
                default:
                    return value.ConstantValue is { HasValue: true, Value: string other } && StringLiterals.HasSchemeSeparator(other);
            }
        }

        /// <summary>The fragment holding character <paramref name="offset"/> of <see cref="KnownPrefix"/>, and where that fragment starts.</summary>
        public Fragment FragmentAt(int offset, out int fragmentStart)
        {
            var position = 0;
            foreach (var fragment in fragments)
            {
                if (fragment.Text is null)
                {
                    break;
                }

                if (offset < position + fragment.Text.Length)
                {
                    fragmentStart = position;
                    return fragment;
                }

                position += fragment.Text.Length;
            }

            fragmentStart = -1;
            return default;
        }

        /// <summary>The value as a reader sees it, holes shown as {…}, shortened for messages.</summary>
        public string Display()
        {
            var builder = new StringBuilder();
            foreach (var fragment in fragments)
            {
                builder.Append(fragment.Text ?? "{…}");
                if (builder.Length > 120)
                {
                    builder.Length = 117;
                    builder.Append('…');
                    break;
                }
            }

            return builder.ToString();
        }

        private void ComputePrefix()
        {
            var builder = new StringBuilder();
            foreach (var fragment in fragments)
            {
                if (fragment.Text is null)
                {
                    HoleFollowsPrefix = true;
                    break;
                }

                builder.Append(fragment.Text);
            }

            KnownPrefix = builder.ToString();
        }

        private void Add(string? text, SyntaxNode? node)
        {
            if (fragments.Count < MaxFragments)
            {
                fragments.Add(new Fragment(text, node));
            }
        }

        private void Hole() => Add(null, null);

        private void Append(IOperation? operation, int depth)
        {
            if (operation is null || depth > MaxDepth || fragments.Count >= MaxFragments)
            {
                Hole();
                return;
            }

            switch (operation)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } literal:
                    Add(text, LocationNode(literal.Syntax));
                    return;
                case IConversionOperation conversion:
                    Append(conversion.Operand, depth + 1);
                    return;
                case IParenthesizedOperation parenthesized:
                    Append(parenthesized.Operand, depth + 1);
                    return;
                case IBinaryOperation binary when IsConcatenation(binary):
                    AppendConcatenation(binary, depth);
                    return;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string partText } })
                        {
                            Add(partText, interpolated.Syntax);
                        }
                        else if (part is IInterpolationOperation interpolation && interpolation.Alignment is null && interpolation.FormatString is null)
                        {
                            Append(interpolation.Expression, depth + 1);
                        }
                        else
                        {
                            Hole();
                        }
                    }

                    return;
                case IFieldReferenceOperation fieldReference:
                    AppendField(fieldReference, depth);
                    return;
                case ILocalReferenceOperation localReference:
                    AppendLocal(localReference, depth);
                    return;
                case IObjectCreationOperation creation when IsSystemType(creation.Type, "Uri") && creation.Arguments.Length > 0:
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Value.Type?.SpecialType == SpecialType.System_String || IsSystemType(argument.Value.Type, "Uri"))
                        {
                            Append(argument.Value, depth + 1);
                        }
                    }

                    return;
                case IPropertyReferenceOperation { Property.Name: "AbsoluteUri" or "OriginalString" } property when IsSystemType(property.Instance?.Type, "Uri"):
                    Append(property.Instance, depth + 1);
                    return;
                case IInvocationOperation invocation:
                    AppendInvocation(invocation, depth);
                    return;
                default:
                    if (operation.ConstantValue is { HasValue: true, Value: string constant })
                    {
                        Add(constant, LocationNode(operation.Syntax));
                        return;
                    }

                    Hole();
                    return;
            }
        }

        private static bool IsConcatenation(IOperation operation) =>
            operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.Type?.SpecialType == SpecialType.System_String;

        /// <summary>
        /// 'a + b + c + …' is a left-deep tree; its operands are walked as one list, each one level down, so a long
        /// concatenation keeps its leading URL text ("http://10.0.0.1/" + id + "/" + …) however many parts follow.
        /// </summary>
        private void AppendConcatenation(IBinaryOperation binary, int depth)
        {
            var rightOperands = new Stack<IOperation>();
            IOperation leftmost = binary;
            while (leftmost is IBinaryOperation left && IsConcatenation(left))
            {
                rightOperands.Push(left.RightOperand);
                leftmost = left.LeftOperand;
            }

            Append(leftmost, depth + 1);
            while (rightOperands.Count > 0 && fragments.Count < MaxFragments)
            {
                Append(rightOperands.Pop(), depth + 1);
            }
        }

        private void AppendInvocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "ToString" && invocation.Arguments.Length == 0
                && (invocation.Instance?.Type?.SpecialType == SpecialType.System_String || IsSystemType(invocation.Instance?.Type, "Uri")))
            {
                Append(invocation.Instance, depth + 1);
                return;
            }

            if (method.ContainingType?.SpecialType != SpecialType.System_String || !method.IsStatic)
            {
                Hole();
                return;
            }

            if (method.Name == "Concat")
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        foreach (var element in initializer.ElementValues)
                        {
                            Append(element, depth + 1);
                        }
                    }
                    else
                    {
                        Append(argument.Value, depth + 1);
                    }
                }

                return;
            }

            if (method.Name == "Format")
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "format" && argument.Value.ConstantValue is { HasValue: true, Value: string format })
                    {
                        AppendFormat(format, FormatNode(argument.Value));
                        return;
                    }
                }
            }

            Hole();
        }

        /// <summary>A composite format string: text between placeholders is known, "{0}" and the like are holes.</summary>
        private void AppendFormat(string format, SyntaxNode? node)
        {
            var text = new StringBuilder();
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
                {
                    text.Append(c);
                    i++;
                    continue;
                }

                if (c == '{')
                {
                    if (text.Length > 0)
                    {
                        Add(text.ToString(), node);
                        text.Clear();
                    }

                    Hole();
                    var close = format.IndexOf('}', i);
                    if (close < 0)
                    {
                        return;
                    }

                    i = close;
                    continue;
                }

                text.Append(c);
            }

            if (text.Length > 0)
            {
                Add(text.ToString(), node);
            }
        }

        private void AppendField(IFieldReferenceOperation reference, int depth)
        {
            var field = reference.Field;
            var initializer = field.IsConst || field.IsReadOnly ? DeclaredInitializer(field) : null;
            if (initializer is null)
            {
                if (field.HasConstantValue && field.ConstantValue is string constant)
                {
                    Add(constant, null); // from metadata: known text, nothing to point at
                    return;
                }

                Hole();
                return;
            }

            var model = reference.SemanticModel?.Compilation is { } compilation && compilation.ContainsSyntaxTree(initializer.SyntaxTree)
                ? compilation.GetSemanticModel(initializer.SyntaxTree)
                : null;
            var operation = model?.GetOperation(initializer);
            if (operation is null)
            {
                Hole();
                return;
            }

            Append(operation, depth + 1);
        }

        private void AppendLocal(ILocalReferenceOperation reference, int depth)
        {
            var local = reference.Local;
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                Hole();
                return;
            }

            // Assigned once: the declaration is the only write in the body.
            var root = (IOperation)reference;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (var descendant in root.Descendants())
            {
                if (descendant is IAssignmentOperation { Target: ILocalReferenceOperation target } && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    Hole();
                    return;
                }
            }

            var operation = reference.SemanticModel?.GetOperation(initializer.Value);
            if (operation is null)
            {
                Hole();
                return;
            }

            Append(operation, depth + 1);
        }

        /// <summary>The initializer expression of a source field declared with one.</summary>
        private static ExpressionSyntax? DeclaredInitializer(IFieldSymbol field)
        {
            if (field.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            return field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value } ? value : null;
        }

        /// <summary>Text parts of an interpolated string are reported on the whole interpolated string.</summary>
        private static SyntaxNode LocationNode(SyntaxNode syntax) =>
            syntax is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax whole } ? whole : syntax;

        private static SyntaxNode? FormatNode(IOperation format) =>
            format is ILiteralOperation literal ? literal.Syntax : format is IConversionOperation { Operand: ILiteralOperation inner } ? inner.Syntax : null;

        private static bool IsSystemType(ITypeSymbol? type, string name) =>
            type is { Name: var typeName, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } && typeName == name;
    }
}
