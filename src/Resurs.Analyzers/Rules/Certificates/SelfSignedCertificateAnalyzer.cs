using System.Collections.Generic;
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

        /// <summary>Where a certificate is handed to a server: UseHttps, AuthenticateAsServer, ServerCertificate(Context).</summary>
        private static readonly string[] ServerAnchors = { "UseHttps", "AuthenticateAsServer", "ServerCertificate" };

        void ICodeRule.Start(CodePass pass)
        {
            // Forward, from each CreateSelfSigned call to where its certificate is served (same method, same file).
            pass.Add(() => Setup(pass), "CreateSelfSigned");

            // Backward, from where a certificate is served to a helper in another file that made it: reported at the
            // helper's call, in the serving file, since the IDE analyses one file at a time.
            pass.Words(ServerAnchors);
            pass.Add(() => ServedSetup(pass), FindServedAnchors, gate: ServerAnchors);
        }

        private const string HttpsRedirection = "UseHttpsRedirection";

        /// <summary>
        /// The server anchors, except ASP.NET Core's <c>UseHttpsRedirection()</c>: it starts with "UseHttps", takes no
        /// certificate, and nearly every web project calls it in its top-level Program.cs, which would make the whole
        /// program replay for nothing.
        /// </summary>
        internal static void FindServedAnchors(FileText file, List<int> positions)
        {
            foreach (var anchor in ServerAnchors)
            {
                foreach (var at in file.Hits(anchor))
                {
                    if (!file.IsIdentifierAt(at, HttpsRedirection))
                    {
                        positions.Add(at);
                    }
                }
            }
        }

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

        private static ReplaySetup? ServedSetup(CodePass pass)
        {
            var certificateRequest = pass.Types.CertificateRequest;
            if (certificateRequest is null)
            {
                return null;
            }

            var certificates = new SelfSignedCertificates(certificateRequest, pass.Types.X509Certificate);
            var bodies = new MethodBodies(pass.Compilation);
            var policy = pass.Policy;
            var replay = new OperationReplay().On(c => AnalyzeServed(c, certificates, bodies, policy), OperationKind.Argument, OperationKind.SimpleAssignment);
            return new ReplaySetup(replay);
        }

        private static void AnalyzeServed(OperationContext context, SelfSignedCertificates certificates, MethodBodies bodies, AnalysisPolicy policy)
        {
            var id = RuleIds.SelfSignedServerCertificate;
            if (certificates.ServedValue(context.Operation) is not { } served
                || !policy.ShouldReport(id, context.Operation.Syntax.SyntaxTree)
                || certificates.HelperInOtherFile(served.Value, bodies, context.CancellationToken) is not { } helper)
            {
                return;
            }

            var developmentNote = policy.DevelopmentNote(id, served.Served.Operation.Syntax, CertificateFacts.DevelopmentNote(id));
            if (developmentNote is null)
            {
                return;
            }

            var method = helper.Call.TargetMethod;
            var where = served.Served.Description + ", made by " + Prose.Symbol(method) + " in " + Prose.FileName(helper.Created.Syntax.SyntaxTree);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RES3004,
                helper.Call.Syntax.GetLocation(),
                new[] { helper.Created.Syntax.GetLocation() },
                where,
                developmentNote));
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
