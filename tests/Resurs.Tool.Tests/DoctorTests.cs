using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Resurs.Tool.Doctor;
using Xunit;

namespace Resurs.Tool.Tests
{
    /// <summary>
    /// <c>resurs doctor</c> through its command line, against the loopback servers: a passing and a failing case for every
    /// check, the JSON and human output, exit codes. DNS answers are fixed and every connection goes through a loopback-only guard.
    /// </summary>
    public sealed class DoctorTests : IClassFixture<DoctorServers>
    {
        private const string Url = "https://" + DoctorServers.Host + "/resurs/callback";
        private readonly DoctorServers servers;

        public DoctorTests(DoctorServers servers) => this.servers = servers;

        [Fact]
        public async Task A_valid_server_passes_every_check_and_exits_0()
        {
            var run = await Doctor(PublicShop(), Trust(servers.Root), Url, "--json", "--probe", "GET", "--connect-to", ConnectTo(servers.Valid.Port));

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(0, run.Json.GetProperty("exitCode").GetInt32());
            var checks = run.Checks();
            Assert.Equal(new[] { "url", "dns", "tcp", "tls", "certificate", "revocation", "http" }, checks.Keys.ToArray());
            Assert.All(new[] { "url", "dns", "tcp", "tls", "certificate", "http" }, id => Assert.Equal("pass", checks[id].Status));

            // The test CA publishes no CRL or OCSP responder: revocation is unknown, reported on its own line, not a failure.
            Assert.Equal("warn", checks["revocation"].Status);
            Assert.Contains("Resurs Doctor Test Intermediate", checks["certificate"].Summary);
            Assert.Contains("203.0.113.10", checks["dns"].Summary);
            Assert.Contains("TLS 1.2 and TLS 1.3", checks["tls"].Summary);
        }

        [Theory]
        [InlineData("https://abc123.ngrok-free.app/cb", "ngrok")]
        [InlineData("https://requests.webhook.site/cb", "request-capture")]
        [InlineData("http://shop.example.se/cb", "uses http")]
        [InlineData("https://shop.example.se:8443/cb", "port 8443")]
        [InlineData("https://10.0.0.5/cb", "a private address")]
        [InlineData("https://100.64.1.1/cb", "carrier-grade NAT")]
        [InlineData("https://shop.internal/cb", "internal-only name")]
        [InlineData("https://localhost/cb", "local machine")]
        public async Task The_url_check_fails_for_what_Resurs_cannot_call(string url, string expected)
        {
            var parsed = AnalyzerModel.ParseUrl(url)!;
            var run = await Doctor(new FixedDns(), null, url, "--json", "--connect-to", parsed.Host + ":" + parsed.Port + ":127.0.0.1:" + servers.ClosedPort);

            Assert.Equal(1, run.ExitCode);
            var check = run.Checks()["url"];
            Assert.Equal("fail", check.Status);
            Assert.Contains(expected, check.Summary + string.Join(" ", check.Details));
        }

        [Fact]
        public async Task Dns_fails_for_a_record_in_a_private_range()
        {
            var run = await Doctor(new FixedDns().Public(DoctorServers.Host, "203.0.113.10", "192.168.10.5"), Trust(servers.Root), Url, "--json", "--connect-to", ConnectTo(servers.Valid.Port));

            var check = run.Checks()["dns"];
            Assert.Equal("fail", check.Status);
            Assert.Contains("192.168.10.5 is a private address", check.Summary);
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public async Task Dns_fails_for_a_name_only_the_local_resolver_knows()
        {
            var run = await Doctor(new FixedDns().Local(DoctorServers.Host, "192.168.1.20"), null, Url, "--json");

            var checks = run.Checks();
            Assert.Equal("fail", checks["dns"].Status);
            Assert.Contains("only through this machine's resolver", checks["dns"].Summary);
            Assert.Contains("internal-only", checks["dns"].Summary);
            Assert.Equal("skip", checks["tcp"].Status);
        }

        [Theory]
        [InlineData("http://localhost:5000/resurs/callback", "Use a host name published in public DNS; localhost cannot be published there.")]
        [InlineData("https://shop.example.se/resurs/callback", "Publish an A or AAAA record for shop.example.se in public DNS.")]
        public async Task Dns_advice_for_a_missing_record_fits_the_name(string url, string advice)
        {
            var run = await Doctor(new FixedDns(), null, url, "--json");

            var check = run.Checks()["dns"];
            Assert.Equal("fail", check.Status);
            Assert.Equal(advice, check.Advice);
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public async Task Unreachable_public_dns_exits_2()
        {
            var run = await Doctor(new FixedDns { Reachable = false }, null, Url, "--json");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("error", run.Checks()["dns"].Status);
        }

        [Fact]
        public async Task Tcp_fails_when_nothing_listens()
        {
            var run = await Doctor(PublicShop(), null, Url, "--json", "--timeout", "3", "--connect-to", ConnectTo(servers.ClosedPort));

            var checks = run.Checks();
            Assert.Equal("fail", checks["tcp"].Status);
            Assert.Equal("skip", checks["tls"].Status);
            Assert.Equal(1, run.ExitCode);
        }

        [Theory]
        [InlineData(true, "TLS 1.2 (not 1.3)", "TLS 1.3: refused")]
        [InlineData(false, "TLS 1.3 (not 1.2)", "TLS 1.2: refused")]
        public async Task Tls_passes_with_either_tls_1_2_or_tls_1_3_alone(bool tls12Only, string accepted, string refused)
        {
            var port = tls12Only ? servers.Tls12Only.Port : servers.Tls13Only.Port;
            var check = (await Doctor(PublicShop(), Trust(servers.Root), Url, "--json", "--connect-to", ConnectTo(port))).Checks()["tls"];

            Assert.Equal("pass", check.Status);
            Assert.Contains(accepted, check.Summary);
            Assert.Contains(check.Details, detail => detail.StartsWith(refused, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Tls_fails_when_no_handshake_completes()
        {
            var run = await Doctor(PublicShop(), Trust(servers.Root), Url, "--json", "--connect-to", ConnectTo(servers.PlainHttp.Port));

            var checks = run.Checks();
            Assert.Equal("fail", checks["tls"].Status);
            Assert.Equal("skip", checks["certificate"].Status);
            Assert.Equal(1, run.ExitCode);
        }

        [Theory]
        [InlineData("self-signed", "self-signed (CN=shop.example.se)")]
        [InlineData("expired", "expired on ")]
        [InlineData("wrong name", "issued for other.example.se, not shop.example.se")]
        [InlineData("missing intermediate", "the server does not send its intermediate certificate")]
        [InlineData("untrusted root", "which is not a trusted root")]
        public async Task Certificate_fails_for_what_Resurs_rejects(string situation, string expected)
        {
            var (port, root) = situation switch
            {
                "self-signed" => (servers.SelfSigned.Port, servers.Root),
                "expired" => (servers.Expired.Port, servers.Root),
                "wrong name" => (servers.WrongName.Port, servers.Root),
                "missing intermediate" => (servers.MissingIntermediate.Port, servers.Root),
                _ => (servers.Valid.Port, servers.OtherRoot),
            };
            var run = await Doctor(PublicShop(), Trust(root), Url, "--json", "--connect-to", ConnectTo(port));

            var check = run.Checks()["certificate"];
            Assert.Equal("fail", check.Status);
            Assert.Contains(expected, check.Summary);
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public async Task Certificate_details_show_that_no_intermediate_was_sent()
        {
            var check = (await Doctor(PublicShop(), Trust(servers.Root), Url, "--json", "--connect-to", ConnectTo(servers.MissingIntermediate.Port))).Checks()["certificate"];
            Assert.Contains(check.Details, detail => detail == "the server sent 0 certificate(s) besides its own");
        }

        [Fact]
        public async Task Revocation_is_not_checked_on_a_chain_that_does_not_reach_a_root()
        {
            var run = await Doctor(PublicShop(), Trust(servers.Root), Url, "--json", "--connect-to", ConnectTo(servers.MissingIntermediate.Port));
            Assert.Equal("skip", run.Checks()["revocation"].Status);
        }

        [Fact]
        public async Task Revocation_passes_when_the_crl_does_not_list_the_certificate()
        {
            var run = await Doctor(PublicShop(), Trust(servers.RevocationRoot), Url, "--json", "--connect-to", ConnectTo(servers.NotRevoked.Port));

            Assert.Equal(("pass", "pass"), (run.Checks()["certificate"].Status, run.Checks()["revocation"].Status));
            Assert.Equal(0, run.ExitCode);
        }

        [Fact]
        public async Task Revocation_fails_when_the_crl_lists_the_certificate()
        {
            var run = await Doctor(PublicShop(), Trust(servers.RevocationRoot), Url, "--json", "--connect-to", ConnectTo(servers.Revoked.Port));

            var check = run.Checks()["revocation"];
            Assert.Equal("fail", check.Status);
            Assert.Contains("revoked", check.Summary);
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public async Task Http_probe_reports_a_redirect_to_plain_http_on_another_host()
        {
            var run = await Doctor(PublicShop(), Trust(servers.Root), "https://" + DoctorServers.Host + "/redirect", "--json", "--probe", "GET", "--connect-to", ConnectTo(servers.Valid.Port));

            var check = run.Checks()["http"];
            Assert.Equal("fail", check.Status);
            Assert.Contains("answered 302", check.Summary);
            Assert.Contains(check.Details, detail => detail.Contains("plain http", StringComparison.Ordinal));
            Assert.Contains(check.Details, detail => detail.Contains("another host: www.example.net", StringComparison.Ordinal));
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public async Task Http_probe_warns_on_a_refused_post()
        {
            var check = (await Doctor(PublicShop(), Trust(servers.Root), "https://" + DoctorServers.Host + "/forbidden", "--json", "--probe", "POST", "--connect-to", ConnectTo(servers.Valid.Port))).Checks()["http"];

            Assert.Equal("warn", check.Status);
            Assert.Contains("POST answered 403", check.Summary);
        }

        [Fact]
        public async Task Firewall_lists_the_callback_ips_and_the_whole_range_warning()
        {
            var defaults = await Doctor(new FixedDns(), null, Url, "--json");
            var firewall = defaults.Json.GetProperty("firewall");
            Assert.Equal("info", firewall.GetProperty("status").GetString());
            Assert.Contains("192.121.110.100, 13.50.187.51, 51.21.32.255, 51.21.206.32, 51.21.39.192", firewall.GetProperty("summary").GetString());
            Assert.Contains(firewall.GetProperty("details").EnumerateArray(), detail => detail.GetString()!.Contains("Do not whitelist entire AWS ranges", StringComparison.Ordinal));

            var custom = await Doctor(new FixedDns(), null, Url, "--json", "--callback-ips", "198.51.100.7, 198.51.100.8");
            Assert.EndsWith("allow inbound HTTPS from 198.51.100.7, 198.51.100.8", custom.Json.GetProperty("firewall").GetProperty("summary").GetString());

            var bad = await Doctor(new FixedDns(), null, Url, "--callback-ips", "198.51.100.0/24x");
            Assert.Equal(2, bad.ExitCode);
        }

        [Fact]
        public async Task Human_output_has_a_line_per_check_the_faq_words_and_progress()
        {
            var run = await Doctor(PublicShop(), Trust(servers.Root), Url, "--connect-to", ConnectTo(servers.SelfSigned.Port));

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("  PASS   URL         https on port 443", run.Output);
            Assert.Contains("  FAIL   Certificate self-signed (CN=shop.example.se)", run.Output);
            Assert.Contains("FAQ: \"Your site must use a valid and trusted certificate.", run.Output);
            Assert.Contains("  INFO   Firewall", run.Output);
            Assert.Contains("1 check failed.", run.Output);
            Assert.Contains("... TLS: handshakes with 127.0.0.1:" + servers.SelfSigned.Port, run.Error);
        }

        [Fact]
        public async Task Config_checks_every_callback_url_found_with_the_analyzers_key_logic()
        {
            var directory = Directory.CreateTempSubdirectory("resurs-doctor-").FullName;
            try
            {
                var file = Path.Combine(directory, "appsettings.Production.json");
                File.WriteAllText(file, @"{
  ""Resurs"": {
    ""PublicBaseUrl"": ""https://shop.example.se"",
    ""CallbackUrl"": ""https://shop.example.se/resurs/callback"",
    ""Callbacks"": { ""Management"": { ""Url"": ""https://ops.example.se/resurs/management"" } }
  },
  ""Logging"": { ""Url"": ""https://logs.example.se"" }
}");
                var run = await Doctor(PublicShop(), Trust(servers.Root), "--config", file, "--json", "--connect-to", ConnectTo(servers.Valid.Port));

                var targets = run.Json.GetProperty("targets").EnumerateArray().ToList();
                Assert.Equal(new[] { "https://shop.example.se/resurs/callback", "https://ops.example.se/resurs/management" }, targets.Select(target => target.GetProperty("url").GetString()).ToArray());
                Assert.Equal("appsettings.Production.json:4 Resurs:CallbackUrl", targets[0].GetProperty("source").GetString());
                Assert.Equal("appsettings.Production.json:5 Resurs:Callbacks:Management:Url", targets[1].GetProperty("source").GetString());

                // ops.example.se has no public record here: its DNS check fails, so the run does.
                Assert.Equal(1, run.ExitCode);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Theory]
        [InlineData("--resolve", "shop.example.se:443")]
        [InlineData("--resolve", "shop.example.se:443:not-an-ip")]
        [InlineData("--connect-to", "shop.example.se:443:127.0.0.1")]
        [InlineData("--probe", "DELETE")]
        [InlineData("--timeout", "0")]
        public async Task Bad_usage_exits_2(string option, string value)
        {
            var run = await Doctor(new FixedDns(), null, Url, option, value);
            Assert.Equal(2, run.ExitCode);
        }

        [Theory]
        [InlineData("--help", "resurs [command] [options]")]
        [InlineData("doctor --help", "resurs doctor [<url>...] [options]")]
        [InlineData("scan --help", "resurs scan [<target>] [options]")]
        public async Task Help_names_the_command_users_type(string args, string usage)
        {
            var output = new StringWriter();
            var code = await new ResursCli(output, new StringWriter()).RunAsync(args.Split(' '), CancellationToken.None);

            Assert.Equal(0, code);
            Assert.Contains(usage, output.ToString());
            Assert.DoesNotContain("Resurs.Tool", output.ToString());
        }

        [Fact]
        public async Task No_url_exits_2()
        {
            Assert.Equal(2, (await Doctor(new FixedDns(), null)).ExitCode);
        }

        [Fact]
        public void Resolve_parses_like_curl()
        {
            Assert.True(EndpointOverride.TryParse("Shop.Example.se:443:[::1]", withPort: false, out var v6, out _));
            Assert.Equal(("shop.example.se", 443, "::1", 443), (v6!.Host, v6.Port, v6.Address.ToString(), v6.ConnectPort));
            Assert.True(EndpointOverride.TryParse("shop.example.se:443:127.0.0.1:8443", withPort: true, out var moved, out _));
            Assert.Equal(8443, moved!.ConnectPort);
        }

        private static FixedDns PublicShop() => new FixedDns().Public(DoctorServers.Host, "203.0.113.10");

        private static X509Certificate2Collection Trust(X509Certificate2 root) => new X509Certificate2Collection(root);

        private static string ConnectTo(int port) => DoctorServers.Host + ":443:127.0.0.1:" + port;

        private static async Task<DoctorRun> Doctor(FixedDns dns, X509Certificate2Collection? trust, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var cli = new ResursCli(output, error, settings => new DoctorServices(dns, trust)
            {
                Connect = FixedDns.LoopbackOnly,
                Progress = settings.Human ? line => error.WriteLine("  ... " + line) : _ => { },
            });
            var exitCode = await cli.RunAsync(new[] { "doctor" }.Concat(args).ToArray(), CancellationToken.None);
            return new DoctorRun(exitCode, output.ToString(), error.ToString());
        }

        private sealed record DoctorRun(int ExitCode, string Output, string Error)
        {
            public JsonElement Json => JsonDocument.Parse(Output).RootElement;

            /// <summary>The first target's checks by id, in order.</summary>
            public Dictionary<string, CheckResultView> Checks()
            {
                var result = new Dictionary<string, CheckResultView>();
                foreach (var check in Json.GetProperty("targets")[0].GetProperty("checks").EnumerateArray())
                {
                    result[check.GetProperty("id").GetString()!] = new CheckResultView(
                        check.GetProperty("status").GetString()!,
                        check.GetProperty("summary").GetString()!,
                        check.GetProperty("details").EnumerateArray().Select(detail => detail.GetString()!).ToList(),
                        check.TryGetProperty("advice", out var advice) ? advice.GetString() : null);
                }

                return result;
            }
        }

        private sealed record CheckResultView(string Status, string Summary, List<string> Details, string? Advice);
    }
}
