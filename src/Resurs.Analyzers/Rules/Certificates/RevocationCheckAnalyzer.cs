using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// RES3003: revocation checking switched off explicitly. A constant <c>false</c> written to a bool
    /// <c>CheckCertificateRevocationList</c> / <c>CheckCertificateRevocation</c> property or passed for a
    /// <c>checkCertificateRevocation</c> parameter (SslStream.AuthenticateAs*), and <c>X509RevocationMode.NoCheck</c> where it
    /// configures something (X509ChainPolicy.RevocationMode, SslClientAuthenticationOptions.CertificateRevocationCheckMode,
    /// WCF RevocationMode). Text parsed into such a setting (<c>Enum.Parse&lt;X509RevocationMode&gt;</c>, <c>bool.Parse</c>,
    /// <c>Convert.ToBoolean</c>) is followed to each "NoCheck" or "false" it can be. Leaving a setting at its default is not
    /// reported.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class RevocationCheckAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        private static readonly ImmutableHashSet<string> RevocationProperties =
            ImmutableHashSet.Create(StringComparer.Ordinal, "CheckCertificateRevocationList", "CheckCertificateRevocation");

        private const string RevocationParameter = "checkCertificateRevocation";

        /// <summary>The message's note for a fallback: the value that applies when configuration does not set one.</summary>
        private const string Unset = " when the configuration leaves it unset";

        /// <summary>Set on a finding that depends on an option's default: the fix to write is the default, not the use.</summary>
        internal const string ConfiguredDefaultProperty = "ConfiguredDefault";

        /// <summary>
        /// Set on a finding where writing the checking value in place would be wrong: text written in another file (the
        /// finding is on the reference), text that is not a plain literal (<c>nameof(…)</c>, an interpolated string), and
        /// one side of a choice (<c>check ? Online : NoCheck</c>: both sides would be equal, the condition silently ignored).
        /// </summary>
        internal const string NoFixProperty = "NoFix";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES3003);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        // The properties and the named argument say "CertificateRevocation", and NoCheck is written through
        // X509RevocationMode (or an alias or 'using static' of it, which replays the whole file); a positional
        // checkCertificateRevocation argument goes to SslStream.AuthenticateAsClient/AuthenticateAsServer. Plain
        // "Revocation" would also replay every use of names such as RevocationReason or TokenRevocation.
        void ICodeRule.Start(CodePass pass) => pass.Add(() => Setup(pass), "CertificateRevocation", "RevocationMode", "AuthenticateAs");

        private static ReplaySetup? Setup(CodePass pass)
        {
            var revocationMode = pass.Types.X509RevocationMode;
            var judge = new ValidatorJudge(new MethodBodies(pass.Compilation), pass.Types.SslPolicyErrors, pass.Types.HttpClientHandler);
            var analysis = new CompilationAnalysis(revocationMode, judge, pass.Policy);
            var replay = new OperationReplay()
                .On(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment)
                .On(analysis.AnalyzeArgument, OperationKind.Argument);
            if (revocationMode is not null)
            {
                replay.On(analysis.AnalyzeFieldReference, OperationKind.FieldReference)
                    .On(analysis.AnalyzeInvocation, OperationKind.Invocation);
            }
            return new ReplaySetup(replay);
        }

        private sealed class CompilationAnalysis
        {
            private readonly INamedTypeSymbol? revocationMode;
            private readonly ValidatorJudge judge;
            private readonly AnalysisPolicy policy;

            public CompilationAnalysis(INamedTypeSymbol? revocationMode, ValidatorJudge judge, AnalysisPolicy policy)
            {
                this.revocationMode = revocationMode;
                this.judge = judge;
                this.policy = policy;
            }

            public void AnalyzeAssignment(OperationContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Target is not IPropertyReferenceOperation { Property: { Type.SpecialType: SpecialType.System_Boolean } property } target
                    || !RevocationProperties.Contains(property.Name))
                {
                    // Where the types do not resolve (half-typed code, a lambda whose overload is not chosen yet), the
                    // property is known by its unambiguous name, and a constant false or parsed text is judged.
                    if (assignment.Target is IInvalidOperation or IPropertyReferenceOperation { Property.Type.TypeKind: TypeKind.Error }
                        && CertificateFacts.AssignedMemberName(assignment.Target.Syntax) is { } name
                        && RevocationProperties.Contains(name)
                        && !judge.ObjectAcceptsEverythingByName(assignment, context.CancellationToken))
                    {
                        var written = name + " = " + Prose.Quote(assignment.Value.Syntax);
                        if (IsConstantFalse(assignment.Value))
                        {
                            Report(context, assignment.Value, written);
                        }
                        else if (ParsedFlag(assignment.Value) is { } text)
                        {
                            ReportWrittenText(context, text.Text, text.IgnoreCase, "false", written);
                        }
                    }

                    return;
                }

                var setting = property.Name + " = " + Prose.Quote(assignment.Value.Syntax);
                if (IsConstantFalse(assignment.Value))
                {
                    if (!judge.ObjectAcceptsEverything(target, context.Root.Operation, context.CancellationToken))
                    {
                        Report(context, assignment.Value, setting);
                    }
                }
                else if (ConfiguredDefault(assignment.Value) is { Value: false } configured
                    && !judge.ObjectAcceptsEverything(target, context.Root.Operation, context.CancellationToken))
                {
                    Report(context, assignment.Value, setting, configured.Note);
                }
                else if (ParsedFlag(assignment.Value) is { } parsed
                    && !judge.ObjectAcceptsEverything(target, context.Root.Operation, context.CancellationToken))
                {
                    ReportWrittenText(context, parsed.Text, parsed.IgnoreCase, "false", setting);
                }
            }

            public void AnalyzeArgument(OperationContext context)
            {
                var argument = (IArgumentOperation)context.Operation;
                if (argument.Parameter is not { Type.SpecialType: SpecialType.System_Boolean } parameter
                    || !string.Equals(parameter.Name, RevocationParameter, StringComparison.Ordinal)
                    || argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    return;
                }

                var setting = parameter.Name + ": " + Prose.Quote(argument.Value.Syntax);
                if (IsConstantFalse(argument.Value))
                {
                    Report(context, argument.Value, setting);
                }
                else if (ConfiguredDefault(argument.Value) is { Value: false } configured)
                {
                    Report(context, argument.Value, setting, configured.Note);
                }
                else if (ParsedFlag(argument.Value) is { } parsed)
                {
                    ReportWrittenText(context, parsed.Text, parsed.IgnoreCase, "false", setting);
                }
            }

            public void AnalyzeFieldReference(OperationContext context)
            {
                var reference = (IFieldReferenceOperation)context.Operation;
                if (reference.Field.Name != "NoCheck"
                    || !SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, revocationMode)
                    || ConfiguredSetting(context, reference) is not { } setting)
                {
                    return;
                }

                // 'options.CheckRevocation ? Online : NoCheck': reported only when the option's default picks NoCheck.
                if (ChoiceOnConfiguration(reference) is { } choice)
                {
                    if (choice.PicksByDefault)
                    {
                        Report(context, reference, setting, choice.Note);
                    }

                    return;
                }

                Report(context, reference.Syntax, setting, null, IsChosen(reference) ? NoFixProperty : null);
            }

            /// <summary>
            /// <c>Enum.Parse&lt;X509RevocationMode&gt;(text)</c> and <c>(X509RevocationMode)Enum.Parse(typeof(X509RevocationMode), text)</c>
            /// where the result configures something: every place that writes "NoCheck" into the text (a literal, the
            /// fallback of <c>config["…"] ?? "NoCheck"</c>, a constant in another file) is reported.
            /// </summary>
            public void AnalyzeInvocation(OperationContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (ParsedEnum(invocation) is not { } parsed)
                {
                    return;
                }

                // The non-generic Enum.Parse returns object: its use starts at the cast to X509RevocationMode.
                var result = invocation.Parent is IConversionOperation unboxed && invocation.Type?.SpecialType == SpecialType.System_Object ? unboxed : (IOperation)invocation;
                if (ConfiguredSetting(context, result) is not { } setting)
                {
                    return;
                }

                ReportWrittenText(context, parsed.Text, parsed.IgnoreCase, "NoCheck", setting);
            }

            /// <summary>
            /// How a value of <c>X509RevocationMode</c> is written where it configures something ("RevocationMode = …"), or
            /// null when it does not configure (it is compared, or lands in a local that configures nothing), or when it
            /// configures something that cannot weaken a connection or an object whose validation accepts everything.
            /// </summary>
            private string? ConfiguredSetting(OperationContext context, IOperation value)
            {
                if (revocationMode is null || ValueUse.Classify(value, revocationMode, out var consumer) != ValueUseKind.Configuring)
                {
                    return null;
                }

                var local = ValueUse.WrittenLocal(consumer);
                if (local is not null && !ValueUse.LocalFlowsIntoConfiguration(value, local, revocationMode))
                {
                    return null;
                }

                if (consumer is IAssignmentOperation { Target: IPropertyReferenceOperation configured }
                    && (HasNoEffectOnTls(configured) || judge.ObjectAcceptsEverything(configured, context.Root.Operation, context.CancellationToken)))
                {
                    return null;
                }

                var quoted = Prose.Quote(value.Syntax);
                return consumer switch
                {
                    IAssignmentOperation { Target: IPropertyReferenceOperation target } => target.Property.Name + " = " + quoted,
                    IArgumentOperation { Parameter: { } parameter } => parameter.Name + ": " + quoted,
                    _ => quoted,
                };
            }

            /// <summary>The text argument of <c>Enum.Parse</c> for <c>X509RevocationMode</c>, and whether it ignores case.</summary>
            private (IOperation Text, bool IgnoreCase)? ParsedEnum(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                if (method.Name != "Parse" || method.ContainingType?.SpecialType != SpecialType.System_Enum)
                {
                    return null;
                }

                var parsesMode = method.TypeArguments.Length == 1 && SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], revocationMode);
                foreach (var argument in invocation.Arguments)
                {
                    parsesMode |= argument.Value is ITypeOfOperation { TypeOperand: var type } && SymbolEqualityComparer.Default.Equals(type, revocationMode);
                }

                return parsesMode ? TextArgument(invocation) : null;
            }

            /// <summary>
            /// The text a bool revocation setting is parsed from (<c>bool.Parse(text)</c>, <c>Convert.ToBoolean(text)</c>;
            /// both ignore case), or a configuration read's default (<c>config.GetValue("…", false)</c>).
            /// </summary>
            private static (IOperation Text, bool IgnoreCase)? ParsedFlag(IOperation value)
            {
                if (Conversions.Unwrap(value) is not IInvocationOperation { TargetMethod: var method } invocation)
                {
                    return null;
                }

                if (method.Name == "Parse" && method.ContainingType?.SpecialType == SpecialType.System_Boolean
                    || method.Name == "ToBoolean" && method.ContainingType is { Name: "Convert", ContainingNamespace.Name: "System" })
                {
                    return invocation.Arguments.Length == 1 && invocation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String
                        ? (invocation.Arguments[0].Value, true)
                        : null;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.Explicit && UrlValue.IsDefaultParameter(argument.Parameter) && IsConstantFalse(argument.Value))
                    {
                        return (argument.Value, false);
                    }
                }

                return null;
            }

            private static (IOperation Text, bool IgnoreCase)? TextArgument(IInvocationOperation invocation)
            {
                IOperation? text = null;
                var ignoreCase = false;
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                    {
                        text = argument.Value;
                    }
                    else if (argument.Parameter?.Name == "ignoreCase")
                    {
                        ignoreCase = argument.Value.ConstantValue is { HasValue: true, Value: true };
                    }
                }

                return text is null ? null : (text, ignoreCase);
            }

            /// <summary>
            /// Reports each place that writes <paramref name="off"/> into <paramref name="text"/>: the literal itself, the
            /// fallback of <c>??</c> or of a configuration read (then the message says the configuration leaves it unset),
            /// and, for text written in another file, the reference here, naming the constant and its file.
            /// </summary>
            private void ReportWrittenText(OperationContext context, IOperation text, bool ignoreCase, string off, string setting)
            {
                if (IsConstantFalse(text))
                {
                    Report(context, text.Syntax, setting, Unset); // GetValue("…", false): a configuration read's default
                    return;
                }

                var useTree = text.Syntax.SyntaxTree;
                var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                foreach (var value in UrlValue.All(text))
                {
                    if (value.HoleFollowsPrefix || !string.Equals(value.KnownPrefix.Trim(), off, comparison)
                        || value.Fragments.Count != 1 || value.Fragments[0] is not { Node: { } written } fragment
                        || fragment.ReportNode(useTree) is not { } node)
                    {
                        continue;
                    }

                    if (fragment.IsFromOtherFile(useTree))
                    {
                        var elsewhere = " through '" + Prose.Symbol(fragment.ViaSymbol!) + "' (\"" + fragment.Text + "\", written in " + Prose.FileName(written.SyntaxTree) + ")";
                        Report(context, node, setting, elsewhere, NoFixProperty, written);
                        continue;
                    }

                    var literal = text.SemanticModel?.GetOperation(written, context.CancellationToken);
                    var rewritable = written is LiteralExpressionSyntax && literal is not null && !IsChosen(literal);
                    Report(context, node, setting, literal is not null && IsFallback(literal) ? Unset : null, rewritable ? null : NoFixProperty);
                }
            }

            /// <summary>True when <paramref name="written"/> is the right side of <c>??</c> or <c>??=</c>, or a configuration read's default.</summary>
            private static bool IsFallback(IOperation written)
            {
                var side = Conversions.Outermost(written);
                return side.Parent switch
                {
                    ICoalesceOperation coalesce => coalesce.WhenNull == side,
                    ICoalesceAssignmentOperation assignment => assignment.Value == side,
                    IArgumentOperation argument => UrlValue.IsDefaultParameter(argument.Parameter),
                    _ => false,
                };
            }

            /// <summary>
            /// True when <paramref name="value"/> is one side of a choice the rule does not judge: <c>condition ? a : b</c>
            /// with a condition that is not constant, or an arm of a switch expression.
            /// </summary>
            private static bool IsChosen(IOperation value)
            {
                var side = Conversions.Outermost(value);
                return side.Parent is IConditionalOperation { WhenFalse: not null } choice && choice.Condition != side && !choice.Condition.ConstantValue.HasValue
                    || side.Parent is ISwitchExpressionArmOperation arm && arm.Value == side;
            }

            /// <summary>
            /// <paramref name="value"/> as one side of <c>condition ? a : b</c> whose condition reads a configuration option
            /// with a default written in source: whether that default picks this side, and the clause that says so.
            /// Null when it is not such a choice or the default is not knowable (then the constant is reported as it is).
            /// </summary>
            private static (bool PicksByDefault, string Note)? ChoiceOnConfiguration(IOperation value)
            {
                value = Conversions.Outermost(value);
                if (value.Parent is not IConditionalOperation { WhenFalse: not null } choice
                    || choice.Condition == value
                    || ConfiguredDefault(choice.Condition) is not { } configured)
                {
                    return null;
                }

                var chosen = configured.Value ? choice.WhenTrue : choice.WhenFalse;
                return (chosen == value, configured.Note);
            }

            /// <summary>
            /// The default of a bool option read by <paramref name="value"/> (<c>settings.CheckCrl</c>, <c>!options.SkipCrl</c>,
            /// <c>options.Mode == X</c> is not followed): the initializer of a source property or field, or false for an auto-property
            /// or field without one. Null when the value is not such an option or its default is not knowable (set in a
            /// constructor, computed, from another assembly).
            /// </summary>
            private static (bool Value, string Note)? ConfiguredDefault(IOperation value)
            {
                var negated = false;
                value = Conversions.Unwrap(value);
                while (value is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not)
                {
                    negated = !negated;
                    value = Conversions.Unwrap(not.Operand);
                }

                var member = value switch
                {
                    IPropertyReferenceOperation { Property: { Type.SpecialType: SpecialType.System_Boolean, Parameters.IsEmpty: true } property } => (ISymbol)property,
                    IFieldReferenceOperation { Field: { Type.SpecialType: SpecialType.System_Boolean, IsConst: false, DeclaredAccessibility: Accessibility.Public } field } => field,
                    _ => null,
                };
                if (member is null || SourceDefault(member) is not { } initial)
                {
                    return null;
                }

                return (initial != negated, " while '" + member.Name + "' keeps its default (" + (initial ? "true" : "false") + ")");
            }

            private static bool? SourceDefault(ISymbol member)
            {
                if (member.DeclaringSyntaxReferences.Length != 1 || member.ContainingType is not { } type || AssignedInConstructor(type, member.Name))
                {
                    return null;
                }

                switch (member.DeclaringSyntaxReferences[0].GetSyntax())
                {
                    case PropertyDeclarationSyntax { Initializer: { } initializer }:
                        return Literal(initializer.Value);
                    case PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }:
                        foreach (var accessor in accessors.Accessors)
                        {
                            if (accessor.Body is not null || accessor.ExpressionBody is not null)
                            {
                                return null;
                            }
                        }

                        return false;
                    case VariableDeclaratorSyntax { Initializer: { } fieldInitializer }:
                        return Literal(fieldInitializer.Value);
                    case VariableDeclaratorSyntax:
                        return false;
                    default:
                        return null;
                }
            }

            private static bool? Literal(ExpressionSyntax value) => value.Kind() switch
            {
                SyntaxKind.TrueLiteralExpression => true,
                SyntaxKind.FalseLiteralExpression => false,
                _ => null,
            };

            /// <summary>True when a constructor of <paramref name="type"/> (or a primary constructor) may set the member.</summary>
            private static bool AssignedInConstructor(INamedTypeSymbol type, string name)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: not null })
                    {
                        return true;
                    }
                }

                foreach (var constructor in type.InstanceConstructors)
                {
                    foreach (var reference in constructor.DeclaringSyntaxReferences)
                    {
                        foreach (var node in reference.GetSyntax().DescendantNodes())
                        {
                            if (node is AssignmentExpressionSyntax { Left: var left }
                                && (left is IdentifierNameSyntax { Identifier.ValueText: var simple } && simple == name
                                    || left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } && member == name))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }

            /// <summary>
            /// Settings that cannot weaken a TLS connection: a chain policy built outside any certificate validation (a
            /// standalone <c>new X509Chain()</c> that checks code-signing or broker certificates, in a method that takes
            /// no <c>X509Chain</c> or <c>SslPolicyErrors</c>), and a server's revocation mode for client certificates it
            /// does not require (<c>new SslServerAuthenticationOptions { … }</c> without <c>ClientCertificateRequired = true</c>).
            /// </summary>
            private static bool HasNoEffectOnTls(IPropertyReferenceOperation configured)
            {
                switch (configured.Property.ContainingType?.Name)
                {
                    case "X509ChainPolicy":
                        return !CertificateFacts.InValidationContext(configured);
                    case "SslServerAuthenticationOptions":
                        return CertificateFacts.ServerIgnoresClientCertificates(configured);
                    default:
                        return false;
                }
            }

            private static bool IsConstantFalse(IOperation value) => value.ConstantValue is { HasValue: true, Value: false };

            private void Report(OperationContext context, IOperation value, string setting, string? configured = null) =>
                Report(context, value.Syntax, setting, configured, configured is null ? null : ConfiguredDefaultProperty, null);

            private void Report(OperationContext context, SyntaxNode syntax, string setting, string? configured, string? property = null, SyntaxNode? declaration = null)
            {
                // Text can reach several settings (one local parsed twice): it is reported once, where it is written.
                if (!policy.ShouldReport(RuleIds.RevocationCheckDisabled, syntax.SyntaxTree)
                    || !context.Root.Replay.State(() => new HashSet<TextSpan>()).Add(syntax.Span))
                {
                    return;
                }

                var note = policy.DevelopmentNote(RuleIds.RevocationCheckDisabled, syntax, CertificateFacts.DevelopmentNote(RuleIds.RevocationCheckDisabled));
                if (note is not null)
                {
                    var properties = property is null
                        ? ImmutableDictionary<string, string?>.Empty
                        : ImmutableDictionary<string, string?>.Empty.Add(property, "true");
                    var additional = declaration is null ? null : new[] { declaration.GetLocation() };
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES3003, syntax.GetLocation(), additional, properties, setting, configured ?? string.Empty, note));
                }
            }
        }
    }
}
