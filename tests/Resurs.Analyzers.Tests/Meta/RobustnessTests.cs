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
            "using System.Collections.Generic; class C { string[] AllowedRanges = { \"51.21.0.0/16\", , \"192.121.110.100\" }; List<string> allowed = new() { \"13.50.0.0/16\" \"0.0.0.0/0\" }; void M() { allowed.Add(; allowed.Add(\"51.21.0.0/16\", ); var x = \"192.121.110.100,\".Split(; } }",
            "using System.Net; class C { IPNetwork[] TrustedNetworks = [IPNetwork.Parse(), new IPNetwork(IPAddress.Parse(\"51.21.0.0\"), ), new IPNetwork(IPAddress.Any, 99), IPNetwork.TryParse(\"51.21.0.0/16\", out ) ]; static readonly string Cloud = Cloud + \"/16\"; const string A = B; const string B = A; }",
            "using System.Net; using Microsoft.AspNetCore.Http; class C { bool M(HttpContext c) { var e = Dns.GetHostEntry(c.Connection.RemoteIpAddress?.); return e.HostName.EndsWith(; } bool N(IPAddress remoteIp) => Dns.GetHostEntryAsync(remoteIp).Result.HostName == ; }",
            "using System; using System.Net.Http; class C { void M(HttpClient c) { c.BaseAddress = new Uri(\"https://192.121.110.\" + ); c.GetAsync(\"https://[::ffff:192.121.110.20\"); c.GetAsync($\"https://{}/x\"); } }",
            "using System; using Microsoft.AspNetCore.Builder; class C { void M(ForwardedHeadersOptions o) { o.KnownNetworks.Clear(; o.KnownProxies.Clear(); o.ForwardedHeaders = ; o.KnownNetworks.Add(); Environment.SetEnvironmentVariable(\"ASPNETCORE_FORWARDEDHEADERS_ENABLED\", ); new ForwardedHeadersOptions { KnownNetworks = { null, } }; } }",
        };

        [Theory]
        [MemberData(nameof(Sources))]
        public async Task Analyzers_do_not_throw(string source)
        {
            var exceptions = await RunAllAnalyzersAsync(source);
            Assert.Empty(exceptions);
        }

        internal static async Task<ImmutableArray<string>> RunAllAnalyzersAsync(string source, CancellationToken cancellationToken = default)
        {
            var references = (await Verifiers.TestEnvironment.Net80.ResolveAsync(LanguageNames.CSharp, cancellationToken)).AddRange(Verifiers.TestEnvironment.AspNetCore);
            var compilation = CSharpCompilation.Create(
                "Robustness",
                new[] { CSharpSyntaxTree.ParseText(source, cancellationToken: cancellationToken) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var withAnalyzers = compilation.WithAnalyzers(Catalog.Analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                exceptions.Enqueue(diagnostic.ToString());
            }

            return exceptions.ToImmutableArray();
        }
    }
}
