using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// RES3001 (validation disabled) and RES3002 (some certificate errors accepted). Every creation of a certificate
    /// validation delegate (a lambda, an anonymous method, a method group, <c>new RemoteCertificateValidationCallback(M)</c>)
    /// is judged by <see cref="ValidatorEvaluator"/> and reported where it is created, wherever it is stored or passed.
    /// RES3001 also covers <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>, an always-true legacy
    /// <c>ICertificatePolicy</c> and a never-throwing WCF <c>X509CertificateValidator</c> (both at the implementation), WCF
    /// <c>X509CertificateValidationMode.None</c>, and callbacks of unresolved or third-party types judged by their shape.
    /// RES3002 also covers a WCF validator that throws only when a property the issuer chooses differs.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class CertificateValidationAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES3001, Descriptors.RES3002);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        void ICodeRule.Start(CodePass pass) => OnCompilationStart(pass);

        /// <summary>The first method named <paramref name="name"/> on <paramref name="type"/>, once per compilation.</summary>
        private static IMethodSymbol? FirstMethod(INamedTypeSymbol type, string name)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IMethodSymbol method)
                {
                    return method;
                }
            }

            return null;
        }

        private static void OnCompilationStart(CodePass pass)
        {
            var analysis = new Lazy<CompilationAnalysis>(() => CreateAnalysis(pass), LazyThreadSafetyMode.ExecutionAndPublication);

            // A validator need not name any certificate type where it is written: a lambda passed to a helper in
            // another file is typed by the helper's parameter. Every delegate creation is judged, through the host's
            // operation action (delegate creations are rare, so this costs next to nothing).
            pass.OnEvery(CertificateFacts.MayBeValidationDelegate, c => analysis.Value.AnalyzeDelegateCreation(c), OperationKind.DelegateCreation);

            // The rest must be named where it is used: DangerousAcceptAnyServerCertificateValidator, an ICertificatePolicy
            // or X509CertificateValidator implementation, the WCF X509CertificateValidationMode and the callback
            // properties judged by shape all spell "Certificate". An initializer that names it replays the whole file:
            // a Validate override in a class that derives from X509CertificateValidator through a base class of its own
            // need not spell it anywhere.
            pass.Add(() => analysis.Value.Replay, "Certificate");
        }

        /// <summary>
        /// The rule's types and handlers for a compilation. Without any certificate type the callbacks of half-typed code or
        /// of a missing reference are still judged by their shape (<see cref="CompilationAnalysis.AnalyzeCallbackAssignment"/>).
        /// </summary>
        private static CompilationAnalysis CreateAnalysis(CodePass pass)
        {
            var certificatePolicy = pass.Types.CertificatePolicy;
            return new CompilationAnalysis(
                pass.Types.SslPolicyErrors,
                pass.Types.X509Certificate,
                pass.Types.X509Chain,
                pass.Types.HttpClientHandler,
                certificatePolicy,
                certificatePolicy is null ? null : FirstMethod(certificatePolicy, "CheckValidationResult"),
                pass.Types.WcfValidationMode,
                pass.Types.X509CertificateValidator,
                new MethodBodies(pass.Compilation),
                pass.Policy);
        }

        /// <summary>Where a RES3001/RES3002 diagnostic goes for a delegate creation (see the diagnostic conventions).</summary>
        private static Location LocationOf(IDelegateCreationOperation creation)
        {
            if (creation.Target is IAnonymousFunctionOperation { Syntax: AnonymousFunctionExpressionSyntax function })
            {
                return Location.Create(function.SyntaxTree, CertificateFacts.ValidatorSpan(function));
            }

            // A method group, or an explicit 'new RemoteCertificateValidationCallback(M)'.
            return creation.Syntax.GetLocation();
        }

        private sealed class CompilationAnalysis
        {
            private const string CallbackAdvice = "accept a certificate only when the errors are SslPolicyErrors.None";
            private const string ValidatorAdvice = "validate the chain first (X509CertificateValidator.ChainTrust.Validate) and check these properties only after it";

            private readonly INamedTypeSymbol? sslPolicyErrors;
            private readonly INamedTypeSymbol? certificate;
            private readonly INamedTypeSymbol? chain;
            private readonly INamedTypeSymbol? httpClientHandler;
            private readonly INamedTypeSymbol? certificatePolicy;
            private readonly IMethodSymbol? checkValidationResult;
            private readonly INamedTypeSymbol? wcfValidationMode;
            private readonly INamedTypeSymbol? certificateValidator;
            private readonly ValidatorJudge judge;
            private readonly AnalysisPolicy policy;
            private readonly ConcurrentDictionary<INamedTypeSymbol, bool> validationDelegates = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

            public CompilationAnalysis(
                INamedTypeSymbol? sslPolicyErrors,
                INamedTypeSymbol? certificate,
                INamedTypeSymbol? chain,
                INamedTypeSymbol? httpClientHandler,
                INamedTypeSymbol? certificatePolicy,
                IMethodSymbol? checkValidationResult,
                INamedTypeSymbol? wcfValidationMode,
                INamedTypeSymbol? certificateValidator,
                MethodBodies bodies,
                AnalysisPolicy policy)
            {
                this.sslPolicyErrors = sslPolicyErrors;
                this.certificate = certificate;
                this.chain = chain;
                this.httpClientHandler = httpClientHandler;
                this.certificatePolicy = certificatePolicy;
                this.checkValidationResult = checkValidationResult;
                this.wcfValidationMode = wcfValidationMode;
                this.certificateValidator = certificateValidator;
                this.policy = policy;
                judge = new ValidatorJudge(bodies, sslPolicyErrors, httpClientHandler);

                var replay = new OperationReplay()
                    .On(AnalyzeCallbackAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
                if (sslPolicyErrors is not null)
                {
                    replay.On(AnalyzePropertyReference, OperationKind.PropertyReference);
                }

                if (checkValidationResult is not null || certificateValidator is not null)
                {
                    replay.On(AnalyzeMethodBody, OperationKind.MethodBody);
                }

                if (wcfValidationMode is not null)
                {
                    replay.On(AnalyzeFieldReference, OperationKind.FieldReference);
                }

                Replay = new ReplaySetup(replay);
            }

            /// <summary>The handlers for the members that name "Certificate" (everything but delegate creations).</summary>
            public ReplaySetup Replay { get; }

            private bool IsValidationDelegate(ITypeSymbol? type) =>
                sslPolicyErrors is not null
                && type is INamedTypeSymbol delegateType
                && validationDelegates.GetOrAdd(delegateType, t => CertificateFacts.IsValidationDelegate(t, sslPolicyErrors, certificate, chain));

            public void AnalyzeDelegateCreation(OperationContext context)
            {
                var creation = (IDelegateCreationOperation)context.Operation;
                if (!IsValidationDelegate(creation.Type)
                    || (!policy.ShouldReport(RuleIds.CertificateValidationDisabled, creation.Syntax.SyntaxTree)
                        && !policy.ShouldReport(RuleIds.CertificateErrorsAccepted, creation.Syntax.SyntaxTree))
                    || HasNoEffect(creation))
                {
                    return;
                }

                ValidatorVerdict verdict;
                string subject;
                switch (creation.Target)
                {
                    case IAnonymousFunctionOperation function:
                        verdict = judge.JudgeFunction(function, context.CancellationToken);
                        subject = "This certificate validation callback";
                        break;
                    case IMethodReferenceOperation reference:
                        var method = reference.Method.OriginalDefinition;
                        verdict = judge.JudgeMethod(method, creation.SemanticModel, context.CancellationToken);
                        subject = "Validation method '" + method.Name + "'";
                        if (verdict.Kind is ValidatorKind.AcceptsEverything or ValidatorKind.AcceptsSomeErrors
                            && UsedEarlierInFile(creation, method, context.CancellationToken))
                        {
                            // One method, one diagnostic: at its first use as a validator in the file.
                            return;
                        }

                        break;
                    default:
                        // A delegate made from another delegate: reported where that one was created.
                        return;
                }

                var location = LocationOf(creation);
                switch (verdict.Kind)
                {
                    case ValidatorKind.AcceptsEverything:
                        Report(context, Descriptors.RES3001, location, creation.Syntax, subject);
                        break;
                    case ValidatorKind.AcceptsSomeErrors:
                        // What the accepting paths test instead of the errors says why; only without it does the message
                        // say that the errors are never read.
                        var qualifier = ValidatorConditions.Qualifier(verdict.AcceptingReturns);
                        var leaked = CertificateFacts.DescribeErrors(verdict.AcceptedErrors)
                            + (qualifier.Length == 0 && verdict.NeverReadsErrors ? ", because it never reads the SslPolicyErrors argument" : qualifier);
                        if (policy.ShouldReport(RuleIds.CertificateErrorsAccepted, creation.Syntax.SyntaxTree))
                        {
                            var note = DevelopmentNoteForReturns(verdict, creation.Syntax);
                            if (note is not null)
                            {
                                context.ReportDiagnostic(Diagnostic.Create(
                                    Descriptors.RES3002,
                                    location,
                                    subject,
                                    leaked,
                                    CallbackAdvice,
                                    note));
                            }
                        }

                        break;
                }
            }

            /// <summary>
            /// A validator installed where it never runs: the callback of <c>new SslServerAuthenticationOptions { … }</c>
            /// without <c>ClientCertificateRequired = true</c> (the server asks for no client certificate).
            /// </summary>
            private static bool HasNoEffect(IOperation creation)
            {
                var current = Conversions.Outermost(creation);
                return current.Parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation configured } assignment
                    && assignment.Value == current
                    && CertificateFacts.ServerIgnoresClientCertificates(configured);
            }

            /// <summary>
            /// True when <paramref name="method"/> is made into a validation delegate earlier in the same file: a method passed
            /// to two handlers is one root cause, reported at its first use (the IDE analyses one file at a time, so a
            /// method used in several files is reported once in each).
            /// </summary>
            private bool UsedEarlierInFile(IDelegateCreationOperation creation, IMethodSymbol method, CancellationToken cancellationToken)
            {
                var model = creation.SemanticModel;
                var start = creation.Syntax.SpanStart;
                if (model is null)
                {
                    return false;
                }

                var root = creation.Syntax.SyntaxTree.GetRoot(cancellationToken);
                foreach (var node in root.DescendantNodes(n => n.SpanStart < start))
                {
                    if (node.SpanStart >= start
                        || node is not IdentifierNameSyntax name
                        || name.Identifier.ValueText != method.Name
                        || name.Parent is InvocationExpressionSyntax)
                    {
                        continue;
                    }

                    SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                    var operation = model.GetOperation(expression, cancellationToken);
                    if (operation is IMethodReferenceOperation { Parent: IDelegateCreationOperation earlier } reference
                        && SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, method)
                        && IsValidationDelegate(earlier.Type)
                        && !HasNoEffect(earlier))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// A lambda or method group written to a member named like a validation callback
            /// (<see cref="ValidatorJudge.CallbackProperties"/>) whose type is not a known validation delegate: an error type
            /// in half-typed code or with a missing reference, or a third-party delegate of its own. It is judged by its shape:
            /// three or four parameters (or none written, <c>delegate { … }</c>) and a body that returns true on every path.
            /// </summary>
            public void AnalyzeCallbackAssignment(OperationContext context)
            {
                var assignment = (IAssignmentOperation)context.Operation;
                if ((assignment is ICompoundAssignmentOperation && !assignment.Syntax.IsKind(SyntaxKind.AddAssignmentExpression))
                    || CertificateFacts.AssignedMemberName(assignment.Target.Syntax) is not { } name
                    || !ValidatorJudge.CallbackProperties.Contains(name))
                {
                    return;
                }

                var value = assignment.Value;
                while (value is IConversionOperation { Operand: var operand } && value.Syntax == operand.Syntax)
                {
                    value = operand;
                }

                if (value is IDelegateCreationOperation creation)
                {
                    if (IsValidationDelegate(creation.Type))
                    {
                        // Judged where it is created (AnalyzeDelegateCreation).
                        return;
                    }

                    value = creation.Target;
                }

                ValidatorVerdict verdict;
                Location location;
                string subject;
                switch (value)
                {
                    case IAnonymousFunctionOperation function when function.Syntax is AnonymousFunctionExpressionSyntax syntax && HasValidatorShape(function.Symbol, syntax):
                        verdict = judge.JudgeFunction(function, context.CancellationToken);
                        location = Location.Create(syntax.SyntaxTree, CertificateFacts.ValidatorSpan(syntax));
                        subject = "This certificate validation callback";
                        break;
                    default:
                        if (MethodGroup(value, context.CancellationToken) is not { } method || !HasValidatorShape(method, null))
                        {
                            return;
                        }

                        verdict = judge.JudgeMethod(method, value.SemanticModel, context.CancellationToken);
                        location = value.Syntax.GetLocation();
                        subject = "Validation method '" + method.Name + "'";
                        break;
                }

                if (verdict.Kind == ValidatorKind.AcceptsEverything)
                {
                    Report(context, Descriptors.RES3001, location, value.Syntax, subject);
                }
            }

            /// <summary>The source method a method group names, also where the group could not be converted (an error type).</summary>
            private static IMethodSymbol? MethodGroup(IOperation value, CancellationToken cancellationToken)
            {
                if (value is IMethodReferenceOperation reference)
                {
                    return reference.Method.OriginalDefinition;
                }

                if (value.Syntax is not (IdentifierNameSyntax or MemberAccessExpressionSyntax) || value.SemanticModel is not { } model)
                {
                    return null;
                }

                var info = model.GetSymbolInfo(value.Syntax, cancellationToken);
                if (info.Symbol is IMethodSymbol method)
                {
                    return method.OriginalDefinition;
                }

                IMethodSymbol? single = null;
                foreach (var candidate in info.CandidateSymbols)
                {
                    if (candidate is not IMethodSymbol candidateMethod || single is not null)
                    {
                        return null;
                    }

                    single = candidateMethod;
                }

                return single?.OriginalDefinition;
            }

            /// <summary>A validator's shape: three or four parameters (certificate, chain, errors, and a sender first), bool or unknown result.</summary>
            private static bool HasValidatorShape(IMethodSymbol? method, AnonymousFunctionExpressionSyntax? syntax)
            {
                if (syntax is AnonymousMethodExpressionSyntax { ParameterList: null })
                {
                    return true;
                }

                return method is { Parameters.Length: 3 or 4 }
                    && (method.ReturnType.SpecialType == SpecialType.System_Boolean || method.ReturnType.TypeKind == TypeKind.Error || syntax is not null);
            }

            public void AnalyzePropertyReference(OperationContext context)
            {
                var reference = (IPropertyReferenceOperation)context.Operation;
                if (reference.Property.Name != "DangerousAcceptAnyServerCertificateValidator"
                    || !SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, httpClientHandler)
                    || IsOnlyRead(reference))
                {
                    return;
                }

                Report(context, Descriptors.RES3001, reference.Syntax.GetLocation(), reference.Syntax, "HttpClientHandler.DangerousAcceptAnyServerCertificateValidator");
            }

            /// <summary>
            /// The implementations of a legacy <c>ICertificatePolicy.CheckValidationResult</c> and of a WCF
            /// <c>X509CertificateValidator.Validate</c> override, judged where they are written: a class is one root cause
            /// wherever (and however often) it is installed, so it is reported once, at the method's name.
            /// </summary>
            public void AnalyzeMethodBody(OperationContext context)
            {
                var body = (IMethodBodyOperation)context.Operation;
                if (body.Syntax is not MethodDeclarationSyntax { Identifier.ValueText: "CheckValidationResult" or "Validate" } declaration
                    || (body.BlockBody ?? body.ExpressionBody) is not { } block
                    || body.SemanticModel?.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method
                    || method.ContainingType is not { } type)
                {
                    return;
                }

                var location = declaration.Identifier.GetLocation();
                if (checkValidationResult is not null
                    && certificatePolicy is not null
                    && declaration.Identifier.ValueText == checkValidationResult.Name
                    && Implements(type, certificatePolicy)
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(checkValidationResult), method))
                {
                    if (judge.JudgeMethod(method, body.SemanticModel, context.CancellationToken).Kind == ValidatorKind.AcceptsEverything)
                    {
                        Report(context, Descriptors.RES3001, location, declaration, "Certificate policy '" + type.Name + "'");
                    }
                    else if (method.Parameters.Length == 4
                        && method.Parameters[3].Type.SpecialType == SpecialType.System_Int32
                        && policy.ShouldReport(RuleIds.CertificateErrorsAccepted, declaration.SyntaxTree)
                        && ValidatorEvaluator.AcceptedProblems(block, method.Parameters[3], judge.Bodies, context.CancellationToken) is { Count: > 0 } accepted)
                    {
                        Report(
                            context,
                            Descriptors.RES3002,
                            location,
                            declaration,
                            "Certificate policy '" + type.Name + "'",
                            CertificateFacts.DescribeProblems(accepted),
                            "return true only when " + method.Parameters[3].Name + " is 0");
                    }

                    return;
                }

                if (certificateValidator is null
                    || declaration.Identifier.ValueText != "Validate"
                    || !method.IsOverride
                    || method.Parameters.Length != 1
                    || !CertificateFacts.IsOrDerives(type.BaseType, certificateValidator))
                {
                    return;
                }

                switch (ValidatorConditions.JudgeCustomValidator(block, judge.Bodies, context.CancellationToken, out var tested))
                {
                    case ValidatorKind.AcceptsEverything:
                        Report(context, Descriptors.RES3001, location, declaration, "Certificate validator '" + type.Name + "'");
                        break;
                    case ValidatorKind.AcceptsSomeErrors:
                        Report(
                            context,
                            Descriptors.RES3002,
                            location,
                            declaration,
                            "Certificate validator '" + type.Name + "'",
                            "any certificate whose " + tested + " matches, without checking its chain; anyone can put these in a self-signed certificate",
                            ValidatorAdvice);
                        break;
                }
            }

            public void AnalyzeFieldReference(OperationContext context)
            {
                var reference = (IFieldReferenceOperation)context.Operation;
                if (reference.Field.Name != "None"
                    || wcfValidationMode is null
                    || !SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, wcfValidationMode)
                    || ValueUse.Classify(reference, wcfValidationMode, out _) != ValueUseKind.Configuring)
                {
                    return;
                }

                Report(context, Descriptors.RES3001, reference.Syntax.GetLocation(), reference.Syntax, "X509CertificateValidationMode.None");
            }

            /// <summary>Compared, tested or named: <c>callback == HttpClientHandler.DangerousAcceptAny...</c> configures nothing.</summary>
            private static bool IsOnlyRead(IOperation operation)
            {
                var current = operation;
                var parent = operation.Parent;
                while (parent is IConversionOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                switch (parent)
                {
                    case IBinaryOperation:
                    case IIsPatternOperation:
                    case IIsTypeOperation:
                    case INameOfOperation:
                        return true;
                    case IInvocationOperation invocation:
                        return invocation.Instance == current;
                    case IMemberReferenceOperation member:
                        return member.Instance == current;
                    default:
                        return false;
                }
            }

            private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol @interface)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented, @interface))
                    {
                        return true;
                    }
                }

                return false;
            }


            /// <summary>
            /// The note for RES3002: development-only when the creation is, or when every return that lets an error
            /// through sits in development-only code (<c>if (env.IsDevelopment()) return true;</c>).
            /// </summary>
            private string? DevelopmentNoteForReturns(ValidatorVerdict verdict, SyntaxNode creation)
            {
                var id = RuleIds.CertificateErrorsAccepted;
                var note = CertificateFacts.DevelopmentNote(id);
                var atCreation = policy.DevelopmentNote(id, creation, note);
                if (atCreation is null || atCreation.Length > 0 || verdict.AcceptingReturns.IsEmpty)
                {
                    return atCreation;
                }

                foreach (var accepting in verdict.AcceptingReturns)
                {
                    if (!DevelopmentCode.IsDevelopmentOnly(accepting.Syntax))
                    {
                        return string.Empty;
                    }
                }

                return policy.DevelopmentNote(id, verdict.AcceptingReturns[0].Syntax, note);
            }

            /// <summary>Reports <paramref name="descriptor"/> with <paramref name="arguments"/> and the development-code note as the last argument.</summary>
            private void Report(OperationContext context, DiagnosticDescriptor descriptor, Location location, SyntaxNode node, params string[] arguments)
            {
                if (!policy.ShouldReport(descriptor.Id, node.SyntaxTree)
                    || policy.DevelopmentNote(descriptor.Id, node, CertificateFacts.DevelopmentNote(descriptor.Id)) is not { } note)
                {
                    return;
                }

                var all = new object[arguments.Length + 1];
                arguments.CopyTo(all, 0);
                all[arguments.Length] = note;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, all));
            }
        }
    }
}
