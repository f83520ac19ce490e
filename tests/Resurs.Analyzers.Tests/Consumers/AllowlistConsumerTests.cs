using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Resurs.Analyzers.Rules.Configuration;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;

namespace Resurs.Analyzers.Tests.Consumers
{
    /// <summary>
    /// Allowlists the way a merchant's web application spreads them: a Program.cs that configures forwarded headers for
    /// its load balancers next to a middleware allowlist of Resurs's callback IPs, a web.config whose IIS ipSecurity
    /// section allows callbacks, and a WCF client endpoint. Every rule runs at once, as in a build (the code rules through
    /// the shipped <see cref="ResursAnalyzer"/>, the configuration files through <see cref="ConfigFileAnalyzer"/>): a
    /// trusted-proxy list is judged as one, and not as a callback allowlist.
    /// </summary>
    public class AllowlistConsumerTests
    {
        private const string Program = @"
using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using AspNetIPNetwork = Microsoft.AspNetCore.HttpOverrides.IPNetwork;

namespace NordicGear.Web
{
    public static class Startup
    {
        private static readonly string[] ResursCallbackSources =
        {
            ""192.121.110.100"",
            ""13.50.187.51"",
            {|RES4001:""51.21.0.0/16""|},
        };

        public static void Configure(IApplicationBuilder app)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownNetworks.Add(new AspNetIPNetwork(IPAddress.Parse(""10.20.0.0""), 16));
            forwarded.KnownNetworks.Add({|RES4001:new AspNetIPNetwork(IPAddress.Parse(""13.48.0.0""), 14)|});
            forwarded.KnownProxies.Add(IPAddress.Parse(""10.20.0.5""));
            app.UseForwardedHeaders(forwarded);

            app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments(""/resurs/callback"") && !IsResurs(context.Connection.RemoteIpAddress))
                {
                    context.Response.StatusCode = 403;
                    return;
                }

                await next();
            });
        }

        private static bool IsResurs(IPAddress remote) =>
            remote is not null && ResursCallbackSources.Any(source => System.Net.IPNetwork.Parse(source.Contains('/') ? source : source + ""/32"").Contains(remote));

        /// <summary>Range arithmetic, not an allowlist: tests no caller.</summary>
        public static bool IsIPv4(IPAddress address) => System.Net.IPNetwork.Parse(""0.0.0.0/0"").Contains(address);
    }

    public static class Diagnostics
    {
        public static void TrustEveryProxy(ForwardedHeadersOptions options) =>
            {|RES4005:options.KnownNetworks.Add(AspNetIPNetwork.Parse(""0.0.0.0/0""))|};
    }
}
";

        private const string WebConfig = @"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <system.webServer>
    <security>
      <ipSecurity allowUnlisted=""{|RES4002:false|}"">
        <add ipAddress=""192.121.110.100"" allowed=""true"" />
        <add ipAddress=""13.50.187.51"" allowed=""true"" />
        <add ipAddress=""10.20.0.0"" subnetMask=""255.255.0.0"" allowed=""true"" />
        <add ipAddress=""51.21.0.0"" subnetMask=""255.255.0.0"" allowed=""false"" />
      </ipSecurity>
    </security>
  </system.webServer>
  <system.serviceModel>
    <client>
      <endpoint address=""{|RES4004:https://192.121.110.100/ws/V4/SimplifiedShopFlowService|}"" binding=""basicHttpBinding"" contract=""Resurs.SimplifiedShopFlowService"" />
      <endpoint address=""https://ecommerce.resurs.com/ws/V4/AfterShopFlowService"" binding=""basicHttpBinding"" contract=""Resurs.AfterShopFlowService"" />
    </client>
  </system.serviceModel>
</configuration>
";

        private const string AppSettings = @"{
  ""ForwardedHeaders"": {
    ""KnownNetworks"": [ ""10.20.0.0/16"", {|RES4001:""51.20.0.0/15""|}, {|RES4005:""0.0.0.0/0""|} ]
  },
  ""ResursCallbacks"": { ""AllowedIps"": [ ""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192"" ] }
}
";

        [Fact]
        public async Task Trusted_proxy_lists_ip_security_and_wcf_endpoints_in_one_project()
        {
            var test = new AllRules();
            test.TestState.Sources.Add(("/0/Program.cs", Program));
            test.TestState.AdditionalFiles.Add(("/0/web.config", WebConfig));
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", AppSettings));
            await test.RunAsync();
        }

        /// <summary>The code rules as the package ships them, and the configuration-file rules, over one project.</summary>
        private sealed class AllRules : CSharpAnalyzerTest<ResursAnalyzer, DefaultVerifier>
        {
            public AllRules()
            {
                ReferenceAssemblies = TestEnvironment.Net80;
                TestState.AdditionalReferences.AddRange(TestEnvironment.AspNetCore);

                // Both analyzers support RES4001, RES4002, RES4004 and RES4005 with the one descriptor of each from Descriptors.
                MarkupOptions = MarkupOptions.UseFirstDescriptor;
            }

            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
                new DiagnosticAnalyzer[] { new ResursAnalyzer(), new ConfigFileAnalyzer() };
        }
    }
}
