using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Configuration.ConfigFileAnalyzer,
    Resurs.Analyzers.CodeFixes.Configuration.ConfigFileCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    /// <summary>
    /// The network rules in configuration files beyond plain address lists: trusted-proxy lists (RES4001 about proxies,
    /// RES4005), IIS ipSecurity (RES4001, RES4002), dotted masks, and WCF client endpoints (RES4004).
    /// </summary>
    [Trait("Rule", "Config")]
    public class ConfigNetworkTests
    {
        private const string Aws51 = "65,536 addresses that include the cloud callback IPs 51.21.32.255, 51.21.206.32 and 51.21.39.192";
        private const string Aws13 = "65,536 addresses that include the cloud callback IP 13.50.187.51";
        private const string Advice = "allowlist only Resurs's exact callback IPs";
        private const string OtherListAdvice = "if this list is for Resurs's callbacks, allow only Resurs's exact callback IPs";
        private const string ProxyAdvice = "a trusted-proxy list should name only your own load balancers and proxies, since any host in it can set the caller's address with X-Forwarded-For";

        private static Task Run(string fileName, string content, params DiagnosticResult[] expected) =>
            ConfigFileTests.Run(fileName, content, expected: expected);

        private static string IpSecurity(string section) => "<configuration>\n  <system.webServer>\n    <security>\n" + section + "\n    </security>\n  </system.webServer>\n</configuration>\n";

        [Fact]
        public Task Trusted_proxy_lists_in_appsettings_are_not_callback_allowlists() => Run(
            "appsettings.json",
            @"{
  ""ForwardedHeaders"": {
    ""KnownNetworks"": [ {|#0:""0.0.0.0/0""|}, {|#1:""51.21.0.0/16""|}, ""10.0.0.0/8"" ],
    ""KnownIPNetworks"": {|#2:""::/0""|},
    ""KnownProxies"": [ ""192.121.110.100"", ""13.50.187.51"" ]
  }
}",
            Verify.Diagnostic("RES4005").WithLocation(0).WithArguments("ForwardedHeaders:KnownNetworks trusts 0.0.0.0/0 as a proxy", ""),
            Verify.Diagnostic("RES4001").WithLocation(1).WithArguments("51.21.0.0/16", Aws51, ProxyAdvice, ""),
            Verify.Diagnostic("RES4005").WithLocation(2).WithArguments("ForwardedHeaders:KnownIPNetworks trusts ::/0 as a proxy", ""));

        [Fact]
        public Task Trusted_proxy_lists_in_app_settings_values() => Run("web.config", @"<configuration>
  <appSettings>
    <add key=""ForwardedHeaders:KnownNetworks"" value=""{|RES4001:13.50.0.0/16|}, {|RES4005:0.0.0.0/0|}"" />
    <add key=""Resurs:AllowedCallbackIps"" value=""{|RES4001:13.50.0.0/16|}"" />
  </appSettings>
</configuration>");

        [Fact]
        public Task Each_range_of_a_comma_separated_value_is_reported_on_itself() => Task.WhenAll(
            Run("web.config", @"<configuration>
  <appSettings>
    <add key=""Resurs.CallbackTrustedRanges"" value=""{|RES4001:51.21.0.0/16|},{|RES4001:13.50.0.0/16|}"" />
  </appSettings>
</configuration>"),
            Run("appsettings.json", @"{ ""Resurs"": { ""CallbackTrustedRanges"": ""{|RES4001:51.21.0.0/16|}, {|RES4001:13.50.0.0/16|}"" } }"));

        [Fact]
        public async Task Trusted_proxy_lists_get_no_allowlist_fix()
        {
            Assert.Null(await AdditionalFileFixes.TryApplyAsync("appsettings.json", "{ \"ForwardedHeaders\": { \"KnownNetworks\": [ \"192.121.110.100\", \"51.21.0.0/16\" ] } }", "RES4001"));
            Assert.Null(await AdditionalFileFixes.TryApplyAsync("appsettings.json", "{ \"ForwardedHeaders\": { \"KnownNetworks\": [ \"0.0.0.0/0\" ] } }", "RES4005"));
        }

        [Fact]
        public Task Dotted_masks_are_read_in_configuration_lists() => Run(
            "appsettings.json",
            @"{
  ""IpFilter"": { ""AllowedRanges"": [ {|#0:""13.50.0.0/255.255.0.0""|}, ""192.121.110.0/255.255.255.0"" ] },
  ""Odd"": { ""AllowedRanges"": [ ""51.21.0.0/255.0.255.0"", ""13.50.0.0/255.255.0.256"" ] }
}",
            Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("13.50.0.0/255.255.0.0", Aws13, Advice, ""));

        [Fact]
        public async Task Allowlist_fix_keeps_dotted_masks()
        {
            var fixedText = await AdditionalFileFixes.ApplyAsync(
                "appsettings.json", "{ \"IpFilter\": { \"AllowedRanges\": [ \"192.121.110.0/255.255.255.0\", \"51.21.0.0/255.255.0.0\" ] } }", "RES4001");
            Assert.Equal("{ \"IpFilter\": { \"AllowedRanges\": [ \"192.121.110.0/255.255.255.0\", \"51.21.32.255/255.255.255.255\", \"51.21.206.32/255.255.255.255\", \"51.21.39.192/255.255.255.255\" ] } }", fixedText);
        }

        [Fact]
        public async Task Lists_not_tied_to_resurs_get_conditional_advice_and_no_fix()
        {
            await Run(
                "appsettings.json",
                @"{
  ""AdminUi"": { ""AllowedIps"": [ ""10.0.0.0/8"", {|#0:""13.50.0.0/16""|} ] },
  ""Resurs"": { ""AllowedIps"": [ {|#1:""13.50.0.0/16""|} ] }
}",
                Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("13.50.0.0/16", Aws13, OtherListAdvice, ""),
                Verify.Diagnostic("RES4001").WithLocation(1).WithArguments("13.50.0.0/16", Aws13, Advice, ""));
            Assert.Null(await AdditionalFileFixes.TryApplyAsync("appsettings.json", "{ \"AdminUi\": { \"AllowedIps\": [ \"13.50.0.0/16\" ] } }", "RES4001"));

            var adminSite = IpSecurity(@"      <ipSecurity allowUnlisted=""false"">
        <add ipAddress=""13.50.0.0"" subnetMask=""{|#0:255.255.0.0|}"" allowed=""true"" />
      </ipSecurity>");
            await Run("web.config", adminSite, Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("13.50.0.0/255.255.0.0", Aws13, OtherListAdvice, ""));
            Assert.Null(await AdditionalFileFixes.TryApplyAsync("web.config", adminSite.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), "RES4001"));

            var callbackLocation = @"<configuration>
  <location path=""api/resurs/callback"">
    <system.webServer>
      <security>
        <ipSecurity allowUnlisted=""false"">
          <add ipAddress=""13.50.0.0"" subnetMask=""{|#0:255.255.0.0|}"" allowed=""true"" />
        </ipSecurity>
      </security>
    </system.webServer>
  </location>
</configuration>
";
            await Run("web.config", callbackLocation, Verify.Diagnostic("RES4001").WithLocation(0).WithArguments("13.50.0.0/255.255.0.0", Aws13, Advice, ""));
            Assert.NotNull(await AdditionalFileFixes.TryApplyAsync("web.config", callbackLocation.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), "RES4001"));
        }

        [Fact]
        public Task Ip_security_allowed_ranges_and_incomplete_lists_are_reported() => Run(
            "web.config",
            IpSecurity(@"      <ipSecurity allowUnlisted=""false"">
        <add ipAddress=""192.121.110.100"" allowed=""true"" />
        <add ipAddress=""13.50.187.51"" allowed=""true"" />
        <add ipAddress=""51.21.0.0"" subnetMask=""{|#1:255.255.0.0|}"" allowed=""true"" />
        <add ipAddress=""10.0.0.0"" subnetMask=""255.0.0.0"" allowed=""true"" />
      </ipSecurity>"),
            Verify.Diagnostic("RES4001").WithLocation(1).WithArguments("51.21.0.0/255.255.0.0", Aws51, Advice, ""));

        [Fact]
        public Task Ip_security_list_missing_callback_ips_is_RES4002() => Run(
            "web.config",
            IpSecurity(@"      <ipSecurity allowUnlisted=""{|#0:false|}"">
        <add ipAddress=""192.121.110.100"" allowed=""true"" />
        <add ipAddress=""13.50.187.51"" allowed=""true"" />
        <add ipAddress=""13.50.0.0"" subnetMask=""{|#1:255.255.0.0|}"" allowed=""true"" />
      </ipSecurity>"),
            Verify.Diagnostic("RES4001").WithLocation(1).WithArguments("13.50.0.0/255.255.0.0", Aws13, Advice, ""),
            Verify.Diagnostic("RES4002").WithLocation(0).WithArguments("2", "5", "51.21.32.255, 51.21.206.32 and 51.21.39.192", ""));

        [Fact]
        public Task Ip_security_without_allow_unlisted_reports_on_the_first_allowed_address() => Run(
            "web.config",
            IpSecurity(@"      <ipSecurity>
        <add ipAddress=""8.8.8.8"" allowed=""false"" />
        <add ipAddress=""{|RES4002:192.121.110.100|}"" allowed=""true"" />
        <add ipAddress=""51.21.32.255"" allowed=""true"" />
      </ipSecurity>"));

        [Fact]
        public Task Ip_security_deny_entries_open_sections_and_odd_masks_are_silent() => Task.WhenAll(
            Run("web.config", IpSecurity(@"      <ipSecurity allowUnlisted=""true"">
        <add ipAddress=""51.21.0.0"" subnetMask=""255.255.0.0"" allowed=""false"" />
        <add ipAddress=""13.50.0.0"" subnetMask=""255.255.0.0"" />
        <add ipAddress=""192.121.110.100"" allowed=""true"" />
        <add ipAddress=""13.50.187.51"" allowed=""true"" />
      </ipSecurity>")),
            Run("web.config", IpSecurity(@"      <ipSecurity allowUnlisted=""false"">
        <add ipAddress=""51.21.0.0"" subnetMask=""255.255.0.0"" allowed=""false"" />
        <add ipAddress=""13.50.0.0"" subnetMask=""255.255.0.0"" />
        <add ipAddress=""51.21.0.0"" subnetMask=""255.0.255.0"" allowed=""true"" />
        <add ipAddress=""51.21.0.0"" subnetMask=""wide"" allowed=""true"" />
        <add domainName=""resurs.com"" allowed=""true"" />
        <add ipAddress=""192.121.110.0"" subnetMask=""255.255.255.0"" allowed=""true"" />
        <add ipAddress=""13.50.187.51"" subnetMask=""255.255.255.255"" allowed=""true"" />
        <add ipAddress=""51.21.32.255"" allowed=""true"" />
        <add ipAddress=""51.21.206.32"" allowed=""true"" />
        <add ipAddress=""51.21.39.192"" allowed=""true"" />
      </ipSecurity>")));

        [Fact]
        public async Task Ip_security_range_fix_writes_one_entry_per_callback_ip()
        {
            var before = IpSecurity(@"      <ipSecurity allowUnlisted=""false"">
        <add ipAddress=""192.121.110.100"" allowed=""true"" />
        <add ipAddress=""51.21.0.0"" subnetMask=""255.255.0.0"" allowed=""true"" />
        <add ipAddress=""13.50.187.51"" allowed=""true"" />
      </ipSecurity>");
            var after = IpSecurity(@"      <ipSecurity allowUnlisted=""false"">
        <add ipAddress=""192.121.110.100"" allowed=""true"" />
        <add ipAddress=""51.21.32.255"" subnetMask=""255.255.255.255"" allowed=""true"" />
        <add ipAddress=""51.21.206.32"" subnetMask=""255.255.255.255"" allowed=""true"" />
        <add ipAddress=""51.21.39.192"" subnetMask=""255.255.255.255"" allowed=""true"" />
        <add ipAddress=""13.50.187.51"" allowed=""true"" />
      </ipSecurity>");
            var fixedText = await AdditionalFileFixes.ApplyAsync("web.config", before, "RES4001");
            Assert.Equal(after, fixedText);
            Assert.Null(await AdditionalFileFixes.TryApplyAsync("web.config", fixedText, "RES4001"));
            Assert.Null(await AdditionalFileFixes.TryApplyAsync("web.config", fixedText, "RES4002"));
        }

        [Fact]
        public async Task Ip_security_range_fix_removes_a_range_whose_ips_are_listed()
        {
            var listed = "        <add ipAddress=\"192.121.110.100\" allowed=\"true\" />\r\n        <add ipAddress=\"13.50.187.51\" allowed=\"true\" />\r\n";
            var before = "<configuration><system.webServer><security>\r\n      <ipSecurity allowUnlisted=\"false\">\r\n" + listed
                + "        <add ipAddress=\"13.50.0.0\" subnetMask=\"255.255.0.0\" allowed=\"true\" />\r\n      </ipSecurity>\r\n</security></system.webServer></configuration>";
            var after = "<configuration><system.webServer><security>\r\n      <ipSecurity allowUnlisted=\"false\">\r\n" + listed
                + "      </ipSecurity>\r\n</security></system.webServer></configuration>";
            Assert.Equal(after, await AdditionalFileFixes.ApplyAsync("web.config", before, "RES4001"));
        }

        [Fact]
        public async Task Ip_security_missing_ips_fix_copies_the_last_callback_entry()
        {
            var before = IpSecurity(@"      <ipSecurity allowUnlisted=""false"">
        <add ipAddress=""192.121.110.100"" allowed=""true"" />
        <add ipAddress=""13.50.187.51"" allowed=""true"" />
        <add ipAddress=""10.1.2.3"" allowed=""true"" />
      </ipSecurity>");
            var after = IpSecurity(@"      <ipSecurity allowUnlisted=""false"">
        <add ipAddress=""192.121.110.100"" allowed=""true"" />
        <add ipAddress=""13.50.187.51"" allowed=""true"" />
        <add ipAddress=""51.21.32.255"" allowed=""true"" />
        <add ipAddress=""51.21.206.32"" allowed=""true"" />
        <add ipAddress=""51.21.39.192"" allowed=""true"" />
        <add ipAddress=""10.1.2.3"" allowed=""true"" />
      </ipSecurity>");
            var fixedText = await AdditionalFileFixes.ApplyAsync("web.config", before, "RES4002");
            Assert.Equal(after, fixedText);
            Assert.Null(await AdditionalFileFixes.TryApplyAsync("web.config", fixedText, "RES4002"));
        }

        [Fact]
        public async Task Fix_all_fixes_ip_security_ranges_and_missing_ips_together()
        {
            var files = new[]
            {
                ("web.config", IpSecurity(@"      <ipSecurity allowUnlisted=""false"">
        <add ipAddress=""192.121.110.100"" allowed=""true"" />
        <add ipAddress=""13.50.0.0"" subnetMask=""255.255.0.0"" allowed=""true"" />
        <add ipAddress=""51.21.32.255"" allowed=""true"" />
      </ipSecurity>")),
            };

            var (fixedFiles, left) = await AdditionalFileFixes.FixAllAsync(files, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Project);
            Assert.Equal(
                IpSecurity(@"      <ipSecurity allowUnlisted=""false"">
        <add ipAddress=""192.121.110.100"" allowed=""true"" />
        <add ipAddress=""13.50.187.51"" subnetMask=""255.255.255.255"" allowed=""true"" />
        <add ipAddress=""51.21.32.255"" allowed=""true"" />
        <add ipAddress=""51.21.206.32"" allowed=""true"" />
        <add ipAddress=""51.21.39.192"" allowed=""true"" />
      </ipSecurity>"),
                fixedFiles[0]);
            Assert.Empty(left);
        }

        [Fact]
        public Task Wcf_client_endpoints_that_call_resurs_by_ip_are_RES4004() => Run(
            "app.config",
            @"<configuration>
  <system.serviceModel>
    <client>
      <endpoint address=""{|#0:https://192.121.110.100/ws/V4/SimplifiedShopFlowService|}"" binding=""basicHttpBinding"" contract=""Resurs.SimplifiedShopFlowService"" />
      <endpoint address=""https://ecommerce.resurs.com/ws/V4/AfterShopFlowService"" binding=""basicHttpBinding"" contract=""Resurs.AfterShopFlowService"" />
      <endpoint address=""https://203.0.113.10/ws"" binding=""basicHttpBinding"" contract=""Other.Service"" />
      <endpoint address=""{|RES4004:https://91.198.202.10/ws/V4/ConfigurationService|}"" binding=""basicHttpBinding"" contract=""Resurs.ConfigurationService"" />
    </client>
    <services>
      <service name=""Shop.CallbackService"">
        <endpoint address=""https://192.121.110.100/callbacks"" binding=""basicHttpBinding"" contract=""Shop.ICallbacks"" />
      </service>
    </services>
  </system.serviceModel>
</configuration>",
            Verify.Diagnostic("RES4004").WithLocation(0).WithArguments(
                "https://192.121.110.100/ws/V4/SimplifiedShopFlowService",
                "192.121.110.100",
                "system.serviceModel client endpoint address",
                "merchant-api.resurs.com, merchant-api.integration.resurs.com, ecommerce.resurs.com, test.resurs.com, checkout.resurs.com, omnitest.resurs.com or apigw.resurs.com",
                ""));
    }
}
