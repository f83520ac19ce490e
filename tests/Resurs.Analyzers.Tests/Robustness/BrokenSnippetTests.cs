using System.Threading.Tasks;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>Every analyzer runs on empty and broken source without throwing (AD0001 is a bug).</summary>
    public class BrokenSnippetTests
    {
        public static TheoryData<string> Sources() => new TheoryData<string>
        {
            string.Empty,
            "class",
            "class C { void M() { handler.SslProtocols = SslProtocols. } }",
            "using System.Security.Authentication; class C { SslProtocols P() => (SslProtocols) }",
            "using System.Security.Authentication; class C { object P() => ~SslProtocols.; void M() { System.AppContext.SetSwitch(\"Switch.System.Net.DontEnableSchUseStrongCrypto\", ) } }",
            "using System.Net; class C { void M() { ServicePointManager.SecurityProtocol = (SecurityProtocolType)Undefined | SecurityProtocolType.Tls11 |; } }",
            "using System; class C { void M() { AppContext.SetSwitch(isEnabled: true, \"Switch.System.Net.DontEnableTlsAlerts\"); AppContext.SetSwitch(null, true); } }",
            "using System.Security.Authentication; enum E { A = SslProtocols.Tls11 } class C { SslProtocols[] a = { SslProtocols.Tls, , }; (SslProtocols, int) t = (SslProtocols.Tls11, ); }",
        };

        [Theory]
        [MemberData(nameof(Sources))]
        public async Task Analyzers_do_not_throw(string source)
        {
            var run = await AnalyzerHarness.RunAsync(source);
            Assert.Empty(run.Exceptions);
        }
    }
}
