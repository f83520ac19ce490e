using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// RES3003: revocation checking switched off explicitly. A constant <c>false</c> written to a bool
    /// <c>CheckCertificateRevocationList</c> / <c>CheckCertificateRevocation</c> property or passed for a
    /// <c>checkCertificateRevocation</c> parameter (SslStream.AuthenticateAs*), and <c>X509RevocationMode.NoCheck</c> where it
    /// configures something (X509ChainPolicy.RevocationMode, SslClientAuthenticationOptions.CertificateRevocationCheckMode,
    /// WCF RevocationMode). Leaving a setting at its default is not reported.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class RevocationCheckAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        private static readonly ImmutableHashSet<string> RevocationProperties =
            ImmutableHashSet.Create(StringComparer.Ordinal, "CheckCertificateRevocationList", "CheckCertificateRevocation");

        private const string RevocationParameter = "checkCertificateRevocation";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES3003);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        // The properties, the named argument and X509RevocationMode all say "Revocation"; a positional
        // checkCertificateRevocation argument goes to SslStream.AuthenticateAsClient/AuthenticateAsServer.
        void ICodeRule.Start(CodePass pass) => pass.Add(() => Setup(pass), "Revocation", "AuthenticateAs");

        private static ReplaySetup? Setup(CodePass pass)
        {
            var revocationMode = pass.Types.X509RevocationMode;
            var analysis = new CompilationAnalysis(revocationMode, pass.Policy);
            var replay = new OperationReplay()
                .On(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment)
                .On(analysis.AnalyzeArgument, OperationKind.Argument);
            if (revocationMode is not null)
            {
                replay.On(analysis.AnalyzeFieldReference, OperationKind.FieldReference);
            }
            return new ReplaySetup(replay);
        }

        private sealed class CompilationAnalysis
        {
            private readonly INamedTypeSymbol? revocationMode;
            private readonly AnalysisPolicy policy;

            public CompilationAnalysis(INamedTypeSymbol? revocationMode, AnalysisPolicy policy)
            {
                this.revocationMode = revocationMode;
                this.policy = policy;
            }

            public void AnalyzeAssignment(OperationContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Target is IPropertyReferenceOperation { Property: { Type.SpecialType: SpecialType.System_Boolean } property }
                    && RevocationProperties.Contains(property.Name)
                    && IsConstantFalse(assignment.Value))
                {
                    Report(context, assignment.Value, property.Name + " = " + Prose.Quote(assignment.Value.Syntax));
                }
            }

            public void AnalyzeArgument(OperationContext context)
            {
                var argument = (IArgumentOperation)context.Operation;
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean } parameter
                    && string.Equals(parameter.Name, RevocationParameter, StringComparison.Ordinal)
                    && argument.ArgumentKind == ArgumentKind.Explicit
                    && IsConstantFalse(argument.Value))
                {
                    Report(context, argument.Value, parameter.Name + ": " + Prose.Quote(argument.Value.Syntax));
                }
            }

            public void AnalyzeFieldReference(OperationContext context)
            {
                var reference = (IFieldReferenceOperation)context.Operation;
                if (reference.Field.Name != "NoCheck"
                    || revocationMode is null
                    || !SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, revocationMode)
                    || ValueUse.Classify(reference, revocationMode, out var consumer) != ValueUseKind.Configuring)
                {
                    return;
                }

                var local = ValueUse.WrittenLocal(consumer);
                if (local is not null && !ValueUse.LocalFlowsIntoConfiguration(reference, local, revocationMode))
                {
                    return;
                }

                if (consumer is IAssignmentOperation { Target: IPropertyReferenceOperation configured } && HasNoEffectOnTls(configured))
                {
                    return;
                }

                var quoted = Prose.Quote(reference.Syntax);
                var setting = consumer switch
                {
                    IAssignmentOperation { Target: IPropertyReferenceOperation target } => target.Property.Name + " = " + quoted,
                    IArgumentOperation { Parameter: { } parameter } => parameter.Name + ": " + quoted,
                    _ => quoted,
                };
                Report(context, reference, setting);
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
                        return CertificateFacts.InitializerLacks(configured, "ClientCertificateRequired");
                    default:
                        return false;
                }
            }

            private static bool IsConstantFalse(IOperation value) => value.ConstantValue is { HasValue: true, Value: false };

            private void Report(OperationContext context, IOperation value, string setting)
            {
                var syntax = value.Syntax;
                if (!policy.ShouldReport(RuleIds.RevocationCheckDisabled, syntax.SyntaxTree))
                {
                    return;
                }

                var note = policy.DevelopmentNote(RuleIds.RevocationCheckDisabled, syntax, CertificateFacts.DevelopmentNote(RuleIds.RevocationCheckDisabled));
                if (note is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES3003, syntax.GetLocation(), setting, note));
                }
            }
        }
    }
}
