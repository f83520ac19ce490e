using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// RES3004: a certificate made by <c>CertificateRequest.CreateSelfSigned</c> that Kestrel (UseHttps, ServerCertificate,
    /// ServerCertificateSelector) or an SslStream acting as server (AuthenticateAsServer, SslServerAuthenticationOptions)
    /// serves. Reported at the <c>CreateSelfSigned</c> call, once, however many places serve it.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class SelfSignedCertificateAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES3004);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        void ICodeRule.Start(CodePass pass) => pass.Add(() => Setup(pass), "CreateSelfSigned");

        private static ReplaySetup? Setup(CodePass pass)
        {
            var certificateRequest = pass.Types.CertificateRequest;
            if (certificateRequest is null)
            {
                return null;
            }

            var certificates = new SelfSignedCertificates(
                certificateRequest,
                pass.Types.X509Certificate);
            var policy = pass.Policy;
            var replay = new OperationReplay().On(c => Analyze(c, certificates, policy), OperationKind.Invocation);
            return new ReplaySetup(replay);
        }

        private static void Analyze(OperationContext context, SelfSignedCertificates certificates, AnalysisPolicy policy)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!certificates.IsCreateSelfSigned(invocation)
                || !policy.ShouldReport(RuleIds.SelfSignedServerCertificate, invocation.Syntax.SyntaxTree)
                || certificates.FindServer(invocation, context.CancellationToken) is not { } served)
            {
                return;
            }

            var id = RuleIds.SelfSignedServerCertificate;
            var note = CertificateFacts.DevelopmentNote(id);
            var atServer = policy.DevelopmentNote(id, served.Operation.Syntax, note);
            var developmentNote = atServer is { Length: 0 } ? policy.DevelopmentNote(id, invocation.Syntax, note) : atServer;
            if (developmentNote is null)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES3004, invocation.Syntax.GetLocation(), served.Description, developmentNote));
        }
    }
}
