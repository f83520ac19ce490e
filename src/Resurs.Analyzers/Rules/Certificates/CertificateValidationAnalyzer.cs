using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
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
    /// <c>ICertificatePolicy</c> and WCF <c>X509CertificateValidationMode.None</c>.
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
            var analysis = new Lazy<CompilationAnalysis?>(() => CreateAnalysis(pass), LazyThreadSafetyMode.ExecutionAndPublication);

            // A validator need not name any certificate type where it is written: a lambda passed to a helper in
            // another file is typed by the helper's parameter. Every delegate creation is judged, through the host's
            // operation action (delegate creations are rare, so this costs next to nothing).
            pass.OnEvery(CertificateFacts.MayBeValidationDelegate, c => analysis.Value?.AnalyzeDelegateCreation(c), OperationKind.DelegateCreation);

            // The rest must be named where it is used: DangerousAcceptAnyServerCertificateValidator, the
            // ICertificatePolicy installed through ServicePointManager.CertificatePolicy, and the WCF
            // X509CertificateValidationMode all spell "Certificate".
            pass.Add(() => analysis.Value?.Replay, "Certificate");
        }

        /// <summary>The rule's types and handlers for a compilation, or null when none of the types it judges exists.</summary>
        private static CompilationAnalysis? CreateAnalysis(CodePass pass)
        {
            var sslPolicyErrors = pass.Types.SslPolicyErrors;
            var certificatePolicy = pass.Types.CertificatePolicy;
            var checkValidationResult = certificatePolicy is null ? null : FirstMethod(certificatePolicy, "CheckValidationResult");
            var wcfValidationMode = pass.Types.WcfValidationMode;
            if (sslPolicyErrors is null && certificatePolicy is null && wcfValidationMode is null)
            {
                return null;
            }

            return new CompilationAnalysis(
                sslPolicyErrors,
                pass.Types.X509Certificate,
                pass.Types.X509Chain,
                pass.Types.HttpClientHandler,
                certificatePolicy,
                checkValidationResult,
                wcfValidationMode,
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
            private readonly INamedTypeSymbol? sslPolicyErrors;
            private readonly INamedTypeSymbol? certificate;
            private readonly INamedTypeSymbol? chain;
            private readonly INamedTypeSymbol? httpClientHandler;
            private readonly INamedTypeSymbol? certificatePolicy;
            private readonly IMethodSymbol? checkValidationResult;
            private readonly INamedTypeSymbol? wcfValidationMode;
            private readonly MethodBodies bodies;
            private readonly AnalysisPolicy policy;
            private readonly ConcurrentDictionary<INamedTypeSymbol, bool> validationDelegates = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<IMethodSymbol, ValidatorVerdict> methodVerdicts = new ConcurrentDictionary<IMethodSymbol, ValidatorVerdict>(SymbolEqualityComparer.Default);

            public CompilationAnalysis(
                INamedTypeSymbol? sslPolicyErrors,
                INamedTypeSymbol? certificate,
                INamedTypeSymbol? chain,
                INamedTypeSymbol? httpClientHandler,
                INamedTypeSymbol? certificatePolicy,
                IMethodSymbol? checkValidationResult,
                INamedTypeSymbol? wcfValidationMode,
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
                this.bodies = bodies;
                this.policy = policy;

                var replay = new OperationReplay();
                if (sslPolicyErrors is not null)
                {
                    replay.On(AnalyzePropertyReference, OperationKind.PropertyReference);
                }

                if (checkValidationResult is not null)
                {
                    replay.On(AnalyzeObjectCreation, OperationKind.ObjectCreation);
                }

                if (wcfValidationMode is not null)
                {
                    replay.On(AnalyzeFieldReference, OperationKind.FieldReference);
                }

                Replay = new ReplaySetup(replay);
            }

            /// <summary>The handlers for the members that name "Certificate" (everything but delegate creations).</summary>
            public ReplaySetup Replay { get; }

            public void AnalyzeDelegateCreation(OperationContext context)
            {
                var creation = (IDelegateCreationOperation)context.Operation;
                if (sslPolicyErrors is null
                    || creation.Type is not INamedTypeSymbol delegateType
                    || !validationDelegates.GetOrAdd(delegateType, t => CertificateFacts.IsValidationDelegate(t, sslPolicyErrors, certificate, chain))
                    || (!policy.ShouldReport(RuleIds.CertificateValidationDisabled, creation.Syntax.SyntaxTree)
                        && !policy.ShouldReport(RuleIds.CertificateErrorsAccepted, creation.Syntax.SyntaxTree)))
                {
                    return;
                }

                ValidatorVerdict verdict;
                string subject;
                switch (creation.Target)
                {
                    case IAnonymousFunctionOperation function:
                        verdict = ValidatorEvaluator.Evaluate(
                            function.Body,
                            ValidatorEvaluator.ErrorsParameter(function.Symbol, sslPolicyErrors),
                            bodies,
                            context.CancellationToken);
                        subject = "This certificate validation callback";
                        break;
                    case IMethodReferenceOperation reference:
                        var method = reference.Method.OriginalDefinition;
                        verdict = methodVerdicts.GetOrAdd(method, m =>
                        {
                            var body = bodies.Find(m, creation.SemanticModel, context.CancellationToken);
                            return body is null
                                ? ValidatorVerdict.Unknown
                                : ValidatorEvaluator.Evaluate(body, ValidatorEvaluator.ErrorsParameter(m, sslPolicyErrors), bodies, context.CancellationToken);
                        });
                        subject = "Validation method '" + method.Name + "'";
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
                        var leaked = CertificateFacts.DescribeErrors(verdict.AcceptedErrors)
                            + (verdict.NeverReadsErrors ? ", because it never reads the SslPolicyErrors argument" : string.Empty);
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
                                    note));
                            }
                        }

                        break;
                }
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

            public void AnalyzeObjectCreation(OperationContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (certificatePolicy is null
                    || checkValidationResult is null
                    || creation.Type is not INamedTypeSymbol created
                    || !Implements(created, certificatePolicy)
                    || !policy.ShouldReport(RuleIds.CertificateValidationDisabled, creation.Syntax.SyntaxTree))
                {
                    return;
                }

                if (created.FindImplementationForInterfaceMember(checkValidationResult) is not IMethodSymbol implementation)
                {
                    return;
                }

                var verdict = methodVerdicts.GetOrAdd(implementation.OriginalDefinition, m =>
                {
                    var body = bodies.Find(m, creation.SemanticModel, context.CancellationToken);
                    return body is null ? ValidatorVerdict.Unknown : ValidatorEvaluator.Evaluate(body, null, bodies, context.CancellationToken);
                });
                if (verdict.Kind == ValidatorKind.AcceptsEverything)
                {
                    Report(context, Descriptors.RES3001, creation.Syntax.GetLocation(), creation.Syntax, "Certificate policy '" + created.Name + "'");
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

            private void Report(OperationContext context, DiagnosticDescriptor descriptor, Location location, SyntaxNode node, string subject)
            {
                if (!policy.ShouldReport(descriptor.Id, node.SyntaxTree))
                {
                    return;
                }

                var note = policy.DevelopmentNote(descriptor.Id, node, CertificateFacts.DevelopmentNote(descriptor.Id));
                if (note is null)
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, subject, note));
            }
        }
    }
}
