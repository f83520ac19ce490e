using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>One piece of a string value: known text and the syntax that holds it, or an unknown hole.</summary>
    internal readonly struct Fragment
    {
        public Fragment(string? text, SyntaxNode? node, SyntaxNode? via = null, ISymbol? viaSymbol = null)
        {
            Text = text;
            Node = node;
            Via = via;
            ViaSymbol = viaSymbol;
        }

        /// <summary>The text, or null for a value we cannot see (a parameter, a property, a method result).</summary>
        public string? Text { get; }

        /// <summary>Where the text is written: a string literal, an interpolated string or a format string.</summary>
        public SyntaxNode? Node { get; }

        /// <summary>
        /// When the text is written in another file than the value's use: the reference in the use's file through which it
        /// came (<c>ResursConstants.CallbackBase</c>, <c>Urls.Callback()</c>), where a diagnostic must land to show in the IDE.
        /// </summary>
        public SyntaxNode? Via { get; }

        /// <summary>The field, property or method <see cref="Via"/> refers to.</summary>
        public ISymbol? ViaSymbol { get; }

        /// <summary>The node to report on for a use in <paramref name="useTree"/>: the text itself, or the reference it came through.</summary>
        public SyntaxNode? ReportNode(SyntaxTree useTree) =>
            Node is null || Node.SyntaxTree == useTree ? Node : Via;

        /// <summary>True when the text is written in another file than <paramref name="useTree"/>.</summary>
        public bool IsFromOtherFile(SyntaxTree useTree) => Node is not null && Node.SyntaxTree != useTree && Via is not null;
    }

    /// <summary>
    /// Reconstructs what a string (or Uri) value is made of by walking back from where it is used: literals,
    /// interpolations, '+', string.Concat/Format, new Uri(...), .ToString()/.AbsoluteUri, const and readonly fields and
    /// get-only properties (through their declarations, in any file of the compilation), helper methods that return
    /// such a value, and locals. Anything else becomes a hole.
    /// <para>
    /// A value can be one of several: the sides of <c>??</c> and <c>?:</c>, the arms of a switch expression, a
    /// configuration read's default (<c>GetValue(key, "http://…")</c>), a parameter's default, each value a local is
    /// assigned, each value a helper returns. <see cref="All"/> gives every combination (a bounded number); a
    /// configuration read or a parameter itself is a hole, and only its default is known text.
    /// </para>
    /// </summary>
    internal sealed class UrlValue
    {
        private const int MaxDepth = 8;
        private const int MaxFragments = 64;
        private const int MaxAlternatives = 16;

        private readonly List<Fragment> fragments = new List<Fragment>();

        /// <summary>The choices made so far, shared by the values of one <see cref="All"/> call: (chosen, of how many).</summary>
        private readonly List<(int Chosen, int Count)> choices;
        private int choiceIndex;
        private readonly SyntaxTree useTree;
        private SyntaxNode? via;
        private ISymbol? viaSymbol;

        private UrlValue(SyntaxTree useTree, List<(int Chosen, int Count)> choices)
        {
            this.useTree = useTree;
            this.choices = choices;
        }

        public IReadOnlyList<Fragment> Fragments => fragments;

        /// <summary>The known text from the start up to the first hole, and whether a hole follows it.</summary>
        public string KnownPrefix { get; private set; } = string.Empty;

        public bool HoleFollowsPrefix { get; private set; }

        /// <summary>A value known in full, with nothing to point at (a config-file string).</summary>
        public static UrlValue FromText(string text)
        {
            var result = new UrlValue(null!, new List<(int, int)>());
            result.Add(text, null);
            result.ComputePrefix();
            return result;
        }

        /// <summary>The value's first alternative only (the left of '??', the true side of '?:').</summary>
        public static UrlValue From(IOperation value) => Build(value, new List<(int, int)>());

        /// <summary>Every value <paramref name="value"/> can be (at most <see cref="MaxAlternatives"/>), each judged on its own.</summary>
        public static List<UrlValue> All(IOperation value)
        {
            var results = new List<UrlValue>();
            var path = new List<(int Chosen, int Count)>();
            while (true)
            {
                var url = Build(value, path);
                results.Add(url);

                // The next combination: the last choice point that has an alternative left moves on, later ones start over.
                path.RemoveRange(url.choiceIndex, path.Count - url.choiceIndex);
                while (path.Count > 0 && path[path.Count - 1].Chosen + 1 >= path[path.Count - 1].Count)
                {
                    path.RemoveAt(path.Count - 1);
                }

                if (path.Count == 0 || results.Count >= MaxAlternatives)
                {
                    return results;
                }

                var last = path[path.Count - 1];
                path[path.Count - 1] = (last.Chosen + 1, last.Count);
            }
        }

        private static UrlValue Build(IOperation value, List<(int Chosen, int Count)> path)
        {
            var result = new UrlValue(value.Syntax.SyntaxTree, path);
            result.Append(value, 0);
            result.ComputePrefix();
            return result;
        }

        /// <summary>Which of <paramref name="count"/> alternatives this value takes at the next choice point.</summary>
        private int Choose(int count)
        {
            if (choiceIndex < choices.Count)
            {
                return choices[choiceIndex++].Chosen;
            }

            choices.Add((0, count));
            choiceIndex++;
            return 0;
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
                case ICoalesceOperation:
                case IConditionalOperation:
                case ISwitchExpressionOperation:
                    return true;
                case IParameterReferenceOperation { Parameter: var parameter }:
                    return parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is string;
                case IObjectCreationOperation creation:
                    return creation.Type?.Name is "Uri" or "UriBuilder";
                case IPropertyReferenceOperation property:
                    return property.Property.Name is "AbsoluteUri" or "OriginalString" or "Uri" || IsSourceValue(property.Property);
                case IInvocationOperation invocation:
                    return invocation.TargetMethod.Name is "ToString" or "Concat" or "Format"
                        || IsSourceValue(invocation.TargetMethod) || DefaultArgument(invocation) is not null;
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
                fragments.Add(new Fragment(text, node, node is null ? null : via, node is null ? null : viaSymbol));
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
                case ICoalesceOperation coalesce:
                    Append(Choose(2) == 0 ? coalesce.Value : coalesce.WhenNull, depth + 1);
                    return;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional when conditional.Type is not null:
                    Append(Choose(2) == 0 ? conditional.WhenTrue : whenFalse, depth + 1);
                    return;
                case ISwitchExpressionOperation { Arms.Length: > 0 } switchExpression:
                    Append(switchExpression.Arms[Choose(switchExpression.Arms.Length)].Value, depth + 1);
                    return;
                case IParameterReferenceOperation parameter:
                    AppendParameter(parameter, depth);
                    return;
                case IPropertyReferenceOperation property when IsSourceValue(property.Property):
                    AppendDeclared(property, property.Property, depth);
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

            if (DefaultArgument(invocation) is { } defaultValue)
            {
                if (Choose(2) == 0)
                {
                    Hole();
                }
                else
                {
                    Append(defaultValue, depth + 1);
                }

                return;
            }

            if (IsSourceValue(method))
            {
                AppendDeclared(invocation, method, depth);
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
                        AppendFormat(format, FormatNode(argument.Value), FormatArguments(invocation), depth);
                        return;
                    }
                }
            }

            Hole();
        }

        /// <summary>
        /// The values a composite format's placeholders stand for, by index: <c>arg0</c>, <c>arg1</c>, … or the elements of
        /// the <c>params</c> array (not the <c>provider</c>).
        /// </summary>
        private static List<IOperation> FormatArguments(IInvocationOperation invocation)
        {
            var values = new List<IOperation>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name is "format" or "provider")
                {
                    continue;
                }

                if (argument.Parameter?.IsParams == true && argument.Value is IArrayCreationOperation { Initializer: { } elements })
                {
                    values.AddRange(elements.ElementValues);
                }
                else
                {
                    values.Add(argument.Value);
                }
            }

            return values;
        }

        /// <summary>
        /// A composite format: the text between placeholders is known; a plain placeholder (<c>{0}</c>) is the value of its
        /// argument when <paramref name="arguments"/> are given (<c>string.Format("http://{0}/cb", "10.0.0.7")</c>), and
        /// any other placeholder (with an alignment or a format, or past the arguments) is a hole.
        /// </summary>
        private void AppendFormat(string format, SyntaxNode? node, List<IOperation> arguments, int depth)
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

                    var close = format.IndexOf('}', i);
                    if (close > i + 1
                        && int.TryParse(format.Substring(i + 1, close - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                        && index < arguments.Count)
                    {
                        Append(arguments[index], depth + 1);
                    }
                    else
                    {
                        Hole();
                    }

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

            AppendSyntax(reference, field, initializer, depth);
        }

        /// <summary>A get-only property or a helper method declared in source: one of the values it returns.</summary>
        private void AppendDeclared(IOperation reference, ISymbol member, int depth)
        {
            var returned = ReturnedValues(member);
            if (returned.Count == 0)
            {
                Hole();
                return;
            }

            AppendSyntax(reference, member, returned[returned.Count == 1 ? 0 : Choose(returned.Count)], depth + 1);
        }

        /// <summary>
        /// The value written at <paramref name="expression"/>, in this file or another one of the compilation. Text from
        /// another file keeps the reference it came through (<see cref="Fragment.Via"/>).
        /// </summary>
        private void AppendSyntax(IOperation reference, ISymbol member, SyntaxNode expression, int depth)
        {
            var operation = OperationAt(reference, expression);
            if (operation is null)
            {
                Hole();
                return;
            }

            var entersOtherFile = via is null && expression.SyntaxTree != useTree;
            if (entersOtherFile)
            {
                via = reference.Syntax;
                viaSymbol = member;
            }

            Append(operation, depth + 1);
            if (entersOtherFile)
            {
                via = null;
                viaSymbol = null;
            }
        }

        private static IOperation? OperationAt(IOperation reference, SyntaxNode expression)
        {
            var model = reference.SemanticModel;
            if (model is null)
            {
                return null;
            }

            if (model.SyntaxTree != expression.SyntaxTree)
            {
                if (!model.Compilation.ContainsSyntaxTree(expression.SyntaxTree))
                {
                    return null;
                }

#pragma warning disable RS1030 // Following a value into another file of the same compilation needs that file's model.
                model = model.Compilation.GetSemanticModel(expression.SyntaxTree);
#pragma warning restore RS1030
            }

            return model.GetOperation(expression);
        }

        /// <summary>
        /// A parameter is a hole (its caller decides), unless it has a default: then the default is the other value it can
        /// have.
        /// </summary>
        private void AppendParameter(IParameterReferenceOperation reference, int depth)
        {
            var parameter = reference.Parameter;
            if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is not string
                || parameter.DeclaringSyntaxReferences.Length != 1
                || parameter.DeclaringSyntaxReferences[0].GetSyntax() is not ParameterSyntax { Default.Value: { } defaultValue }
                || Choose(2) == 0)
            {
                Hole();
                return;
            }

            AppendSyntax(reference, parameter, defaultValue, depth);
        }

        /// <summary>
        /// Every value the local can hold where it is read: its initializer and each assignment in the body (a
        /// <c>??=</c> adds its right side). A write we cannot see (an <c>out</c> argument, a deconstruction, a
        /// declaration without a value) is a hole among them.
        /// </summary>
        private void AppendLocal(ILocalReferenceOperation reference, int depth)
        {
            var local = reference.Local;
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax declarator)
            {
                Hole();
                return;
            }

            var root = (IOperation)reference;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            var writes = new List<SyntaxNode?>();
            if (declarator.Initializer is { } initializer)
            {
                writes.Add(initializer.Value);
            }
            else if (declarator.Parent?.Parent is not LocalDeclarationStatementSyntax)
            {
                writes.Add(null); // a foreach, using or pattern variable: its value comes from elsewhere
            }

            foreach (var descendant in root.Descendants())
            {
                if (descendant is not ILocalReferenceOperation { Local: var written } use || !SymbolEqualityComparer.Default.Equals(written, local))
                {
                    continue;
                }

                switch (use.Parent)
                {
                    case IAssignmentOperation assignment when assignment.Target == use:
                        writes.Add(assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation ? assignment.Value.Syntax : null);
                        break;
                    case IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In }:
                    case ITupleOperation:
                    case IDeclarationExpressionOperation:
                        writes.Add(null);
                        break;
                }
            }

            if (writes.Count == 0 || writes.Count > MaxAlternatives)
            {
                Hole();
                return;
            }

            var chosen = writes[writes.Count == 1 ? 0 : Choose(writes.Count)];
            var operation = chosen is null ? null : reference.SemanticModel?.GetOperation(chosen);
            if (operation is null)
            {
                Hole();
                return;
            }

            Append(operation, depth + 1);
        }

        /// <summary>A configuration read's default: its parameter named <c>defaultValue</c>, <c>fallback</c> or <c>fallbackValue</c>.</summary>
        public static bool IsDefaultParameter(IParameterSymbol? parameter) => parameter?.Name is "defaultValue" or "fallback" or "fallbackValue";

        /// <summary>
        /// The default a configuration read falls back to: <c>GetValue(key, "http://…")</c>,
        /// <c>GetValue&lt;string&gt;(key, defaultValue: …)</c>, or any call whose string parameter is named defaultValue.
        /// </summary>
        private static IOperation? DefaultArgument(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.ReturnType.SpecialType != SpecialType.System_String && invocation.TargetMethod.ReturnType.TypeKind != TypeKind.TypeParameter)
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit && IsDefaultParameter(argument.Parameter))
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// True for a property or method of the compilation's own code that returns a value it writes itself: an
        /// expression-bodied member, a get-only auto-property with an initializer, or a method that returns a string or Uri.
        /// </summary>
        private static bool IsSourceValue(ISymbol member)
        {
            if (member.DeclaringSyntaxReferences.Length != 1 || member.IsAbstract || member.IsExtern)
            {
                return false;
            }

            return member switch
            {
                IPropertySymbol { IsIndexer: false, SetMethod: null } => true,
                IMethodSymbol { MethodKind: MethodKind.Ordinary, Parameters.Length: <= 4 } method => method.ReturnType.SpecialType == SpecialType.System_String || IsSystemType(method.ReturnType, "Uri"),
                _ => false,
            };
        }

        /// <summary>What a source property or method returns: its arrow expression, its initializer, or its return statements.</summary>
        private static List<SyntaxNode> ReturnedValues(ISymbol member)
        {
            var found = new List<SyntaxNode>();
            var declaration = member.DeclaringSyntaxReferences.Length == 1 ? member.DeclaringSyntaxReferences[0].GetSyntax() : null;
            switch (declaration)
            {
                case PropertyDeclarationSyntax { ExpressionBody: { } arrow }:
                    found.Add(arrow.Expression);
                    break;
                case PropertyDeclarationSyntax property:
                    if (property.Initializer is { } initializer)
                    {
                        found.Add(initializer.Value);
                        break;
                    }

                    foreach (var accessor in property.AccessorList?.Accessors ?? default)
                    {
                        if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                        {
                            AddReturns(accessor.ExpressionBody, accessor.Body, found);
                        }
                    }

                    break;
                case MethodDeclarationSyntax method:
                    AddReturns(method.ExpressionBody, method.Body, found);
                    break;
            }

            return found.Count > 4 ? new List<SyntaxNode>() : found;
        }

        private static void AddReturns(ArrowExpressionClauseSyntax? arrow, BlockSyntax? body, List<SyntaxNode> found)
        {
            if (arrow is not null)
            {
                found.Add(arrow.Expression);
                return;
            }

            if (body is null)
            {
                return;
            }

            foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ReturnStatementSyntax { Expression: { } returned })
                {
                    found.Add(returned);
                }
            }
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
