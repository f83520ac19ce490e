using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Rules.Tls
{
    /// <summary>
    /// RES2003: <c>AppContext.SetSwitch</c> with a constant <c>true</c> for a .NET Framework switch that lets the runtime fall
    /// back to protocols below TLS 1.2.
    /// </summary>
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class TlsAppContextSwitchAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES2003);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        void ICodeRule.Start(CodePass pass) => pass.Add(() => Setup(pass), "SetSwitch");

        private static ReplaySetup? Setup(CodePass pass)
        {
            var appContext = pass.Types.AppContext;
            IMethodSymbol? setSwitch = null;
            foreach (var member in appContext?.GetMembers("SetSwitch") ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 2 } method)
                {
                    setSwitch = method;
                }
            }

            if (setSwitch is null)
            {
                return null;
            }

            var policy = pass.Policy;
            var replay = new OperationReplay().On(c => AnalyzeInvocation(c, setSwitch, policy), OperationKind.Invocation);
            return new ReplaySetup(replay);
        }

        private static void AnalyzeInvocation(OperationContext context, IMethodSymbol setSwitch, AnalysisPolicy policy)
        {
            // The name and argument count first: most invocations are ruled out without comparing symbols.
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.Arguments.Length != 2
                || invocation.TargetMethod.Name != "SetSwitch"
                || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod, setSwitch))
            {
                return;
            }

            IOperation? nameArgument = null;
            IOperation? valueArgument = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    nameArgument = argument.Value;
                }
                else if (argument.Parameter?.Ordinal == 1)
                {
                    valueArgument = argument.Value;
                }
            }

            if (nameArgument?.ConstantValue is not { HasValue: true, Value: string name }
                || valueArgument?.ConstantValue is not { HasValue: true, Value: true }
                || !TlsSwitches.TryGetEffect(name, out var effect)
                || !policy.ShouldReport(RuleIds.TlsHardeningSwitchDisabled, invocation.Syntax.SyntaxTree))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES2003, invocation.Syntax.GetLocation(), name, effect));
        }
    }

    /// <summary>The AppContext switches RES2003 covers, and what setting each to true does.</summary>
    internal static class TlsSwitches
    {
        public static readonly ImmutableDictionary<string, string> Effects = ImmutableDictionary.CreateRange(
            System.StringComparer.Ordinal,
            new[]
            {
                Entry("Switch.System.Net.DontEnableSchUseStrongCrypto", "turns off strong cryptography and lets .NET Framework fall back to SSL 3.0 and TLS 1.0"),
                Entry("Switch.System.Net.DontEnableSystemDefaultTlsVersions", "stops .NET Framework from following the operating system's TLS settings, so it keeps offering TLS 1.0 and TLS 1.1"),
                Entry("Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols", "makes WCF ignore ServicePointManager and use at most TLS 1.0 for certificate message security"),
                Entry("Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions", "stops WCF from following the operating system's TLS settings, so its fixed default keeps TLS 1.0 and TLS 1.1 enabled"),
                Entry("Switch.System.Net.DontEnableTlsAlerts", "turns off TLS alerts, so a handshake Resurs rejects hangs until a timeout instead of failing with the reason"),
            });

        public static bool TryGetEffect(string name, out string effect) => Effects.TryGetValue(name, out effect!);

        private static System.Collections.Generic.KeyValuePair<string, string> Entry(string name, string effect) =>
            new System.Collections.Generic.KeyValuePair<string, string>(name, effect);
    }
}
