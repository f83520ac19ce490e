using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// RES3005: chain building told to accept what the FAQ rejects. Each weakening <c>X509VerificationFlags</c> member (or
    /// <c>AllFlags</c>) that configures something, and <c>X509ChainTrustMode.CustomRootTrust</c> when the same method puts a
    /// certificate it made with <c>CreateSelfSigned</c> into <c>CustomTrustStore</c>. Comparisons and removal masks are reading.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class ChainTrustAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        public const string CustomRootTrust = "CustomRootTrust";

        /// <summary>The flags RES3005 reports, and what each lets through.</summary>
        internal static readonly ImmutableDictionary<string, string> WeakeningFlags = ImmutableDictionary.CreateRange(
            StringComparer.Ordinal,
            new[]
            {
                Entry("AllowUnknownCertificateAuthority", "accepts a chain that ends in an unknown or untrusted root CA"),
                Entry("IgnoreNotTimeValid", "accepts expired and not-yet-valid certificates"),
                Entry("IgnoreCtlNotTimeValid", "accepts an expired certificate trust list"),
                Entry("IgnoreNotTimeNested", "accepts a certificate whose validity period lies outside its issuer's"),
                Entry("IgnoreInvalidName", "accepts certificates with an invalid name"),
                Entry("IgnoreRootRevocationUnknown", "accepts a root certificate whose revocation status is unknown"),
                Entry("IgnoreEndRevocationUnknown", "accepts an end-entity certificate whose revocation status is unknown"),
                Entry("IgnoreCertificateAuthorityRevocationUnknown", "accepts a CA certificate whose revocation status is unknown"),
                Entry("IgnoreCtlSignerRevocationUnknown", "accepts a certificate trust list whose signer's revocation status is unknown"),
                Entry("AllFlags", "turns off every chain check: untrusted CAs, expired certificates, invalid names and unknown revocation status"),
            });

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES3005);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        // A field reference names its field where it is written, whatever usings or aliases the file has: the anchors are
        // the reported members themselves ("RevocationUnknown" covers the four revocation flags).
        private static readonly string[] Anchors =
        {
            "AllowUnknownCertificateAuthority", "NotTimeValid", "IgnoreNotTimeNested", "IgnoreInvalidName", "RevocationUnknown",
            "AllFlags", CustomRootTrust,
        };

        void ICodeRule.Start(CodePass pass) => pass.Add(() => Setup(pass), Anchors);

        private static KeyValuePair<string, string> Entry(string name, string effect) => new KeyValuePair<string, string>(name, effect);

        private static ReplaySetup? Setup(CodePass pass)
        {
            var verificationFlags = pass.Types.X509VerificationFlags;
            var trustMode = pass.Types.X509ChainTrustMode;
            if (verificationFlags is null && trustMode is null)
            {
                return null;
            }

            var certificateRequest = pass.Types.CertificateRequest;
            var analysis = new CompilationAnalysis(
                verificationFlags,
                trustMode,
                certificateRequest is null ? null : new SelfSignedCertificates(certificateRequest, pass.Types.X509Certificate),
                pass.Policy);
            var replay = new OperationReplay().On(analysis.AnalyzeFieldReference, OperationKind.FieldReference);
            return new ReplaySetup(replay);
        }

        private sealed class CompilationAnalysis
        {
            private readonly INamedTypeSymbol? verificationFlags;
            private readonly INamedTypeSymbol? trustMode;
            private readonly SelfSignedCertificates? certificates;
            private readonly AnalysisPolicy policy;

            public CompilationAnalysis(INamedTypeSymbol? verificationFlags, INamedTypeSymbol? trustMode, SelfSignedCertificates? certificates, AnalysisPolicy policy)
            {
                this.verificationFlags = verificationFlags;
                this.trustMode = trustMode;
                this.certificates = certificates;
                this.policy = policy;
            }

            public void AnalyzeFieldReference(OperationContext context)
            {
                var reference = (IFieldReferenceOperation)context.Operation;
                var field = reference.Field;
                string effect;
                INamedTypeSymbol enumType;
                var isTrustMode = false;
                if (verificationFlags is not null
                    && SymbolEqualityComparer.Default.Equals(field.ContainingType, verificationFlags)
                    && WeakeningFlags.TryGetValue(field.Name, out var flagEffect))
                {
                    effect = flagEffect;
                    enumType = verificationFlags;
                }
                else if (trustMode is not null
                    && certificates is not null
                    && field.Name == CustomRootTrust
                    && SymbolEqualityComparer.Default.Equals(field.ContainingType, trustMode))
                {
                    effect = "trusts a root certificate this code creates itself, in place of the publicly trusted CAs";
                    enumType = trustMode;
                    isTrustMode = true;
                }
                else
                {
                    return;
                }

                if (!policy.ShouldReport(RuleIds.ChainTrustWeakened, reference.Syntax.SyntaxTree)
                    || ValueUse.Classify(reference, enumType, out var consumer) != ValueUseKind.Configuring)
                {
                    return;
                }

                var local = ValueUse.WrittenLocal(consumer);
                if (local is not null && !ValueUse.LocalFlowsIntoConfiguration(reference, local, enumType))
                {
                    return;
                }

                if (isTrustMode && !TrustsASelfMadeRoot(reference))
                {
                    return;
                }

                var note = policy.DevelopmentNote(RuleIds.ChainTrustWeakened, reference.Syntax, CertificateFacts.DevelopmentNote(RuleIds.ChainTrustWeakened));
                if (note is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RES3005,
                        reference.Syntax.GetLocation(),
                        Prose.Quote(reference.Syntax),
                        effect,
                        note));
                }
            }

            /// <summary>True when the same method adds a certificate made by CreateSelfSigned to a CustomTrustStore.</summary>
            private bool TrustsASelfMadeRoot(IOperation anyInBody)
            {
                var root = anyInBody;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                foreach (var operation in root.Descendants())
                {
                    if (operation is IInvocationOperation { TargetMethod.Name: "Add" or "AddRange" } add
                        && AddsToCustomTrustStore(add))
                    {
                        foreach (var argument in add.Arguments)
                        {
                            if (certificates!.ComesFromCreateSelfSigned(argument.Value))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }

            private static bool AddsToCustomTrustStore(IInvocationOperation add) =>
                add.Instance is IPropertyReferenceOperation { Property.Name: "CustomTrustStore" }
                || add.Parent is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "CustomTrustStore" } } };
        }
    }
}
