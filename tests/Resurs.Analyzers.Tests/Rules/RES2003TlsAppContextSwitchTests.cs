using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Tls.TlsAppContextSwitchAnalyzer,
    Resurs.Analyzers.CodeFixes.Tls.TlsAppContextSwitchCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES2003")]
    public class RES2003TlsAppContextSwitchTests
    {
        private static string Program(string body) => @"
using System;

class Program
{
    const string StrongCrypto = ""Switch.System.Net.DontEnableSchUseStrongCrypto"";
    const bool Yes = true;

    static void Main()
    {
" + body + @"
    }
}
";

        [Theory]
        [InlineData("Switch.System.Net.DontEnableSchUseStrongCrypto")]
        [InlineData("Switch.System.Net.DontEnableSystemDefaultTlsVersions")]
        [InlineData("Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols")]
        [InlineData("Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions")]
        [InlineData("Switch.System.Net.DontEnableTlsAlerts")]
        public Task Every_covered_switch_set_to_true_is_reported(string name) => Verify.VerifyAnalyzerAsync(Program(
            "        {|RES2003:AppContext.SetSwitch(\"" + name + "\", true)|};"));

        [Fact]
        public Task Message_names_the_switch_and_its_effect() => Verify.VerifyAnalyzerAsync(
            Program(@"        {|#0:AppContext.SetSwitch(StrongCrypto, true)|};"),
            Verify.Diagnostic("RES2003").WithLocation(0).WithArguments(
                "Switch.System.Net.DontEnableSchUseStrongCrypto", "turns off strong cryptography and lets .NET Framework fall back to SSL 3.0 and TLS 1.0"));

        [Fact]
        public Task Constant_folding_const_names_and_named_arguments_are_reported() => Verify.VerifyAnalyzerAsync(Program(@"
        {|RES2003:AppContext.SetSwitch(StrongCrypto, Yes)|};
        {|RES2003:AppContext.SetSwitch(StrongCrypto, 1 == 1)|};
        {|RES2003:AppContext.SetSwitch(isEnabled: true, switchName: ""Switch.System.Net.DontEnableTlsAlerts"")|};
        {|RES2003:System.AppContext.SetSwitch(""Switch.System.Net."" + ""DontEnableSystemDefaultTlsVersions"", true)|};"));

        [Fact]
        public Task False_unknown_and_non_constant_values_are_not_reported() => Verify.VerifyAnalyzerAsync(Program(@"
        AppContext.SetSwitch(StrongCrypto, false);
        AppContext.SetSwitch(""Switch.System.Net.DontEnableSchUseStrongCrypto"", bool.Parse(""true""));
        AppContext.SetSwitch(""System.Net.Http.UseSocketsHttpHandler"", true);
        AppContext.SetSwitch(""switch.system.net.dontenableschusestrongcrypto"", true);
        var name = Environment.GetEnvironmentVariable(""SWITCH"") ?? StrongCrypto;
        AppContext.SetSwitch(name, true);
        AppContext.TryGetSwitch(StrongCrypto, out var enabled);"));

        [Fact]
        public Task Fix_sets_the_switch_to_false() => Verify.VerifyCodeFixAsync(
            Program(@"
        {|RES2003:AppContext.SetSwitch(StrongCrypto, true)|};
        {|RES2003:AppContext.SetSwitch(isEnabled: Yes, switchName: ""Switch.System.Net.DontEnableTlsAlerts"")|};"),
            Program(@"
        AppContext.SetSwitch(StrongCrypto, false);
        AppContext.SetSwitch(isEnabled: false, switchName: ""Switch.System.Net.DontEnableTlsAlerts"");"),
            EquivalenceKeys.DisableCompatibilitySwitch);
    }
}
