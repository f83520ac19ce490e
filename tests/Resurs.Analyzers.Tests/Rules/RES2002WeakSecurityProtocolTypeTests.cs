using System.Threading.Tasks;
using Resurs.Analyzers.CodeFixes;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Tls.WeakTlsProtocolAnalyzer,
    Resurs.Analyzers.CodeFixes.Tls.WeakTlsProtocolCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    [Trait("Rule", "RES2002")]
    public class RES2002WeakSecurityProtocolTypeTests
    {
        private static string Program(string body) => @"
#pragma warning disable SYSLIB0014
using System.Net;

class Startup
{
" + body + @"
}
";

        [Fact]
        public Task ServicePointManager_assignments_are_reported() => Verify.VerifyAnalyzerAsync(Program(@"
    void M()
    {
        ServicePointManager.SecurityProtocol = {|RES2002:SecurityProtocolType.Tls|};
        ServicePointManager.SecurityProtocol |= {|RES2002:SecurityProtocolType.Tls11|};
        ServicePointManager.SecurityProtocol = {|RES2002:SecurityProtocolType.Ssl3|} | SecurityProtocolType.Tls12;
    }"));

        [Fact]
        public Task Message_names_every_weak_version() => Verify.VerifyAnalyzerAsync(
            Program(@"
    void M() => ServicePointManager.SecurityProtocol = {|#0:(SecurityProtocolType)(48 | 192 | 768)|};"),
            Verify.Diagnostic("RES2002").WithLocation(0).WithArguments("(SecurityProtocolType)(48 | 192 | 768)", "SSL 3.0, TLS 1.0 and TLS 1.1"));

        [Fact]
        public Task Numeric_forms_negations_locals_and_returns_are_reported() => Verify.VerifyAnalyzerAsync(Program(@"
    static SecurityProtocolType Legacy() => {|RES2002:(SecurityProtocolType)768|};

    void M(bool old)
    {
        ServicePointManager.SecurityProtocol = {|RES2002:(SecurityProtocolType)48|};
        ServicePointManager.SecurityProtocol = {|RES2002:(SecurityProtocolType)192|};
        ServicePointManager.SecurityProtocol = {|RES2002:~SecurityProtocolType.Ssl3|};
        var protocols = {|RES2002:SecurityProtocolType.Tls11|} | SecurityProtocolType.Tls12;
        ServicePointManager.SecurityProtocol = protocols;
        ServicePointManager.SecurityProtocol = old ? Legacy() : SecurityProtocolType.SystemDefault;
    }"));

        [Fact]
        public Task Reading_and_removing_weak_bits_is_not_reported() => Verify.VerifyAnalyzerAsync(Program(@"
    bool M()
    {
        ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
        ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls11);
        var current = ServicePointManager.SecurityProtocol;
        current &= ~SecurityProtocolType.Tls11;
        ServicePointManager.SecurityProtocol = current;
        return ServicePointManager.SecurityProtocol == SecurityProtocolType.Tls
            || ServicePointManager.SecurityProtocol.HasFlag(SecurityProtocolType.Tls11)
            || (ServicePointManager.SecurityProtocol & SecurityProtocolType.Ssl3) != 0;
    }"));

        [Fact]
        public Task Fix_removes_weak_members() => Verify.VerifyCodeFixAsync(
            Program(@"
    void M()
    {
        ServicePointManager.SecurityProtocol = {|RES2002:SecurityProtocolType.Ssl3|} | {|RES2002:SecurityProtocolType.Tls|} | SecurityProtocolType.Tls12;
        ServicePointManager.SecurityProtocol |= {|RES2002:SecurityProtocolType.Tls11|};
        ServicePointManager.SecurityProtocol = {|RES2002:(SecurityProtocolType)768|};
    }"),
            Program(@"
    void M()
    {
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
    }"),
            EquivalenceKeys.RemoveWeakProtocols);

        [Fact]
        public Task Fix_never_leaves_a_name_that_says_weak_on_a_strong_value() => Verify.VerifyCodeFixAsync(
            Program(@"
    private const SecurityProtocolType Tls11 = {|RES2002:(SecurityProtocolType)768|};

    void M()
    {
        ServicePointManager.SecurityProtocol = Tls11;
    }

    void N()
    {
        const SecurityProtocolType legacyProtocols = {|RES2002:SecurityProtocolType.Tls|} | SecurityProtocolType.Tls12;
        ServicePointManager.SecurityProtocol = legacyProtocols;
        if (ServicePointManager.SecurityProtocol == legacyProtocols)
        {
            ServicePointManager.SecurityProtocol |= legacyProtocols;
        }
    }"),
            Program(@"    void M()
    {
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
    }

    void N()
    {
        const SecurityProtocolType legacyProtocols = SecurityProtocolType.Tls | SecurityProtocolType.Tls12;
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
        if (ServicePointManager.SecurityProtocol == legacyProtocols)
        {
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }
    }"),
            EquivalenceKeys.RemoveWeakProtocols);

        [Theory]
        [InlineData("Tls11", true)]
        [InlineData("LegacyTls", true)]
        [InlineData("SSL3_PROTOCOLS", true)]
        [InlineData("Tls1Only", true)]
        [InlineData("Protocols", false)]
        [InlineData("Tls12AndTls13", false)]
        [InlineData("AllowedTls", false)]
        public void Names_that_say_weak(string name, bool weak) =>
            Assert.Equal(weak, Resurs.Analyzers.CodeFixes.Tls.WeakTlsProtocolCodeFixProvider.NameContradictsStrongValue(name));

        [Fact]
        public Task Fix_uses_system_default() => Verify.VerifyCodeFixAsync(
            Program(@"
    void M()
    {
        ServicePointManager.SecurityProtocol = {|RES2002:SecurityProtocolType.Tls|} | SecurityProtocolType.Tls12;
        ServicePointManager.SecurityProtocol |= {|RES2002:SecurityProtocolType.Tls11|};
    }"),
            Program(@"
    void M()
    {
        ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
        ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
    }"),
            EquivalenceKeys.UseSystemDefaultProtocols);

        [Fact]
        public Task No_fix_is_offered_when_the_framework_has_no_strong_member()
        {
            // .NET Framework 4.0 shape: nothing at or above TLS 1.2 exists to write.
            const string Source = @"
#pragma warning disable CS0436
namespace System.Net
{
    [System.Flags]
    public enum SecurityProtocolType { Ssl3 = 48, Tls = 192 }
}

class C
{
    System.Net.SecurityProtocolType P() => {|RES2002:System.Net.SecurityProtocolType.Tls|};
}
";
            return new Verify.Test(Source) { FixedCode = Source }.RunAsync();
        }

        [Fact]
        public Task System_default_fix_is_not_offered_when_the_framework_lacks_it()
        {
            // .NET Framework 4.5-4.6 shape: no SystemDefault and no Tls13 member.
            const string Source = @"
#pragma warning disable CS0436
namespace System.Net
{
    [System.Flags]
    public enum SecurityProtocolType { Ssl3 = 48, Tls = 192, Tls11 = 768, Tls12 = 3072 }
}

class C
{
    System.Net.SecurityProtocolType P() => {|RES2002:System.Net.SecurityProtocolType.Tls11|};
}
";
            var test = new Verify.Test(Source)
            {
                FixedCode = Source,
                CodeActionEquivalenceKey = EquivalenceKeys.UseSystemDefaultProtocols,
            };
            return test.RunAsync();
        }
    }
}
