using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resurs.Analyzers.Infrastructure.Replay;
using Resurs.Analyzers.Rules.Callbacks;
using Resurs.Analyzers.Rules.Certificates;
using Resurs.Analyzers.Rules.Network;
using Resurs.Analyzers.Rules.Tls;

namespace Resurs.Analyzers
{
    /// <summary>
    /// Every code rule (RES1001-RES4005) in one analyzer, so the host calls one action per file and the file's text is
    /// read once for all of them. Each rule family's own analyzer type (<see cref="WeakTlsProtocolAnalyzer"/>, …) runs
    /// the same rule alone; the equivalence tests check that the two give the same diagnostics.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ResursAnalyzer : ResursCodeAnalyzer
    {
        private static readonly ImmutableArray<ResursCodeAnalyzer> Families = ImmutableArray.Create<ResursCodeAnalyzer>(
            new CallbackUrlAnalyzer(),
            new WeakTlsProtocolAnalyzer(),
            new TlsAppContextSwitchAnalyzer(),
            new CertificateValidationAnalyzer(),
            new RevocationCheckAnalyzer(),
            new SelfSignedCertificateAnalyzer(),
            new ChainTrustAnalyzer(),
            new AllowlistAnalyzer(),
            new ReverseDnsTrustAnalyzer(),
            new ResursIpUrlAnalyzer(),
            new ForwardedHeadersAnalyzer());

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            Families.SelectMany(family => family.SupportedDiagnostics).ToImmutableArray();

        internal override ImmutableArray<ICodeRule> Rules { get; } = Families.SelectMany(family => family.Rules).ToImmutableArray();
    }
}
