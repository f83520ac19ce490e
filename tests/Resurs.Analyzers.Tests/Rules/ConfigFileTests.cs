using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Resurs.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Resurs.Analyzers.Rules.Configuration.ConfigFileAnalyzer,
    Resurs.Analyzers.CodeFixes.Configuration.ConfigFileCodeFixProvider>;

namespace Resurs.Analyzers.Tests.Rules
{
    /// <summary>The code rules on appsettings*.json and web.config/app.config (AdditionalFiles), with exact spans.</summary>
    [Trait("Rule", "Config")]
    public class ConfigFileTests
    {
        /// <summary>Runs the configuration-file analyzer on one additional file (the other configuration-file tests use it too).</summary>
        internal static Task Run(string fileName, string content, string? editorConfig = null, bool testProject = false, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test("class Program { }", editorConfig);
            test.TestState.AdditionalFiles.Add(("/0/" + fileName, content));
            test.ExpectedDiagnostics.AddRange(expected);
            if (testProject)
            {
                test.TestState.AdditionalReferences.Add(TestProjects.XunitCore);
            }

            return test.RunAsync();
        }

        [Fact]
        public Task Callback_urls_in_appsettings_are_judged_like_code() => Run("appsettings.json", @"{
  // Resurs integration
  ""Resurs"": {
    ""CallbackUrl"": {|RES1002:""http://10.0.0.5/cb""|},
    ""SuccessUrl"": {|RES1003:""https://localhost:5001/checkout/success""|},
    ""FailUrl"": {|RES1004:""http://shop.nordicgear.se/checkout/fail""|},
    ""BackUrl"": {|RES1005:""https://shop.nordicgear.se:8443/checkout""|},
    ""Callbacks"": { ""Authorization"": { ""Url"": {|RES1002:""https://192.168.1.20/auth""|} } },
    ""StoreId"": ""2b3d8b6e"",
  },
  ""Webhooks"": { ""NotifyUrl"": {|RES1004:""http://shop.nordicgear.se/hook""|} },
}");

        [Fact]
        public Task Keys_per_event_under_a_callback_section_are_callbacks() => Run("appsettings.json", @"{
  ""Resurs"": {
    ""Callbacks"": { ""Booked"": {|RES1004:""http://shop.nordicgear.se/resurs/booked/{paymentId}""|}, ""Unfreeze"": {|RES1003:""https://shop.nordicgear.lan/u""|} },
    ""UriTemplate"": { ""Finalization"": {|RES1004:""http://shop.nordicgear.se/resurs/final""|} }
  },
  ""Payments"": { ""Notifications"": { ""Sms"": ""http://sms.nordicgear.lan/send"" } },
  ""Slack"": { ""Webhooks"": { ""Alerts"": ""http://chat.nordicgear.lan/hooks/a"" } },
  ""Authentication"": { ""Callbacks"": { ""Google"": ""https://localhost:5001/signin-google"" } },
  ""Services"": { ""Orders"": ""http://orders.nordicgear.lan/api"" },
  ""Webhooks"": { ""Proxy"": ""http://10.0.0.5:3128"" },
  ""Callbacks"": { ""Authority"": ""http://localhost:5001"" }
}");

        [Fact]
        public Task Message_names_the_configuration_key() => Run(
            "appsettings.Production.json",
            @"{ ""Resurs"": { ""CallbackUrl"": {|#0:""http://10.0.0.5/cb""|} } }",
            expected: Verify.Diagnostic("RES1002").WithLocation(0).WithArguments("http://10.0.0.5/cb", "Resurs:CallbackUrl", "10.0.0.5", "a private address", ""));

        [Fact]
        public Task Revocation_message_names_the_setting() => Run(
            "web.config",
            @"<configuration><system.net><settings><servicePointManager checkCertificateRevocationList=""{|#0:false|}"" /></settings></system.net></configuration>",
            expected: Verify.Diagnostic("RES3003").WithLocation(0).WithMessage(
                "'checkCertificateRevocationList=\"false\"' turns off certificate revocation checking, so a revoked certificate is accepted"));

        [Fact]
        public Task Tunnels_are_reported_in_any_value() => Run("appsettings.json", @"{
  ""Seq"": { ""ServerUrl"": {|RES1001:""https://logs-abc.ngrok-free.app""|} },
  ""Demo"": { ""Host"": {|RES1001:""shop-demo.loca.lt""|} },
  ""BlockedHosts"": [ ""ngrok.io"", ""loca.lt"" ]
}");

        [Fact]
        public Task Kestrel_ssl_protocols_are_reported_per_weak_entry() => Run("appsettings.json", @"{
  ""Kestrel"": {
    ""EndpointDefaults"": { ""SslProtocols"": [ {|RES2001:""Tls11""|}, ""Tls12"" ] },
    ""Endpoints"": {
      ""Https"": { ""Url"": ""https://*:443"", ""SslProtocols"": {|RES2001:""Tls, Tls12""|} }
    }
  }
}");

        [Fact]
        public Task Bind_addresses_connection_strings_health_checks_and_other_files_are_silent() => Task.WhenAll(
            Run("appsettings.json", @"{
  ""Urls"": ""http://localhost:5000;https://localhost:5001"",
  ""ConnectionStrings"": { ""Shop"": ""Server=10.0.0.5;Database=shop"" },
  ""HealthChecks"": { ""Url"": ""http://10.0.0.5/health"" },
  ""Resurs"": { ""CallbackUrl"": ""https://shop.nordicgear.se/resurs/cb"", ""NotifyEmail"": ""ops@shop.local"" },
  ""Kestrel"": { ""EndpointDefaults"": { ""SslProtocols"": [ ""Tls12"", ""Tls13"" ] } }
}"),
            Run("launchSettings.json", @"{ ""profiles"": { ""web"": { ""applicationUrl"": ""http://localhost:5000"", ""callbackUrl"": ""http://localhost/cb"" } } }"),
            Run("appsettings.Local.json", string.Empty),
            Run("appsettings.json", "  \n  // nothing here\n"));

        [Fact]
        public Task Development_files_carry_a_note_or_are_skipped() => Task.WhenAll(
            Run(
                "appsettings.Development.json",
                @"{ ""Resurs"": { ""CallbackUrl"": {|#0:""http://localhost:5000/cb""|} } }",
                expected: Verify.Diagnostic("RES1003").WithLocation(0).WithArguments(
                    "http://localhost:5000/cb", "Resurs:CallbackUrl", "localhost", "a name for the local machine",
                    " (in a development-only configuration file, which Resurs cannot reach from any environment either)")),
            Run("appsettings.Development.json", @"{ ""Resurs"": { ""CallbackUrl"": ""http://localhost:5000/cb"" } }", "resurs_analyzers.development_code = skip"));

        [Fact]
        public Task Test_projects_follow_test_code() => Task.WhenAll(
            Run("appsettings.json", @"{ ""Resurs"": { ""CallbackUrl"": ""http://10.0.0.5/cb"" } }", testProject: true),
            Run("appsettings.json", @"{ ""Resurs"": { ""CallbackUrl"": {|RES1002:""http://10.0.0.5/cb""|} } }", "resurs_analyzers.test_code = report", testProject: true));

        [Theory]
        [InlineData("{ \"Resurs\": { \"CallbackUrl\": \"http://10.0.0.5/cb\" {|#0:|}", "unexpected end of file: missing '}'")]
        [InlineData("{ \"Resurs\": { \"CallbackUrl\" {|#0:\"|}http://10.0.0.5/cb\" } }", "expected ':' after the property name")]
        [InlineData("{ \"a\": [1, 2,{|#0:,|} 3] }", "unexpected character ','")]
        [InlineData("{ \"a\": \"unterminated{|#0:\n|} }", "unterminated string")]
        [InlineData("{ {|#0:'|}a': 1 }", "expected a property name in double quotes")]
        [InlineData("{ \"a\": 1 } {|#0:}|}", "unexpected text after the end of the JSON document")]
        [InlineData("{ {|#0:/|}* open comment ", "unterminated comment")]
        [InlineData("{ \"a\": \"{|#0:\\|}q\" }", "invalid escape sequence")]
        [InlineData("{ \"a\": {|#0:t|}ru }", "unexpected 'tru'")]
        public Task Broken_json_gives_one_RES9002_and_nothing_else(string content, string reason) => Run(
            "appsettings.json",
            content,
            expected: Verify.Diagnostic("RES9002").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments("appsettings.json", reason));

        [Fact]
        public Task Nesting_deeper_than_the_loader_allows_is_unreadable() => Run(
            "appsettings.json",
            new string('[', 64) + "{|#0:[|}" + new string(']', 65),
            expected: Verify.Diagnostic("RES9002").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments("appsettings.json", "nesting is deeper than 64 levels"));

        [Fact]
        public Task A_five_megabyte_file_is_read() => Run(
            "appsettings.json",
            "{ \"Big\": [" + string.Join(",", Enumerable.Repeat("\"https://shop.nordicgear.se/resurs/cb\"", 120_000)) + "], \"Resurs\": { \"CallbackUrl\": {|RES1002:\"http://10.0.0.5/cb\"|} } }");

        [Fact]
        public Task Web_config_app_settings_and_switches_are_checked() => Run("web.config", @"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <appSettings>
    <add key=""ResursBank:CallbackUrl"" value=""{|RES1004:http://shop.nordicgear.se/api/resurscallback?paymentId={paymentId}|}"" />
    <add key=""ResursBank:UserName"" value=""nordicgear"" />
    <add key=""Resurs.SuccessUrl"" value=""{|RES1003:https://shop.nordicgear.local/success|}"" />
  </appSettings>
  <runtime>
    <AppContextSwitchOverrides value=""{|RES2003:Switch.System.Net.DontEnableSchUseStrongCrypto=true;Switch.System.Net.DontEnableSystemDefaultTlsVersions=false|}"" />
  </runtime>
  <system.serviceModel>
    <client>
      <endpoint address=""https://ecommerce.resurs.com/ws/V4/SimplifiedShopFlowService"" binding=""basicHttpBinding"" />
      <endpoint address=""{|RES1001:https://abc.ngrok.io/ws|}"" binding=""basicHttpBinding"" />
    </client>
  </system.serviceModel>
</configuration>
");

        [Fact]
        public Task Wcf_and_service_point_certificate_settings_are_checked() => Run("app.config", @"<configuration>
  <system.net>
    <settings>
      <servicePointManager checkCertificateName=""true"" checkCertificateRevocationList=""{|RES3003:false|}"" />
    </settings>
  </system.net>
  <system.serviceModel>
    <behaviors>
      <endpointBehaviors>
        <behavior name=""resurs"">
          <clientCredentials>
            <serviceCertificate>
              <authentication certificateValidationMode=""{|RES3001:None|}"" revocationMode=""NoCheck"" />
            </serviceCertificate>
          </clientCredentials>
        </behavior>
        <behavior name=""peer"">
          <clientCredentials>
            <serviceCertificate>
              <authentication certificateValidationMode=""PeerOrChainTrust"" revocationMode=""{|RES3003:NoCheck|}"" />
            </serviceCertificate>
          </clientCredentials>
        </behavior>
        <behavior name=""strict"">
          <clientCredentials>
            <serviceCertificate>
              <authentication certificateValidationMode=""ChainTrust"" revocationMode=""Online"" />
            </serviceCertificate>
          </clientCredentials>
        </behavior>
      </endpointBehaviors>
    </behaviors>
  </system.serviceModel>
</configuration>");

        [Theory]
        [InlineData("RES3001", "certificateValidationMode=\"None\"", "certificateValidationMode=\"ChainTrust\"")]
        [InlineData("RES3003", "revocationMode=\"NoCheck\"", "revocationMode=\"Online\"")]
        public async Task Certificate_settings_fixes(string id, string before, string after)
        {
            var fixedText = await AdditionalFileFixes.ApplyAsync("app.config", "<configuration><x><authentication " + before + " /></x></configuration>", id);
            Assert.Equal("<configuration><x><authentication " + after + " /></x></configuration>", fixedText);
        }

        [Fact]
        public Task Allowlists_in_appsettings_are_checked() => Run("appsettings.json", @"{
  ""IpFilter"": {
    ""AllowedRanges"": [ {|RES4001:""51.21.0.0/16""|}, ""192.121.110.0/24"", ""10.0.0.0/8"" ],
    ""Everyone"": {|RES4001:""0.0.0.0/0""|}
  },
  ""ResursCallbacks"": { ""AllowedIps"": {|RES4002:[|} ""192.121.110.100"", ""13.50.187.51"" ] },
  ""Complete"": { ""AllowedIps"": [ ""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"", ""51.21.206.32"", ""51.21.39.192"" ] },
  ""BlockedRanges"": [ ""51.21.0.0/16"", ""13.48.0.0/13"" ],
  ""Version"": ""1.2.3.4""
}");

        /// <summary>The same list as in RES4002's C# tests: configuration and code share one judgement.</summary>
        [Fact]
        public Task Resurs_own_network_counts_as_a_callback_entry_as_in_code() => Run("appsettings.json", @"{
  ""ResursCallbacks"": { ""AllowedIps"": {|RES4002:[|} ""192.121.110.0/24"", ""13.50.187.51"" ] }
}");

        [Fact]
        public Task Allowlists_in_config_app_settings_are_checked() => Run("web.config", @"<configuration>
  <appSettings>
    <add key=""Resurs:AllowedCallbackIps"" value=""{|RES4002:{|RES4001:13.50.0.0/16|}, 192.121.110.100, 51.21.32.255|}"" />
    <add key=""Firewall:DenyList"" value=""13.50.0.0/16"" />
  </appSettings>
</configuration>");

        [Fact]
        public Task Broken_xml_gives_one_RES9002() => Run(
            "app.config",
            "<configuration><appSettings><add key=\"ResursBank:CallbackUrl\" value=\"http://10.0.0.5/cb\"></{|#0:a|}ppSettings></configuration>",
            expected: Verify.Diagnostic("RES9002").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithMessage(null));

        [Theory]
        [InlineData("RES1004", "{ \"Resurs\": { \"CallbackUrl\": \"http://shop.nordicgear.se/cb\" } }", "{ \"Resurs\": { \"CallbackUrl\": \"https://shop.nordicgear.se/cb\" } }")]
        [InlineData("RES1005", "{ \"Resurs\": { \"BackUrl\": \"https://shop.nordicgear.se:8443/back?x=1\" } }", "{ \"Resurs\": { \"BackUrl\": \"https://shop.nordicgear.se/back?x=1\" } }")]
        [InlineData("RES2001", "{ \"Kestrel\": { \"EndpointDefaults\": { \"SslProtocols\": [\"Tls11\", \"Tls12\"] } } }", "{ \"Kestrel\": { \"EndpointDefaults\": { \"SslProtocols\": [ \"Tls12\" ] } } }")]
        [InlineData("RES2001", "{ \"Kestrel\": { \"EndpointDefaults\": { \"SslProtocols\": [\"Tls\", \"Tls11\"] } } }", "{ \"Kestrel\": { \"EndpointDefaults\": { \"SslProtocols\": [ \"Tls12\", \"Tls13\" ] } } }")]
        [InlineData("RES2001", "{ \"Kestrel\": { \"Endpoints\": { \"Https\": { \"SslProtocols\": \"Tls11, Tls12\" } } } }", "{ \"Kestrel\": { \"Endpoints\": { \"Https\": { \"SslProtocols\": \"Tls12\" } } } }")]
        public async Task Fixes_rewrite_the_config_file_and_a_second_pass_finds_nothing(string id, string content, string expected)
        {
            var fixedText = await AdditionalFileFixes.ApplyAsync("appsettings.json", content, id);
            Assert.Equal(expected, fixedText);
            Assert.Null(await AdditionalFileFixes.TryApplyAsync("appsettings.json", fixedText, id));
        }

        [Theory]
        [InlineData("RES4001", "{ \"IpFilter\": { \"AllowedRanges\": [ \"192.121.110.100\", \"13.50.187.51\", \"51.20.0.0/14\" ] } }", "{ \"IpFilter\": { \"AllowedRanges\": [ \"192.121.110.100\", \"13.50.187.51\", \"51.21.32.255\", \"51.21.206.32\", \"51.21.39.192\" ] } }")]
        [InlineData("RES4001", "{ \"IpFilter\": { \"AllowedRanges\": [\n    \"192.121.110.100/32\",\n    \"51.21.0.0/16\",\n    \"13.50.187.51/32\"\n  ] } }", "{ \"IpFilter\": { \"AllowedRanges\": [\n    \"192.121.110.100/32\",\n    \"51.21.32.255/32\",\n    \"51.21.206.32/32\",\n    \"51.21.39.192/32\",\n    \"13.50.187.51/32\"\n  ] } }")]
        [InlineData("RES4001", "{ \"Resurs\": { \"AllowedIps\": \"192.121.110.100, 13.50.187.51, 51.21.0.0/16\" } }", "{ \"Resurs\": { \"AllowedIps\": \"192.121.110.100, 13.50.187.51, 51.21.32.255, 51.21.206.32, 51.21.39.192\" } }")]
        [InlineData("RES4001", "{ \"IpFilter\": { \"AllowedRanges\": [ \"192.121.110.100\", \"13.50.187.51\", \"13.50.0.0/16\" ] } }", "{ \"IpFilter\": { \"AllowedRanges\": [ \"192.121.110.100\", \"13.50.187.51\" ] } }")]
        [InlineData("RES4002", "{ \"ResursCallbacks\": { \"AllowedIps\": [ \"192.121.110.100\", \"13.50.187.51\" ] } }", "{ \"ResursCallbacks\": { \"AllowedIps\": [ \"192.121.110.100\", \"13.50.187.51\", \"51.21.32.255\", \"51.21.206.32\", \"51.21.39.192\" ] } }")]
        [InlineData("RES4002", "{ \"ResursCallbacks\": { \"AllowedIps\": \"192.121.110.100/32,13.50.187.51/32\" } }", "{ \"ResursCallbacks\": { \"AllowedIps\": \"192.121.110.100/32,13.50.187.51/32,51.21.32.255/32,51.21.206.32/32,51.21.39.192/32\" } }")]
        public async Task Allowlist_fixes_write_the_exact_ips_in_the_style_of_the_list(string id, string content, string expected)
        {
            var fixedText = await AdditionalFileFixes.ApplyAsync("appsettings.json", content, id);
            Assert.Equal(expected, fixedText);
            Assert.Null(await AdditionalFileFixes.TryApplyAsync("appsettings.json", fixedText, id));
        }

        [Theory]
        [InlineData("RES4001", "13.50.0.0/16, 192.121.110.100, 51.21.32.255, 51.21.206.32, 51.21.39.192", "13.50.187.51, 192.121.110.100, 51.21.32.255, 51.21.206.32, 51.21.39.192")]
        [InlineData("RES4002", "192.121.110.100;13.50.187.51", "192.121.110.100;13.50.187.51;51.21.32.255;51.21.206.32;51.21.39.192")]
        public async Task Allowlist_fixes_in_app_settings_values(string id, string value, string expected)
        {
            static string Config(string v) => "<configuration><appSettings><add key=\"Resurs:AllowedCallbackIps\" value=\"" + v + "\" /></appSettings></configuration>";
            var fixedText = await AdditionalFileFixes.ApplyAsync("web.config", Config(value), id);
            Assert.Equal(Config(expected), fixedText);
        }

        [Fact]
        public async Task Fix_all_fixes_every_configuration_file_of_the_project_and_does_nothing_for_csharp_only_hosts()
        {
            var files = new[]
            {
                ("appsettings.json", "{ \"Resurs\": { \"CallbackUrl\": \"http://shop.nordicgear.se:8080/cb\", \"AllowedIps\": [ \"192.121.110.100\", \"13.50.187.51\" ] },\n  \"Kestrel\": { \"EndpointDefaults\": { \"SslProtocols\": [\"Tls\", \"Tls11\"] } } }"),
                ("web.config", "<configuration><appSettings><add key=\"ResursBank:CallbackUrl\" value=\"http://shop.nordicgear.se/cb\" /></appSettings><x><authentication revocationMode=\"NoCheck\" /></x></configuration>"),
            };

            var (fixedFiles, left) = await AdditionalFileFixes.FixAllAsync(files, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Project);
            Assert.Equal("{ \"Resurs\": { \"CallbackUrl\": \"https://shop.nordicgear.se/cb\", \"AllowedIps\": [ \"192.121.110.100\", \"13.50.187.51\", \"51.21.32.255\", \"51.21.206.32\", \"51.21.39.192\" ] },\n  \"Kestrel\": { \"EndpointDefaults\": { \"SslProtocols\": [ \"Tls12\", \"Tls13\" ] } } }", fixedFiles[0]);
            Assert.Equal("<configuration><appSettings><add key=\"ResursBank:CallbackUrl\" value=\"https://shop.nordicgear.se/cb\" /></appSettings><x><authentication revocationMode=\"Online\" /></x></configuration>", fixedFiles[1]);
            Assert.Empty(left);

            // dotnet format gives Fix All only the diagnostics of C# documents: the action exists and changes nothing.
            var (untouched, _) = await AdditionalFileFixes.FixAllAsync(files, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Solution, csharpOnly: true);
            Assert.Equal(files.Select(f => f.Item2), untouched);
        }

        [Fact]
        public async Task Switch_fix_sets_only_the_offending_entry_to_false()
        {
            var fixedText = await AdditionalFileFixes.ApplyAsync(
                "app.config",
                "<configuration><runtime><AppContextSwitchOverrides value=\"Switch.System.Net.DontEnableTlsAlerts=false;Switch.System.Net.DontEnableSchUseStrongCrypto=true\" /></runtime></configuration>",
                "RES2003");
            Assert.Equal("<configuration><runtime><AppContextSwitchOverrides value=\"Switch.System.Net.DontEnableTlsAlerts=false;Switch.System.Net.DontEnableSchUseStrongCrypto=false\" /></runtime></configuration>", fixedText);
        }

        [Fact]
        public async Task Public_base_url_fix_applies_in_config_files()
        {
            var fixedText = await AdditionalFileFixes.ApplyAsync(
                "web.config",
                "<configuration><appSettings><add key=\"ResursBank:CallbackUrl\" value=\"http://10.0.0.5:8080/api/cb?x=1\" /></appSettings></configuration>",
                "RES1002",
                "resurs_analyzers.public_base_url = https://shop.nordicgear.se");
            Assert.Equal("<configuration><appSettings><add key=\"ResursBank:CallbackUrl\" value=\"https://shop.nordicgear.se/api/cb?x=1\" /></appSettings></configuration>", fixedText);
        }
    }
}
