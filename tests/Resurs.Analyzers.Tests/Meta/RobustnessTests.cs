using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Resurs.Analyzers.Tests.Meta
{
    /// <summary>Every analyzer runs on empty and broken source without throwing (AD0001 is a bug).</summary>
    public class RobustnessTests
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
            "using System.Net.Http; class C { void M(HttpClientHandler h) { h.ServerCertificateCustomValidationCallback = (a, b, c, d) => ; h.ServerCertificateCustomValidationCallback = (a, b, c) => true; } }",
            "using System.Net; using System.Net.Security; class C { void M() { ServicePointManager.ServerCertificateValidationCallback = delegate { return }; ServicePointManager.ServerCertificateValidationCallback = Undefined; ServicePointManager.ServerCertificateValidationCallback += new RemoteCertificateValidationCallback(); } }",
            "using System.Net; using System.Net.Security; using System.Security.Cryptography.X509Certificates; partial class C { static partial bool V(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e); static extern bool W(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e); void M() { ServicePointManager.ServerCertificateValidationCallback = V; ServicePointManager.ServerCertificateValidationCallback = W; } }",
            "using System.Net; using System.Net.Security; using System.Security.Cryptography.X509Certificates; class C { void M() { ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => { while (true) { if (e == ) break; } switch (e) { case : return e is ; } goto x; }; } }",
            "using System.Net; using System.Net.Security; using System.Security.Cryptography.X509Certificates; class C { static bool R(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) => R(s, c, ch, e) && Q(e); static bool Q(SslPolicyErrors e) { foreach (var x in ) { } return e switch { SslPolicyErrors. => true, }; } void M() { ServicePointManager.ServerCertificateValidationCallback = R; } }",
            "using System; using System.Net.Http; class C { void M(HttpClientHandler h) { h.ServerCertificateCustomValidationCallback = (m, c, ch, e) => { int i = 0; try { throw; } catch (Undefined x) when (x.) { return i++ > ; } finally { } }; h.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator. ; } }",
            "using System; using System.Security.Cryptography; using System.Security.Cryptography.X509Certificates; using Microsoft.AspNetCore.Server.Kestrel.Core; class C { X509Certificate2 H() => new CertificateRequest().CreateSelfSigned(; void M(KestrelServerOptions k) { var c = H(); k.ListenAnyIP(443, l => l.UseHttps(c, )); k.ConfigureHttpsDefaults(o => o.ServerCertificateSelector = (x, n) => ); } }",
            "using System.Security.Cryptography.X509Certificates; class C { void M(X509Chain chain) { chain.ChainPolicy.VerificationFlags = X509VerificationFlags. | X509VerificationFlags.AllFlags; chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust; chain.ChainPolicy.CustomTrustStore.Add(); chain.ChainPolicy.CustomTrustStore.Add(new CertificateRequest(\"CN=x\", null).CreateSelfSigned()); } }",
            "using System.Net.Http; using System.Net.Security; class C { void M(HttpClientHandler h, SslStream s) { h.CheckCertificateRevocationList = ; s.AuthenticateAsClient(\"x\", null, , false); s.AuthenticateAsClient(checkCertificateRevocation: false); } }",
            "namespace System.Net { interface ICertificatePolicy { bool CheckValidationResult(); } class P : ICertificatePolicy { } class Q : ICertificatePolicy { public bool CheckValidationResult() => ; } class U { void M() { object a = new P(), b = new Q(); } } }",
            ManyBranches(),
            DeepCondition(),
            "using System.Collections.Generic; class C { string[] AllowedRanges = { \"51.21.0.0/16\", , \"192.121.110.100\" }; List<string> allowed = new() { \"13.50.0.0/16\" \"0.0.0.0/0\" }; void M() { allowed.Add(; allowed.Add(\"51.21.0.0/16\", ); var x = \"192.121.110.100,\".Split(; } }",
            "using System.Net; class C { IPNetwork[] TrustedNetworks = [IPNetwork.Parse(), new IPNetwork(IPAddress.Parse(\"51.21.0.0\"), ), new IPNetwork(IPAddress.Any, 99), IPNetwork.TryParse(\"51.21.0.0/16\", out ) ]; static readonly string Cloud = Cloud + \"/16\"; const string A = B; const string B = A; }",
            "using System.Net; using Microsoft.AspNetCore.Http; class C { bool M(HttpContext c) { var e = Dns.GetHostEntry(c.Connection.RemoteIpAddress?.); return e.HostName.EndsWith(; } bool N(IPAddress remoteIp) => Dns.GetHostEntryAsync(remoteIp).Result.HostName == ; }",
            "using System; using System.Net.Http; class C { void M(HttpClient c) { c.BaseAddress = new Uri(\"https://192.121.110.\" + ); c.GetAsync(\"https://[::ffff:192.121.110.20\"); c.GetAsync($\"https://{}/x\"); } }",
            "using System; using Microsoft.AspNetCore.Builder; class C { void M(ForwardedHeadersOptions o) { o.KnownNetworks.Clear(; o.KnownProxies.Clear(); o.ForwardedHeaders = ; o.KnownNetworks.Add(); Environment.SetEnvironmentVariable(\"ASPNETCORE_FORWARDEDHEADERS_ENABLED\", ); new ForwardedHeadersOptions { KnownNetworks = { null, } }; } }",
        };

        /// <summary>A validator whose condition nests 5,000 levels deep: bounded recursion, no stack overflow.</summary>
        private static string DeepCondition()
        {
            var condition = new System.Text.StringBuilder("e == System.Net.Security.SslPolicyErrors.None");
            for (var i = 0; i < 5000; i++)
            {
                condition.Append(" || c?.Subject == \"CN=").Append(i).Append('"');
            }

            return "using System.Net; class C { void M() { ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => " + condition + "; } }";
        }

        /// <summary>A validator with 2^40 paths: the evaluator must give up within its budget, not hang.</summary>
        private static string ManyBranches()
        {
            var body = new System.Text.StringBuilder();
            for (var i = 0; i < 40; i++)
            {
                body.Append("if (c?.Subject == \"CN=").Append(i).Append("\") { n++; } ");
            }

            return "using System.Net; class C { void M() { ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => { int n = 0; " + body + "return n > 3; }; } }";
        }

        [Theory]
        [MemberData(nameof(Sources))]
        public async Task Analyzers_do_not_throw(string source)
        {
            var exceptions = await RunAllAnalyzersAsync(source);
            Assert.Empty(exceptions);
        }

        internal static async Task<ImmutableArray<string>> RunAllAnalyzersAsync(string source, CancellationToken cancellationToken = default) =>
            (await Robustness.AnalyzerHarness.RunAsync(source)).Exceptions;
    }
}
