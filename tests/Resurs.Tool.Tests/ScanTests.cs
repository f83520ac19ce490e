using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Resurs.Tool.Tests
{
    /// <summary>
    /// <c>resurs scan</c> from the packed and installed tool: the sample merchant shop and a multi-file consumer project
    /// (summary per rule, findings, SARIF, strict exit code, <c>--fix</c>, and no change to any scanned file without it),
    /// and a folder without a project.
    /// </summary>
    [Collection(PackedToolCollection.Name)]
    public sealed class ScanTests : IDisposable
    {
        private readonly PackedTool tool;
        private readonly string work = Directory.CreateTempSubdirectory("resurs-scan-test-").FullName;

        public ScanTests(PackedTool tool) => this.tool = tool;

        [Fact]
        public void Scanning_the_sample_reports_every_rule_family_writes_sarif_and_changes_nothing()
        {
            var sample = Path.Combine(PackedTool.RepoRoot, "samples", "Resurs.Merchant.Sample");
            var before = PackedTool.Snapshot(sample);
            var sarif = Path.Combine(work, "sample.sarif");

            var run = tool.Resurs(work, "scan", sample, "-o", sarif);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(before, PackedTool.Snapshot(sample));
            foreach (var id in new[] { "RES1001", "RES1002", "RES1004", "RES2001", "RES3001", "RES4001", "RES4005" })
            {
                Assert.Matches(new Regex(@"^  " + id + @" +\d+ +\d+  \S", RegexOptions.Multiline), run.Output);
            }

            Assert.Contains("Payments/LegacyCallbackRegistration.cs:10:45: warning RES1001", run.Output);
            Assert.Contains("https://github.com/resurs-analyzers/Resurs.Analyzers/blob/main/docs/rules/RES1001.md", run.Output);
            Assert.Contains("appsettings.json:16:25: warning RES2001", run.Output);
            var count = int.Parse(Regex.Match(run.Output, @"(\d+) findings in \d+ files").Groups[1].Value);

            using var log = JsonDocument.Parse(File.ReadAllText(sarif));
            Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
            var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(count, results.Count);
            Assert.All(results, result => Assert.StartsWith("RES", result.GetProperty("ruleId").GetString(), StringComparison.Ordinal));
            Assert.Contains(results, result =>
                result.GetProperty("ruleId").GetString() == "RES1001"
                && result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "Payments/LegacyCallbackRegistration.cs");
        }

        [Fact]
        public void A_consumer_project_is_scanned_unchanged_gated_in_strict_mode_and_fixed_with_fix()
        {
            var project = Consumer(withProject: true);
            var before = PackedTool.Snapshot(project);

            var scan = tool.Resurs(project, "scan");
            Assert.True(scan.ExitCode == 0, scan.ToString());
            Assert.Equal(before, PackedTool.Snapshot(project));
            Assert.Contains("Tls.cs:8:", scan.Output);
            Assert.Contains("warning RES2001", scan.Output);
            Assert.DoesNotContain("RES1001", scan.Output); // Callbacks.cs's ngrok URL, silenced by the .editorconfig
            Assert.Contains("appsettings.json:", scan.Output);
            Assert.Matches(@"\d+ findings in [34] files", scan.Output);

            var strict = tool.Resurs(project, "scan", ".", "--mode", "strict");
            Assert.True(strict.ExitCode == 1, strict.ToString());
            Assert.Contains("error RES2001", strict.Output);
            Assert.Equal(before, PackedTool.Snapshot(project));

            var fixedRun = tool.Resurs(project, "scan", "Consumer.csproj", "--fix");
            Assert.True(fixedRun.ExitCode == 0, fixedRun.ToString());
            Assert.Contains("after fixes", fixedRun.Output);
            Assert.Contains("SslProtocols.Tls12", File.ReadAllText(Path.Combine(project, "Tls.cs")));
            Assert.DoesNotContain("Tls.cs:", fixedRun.Output);
            Assert.Equal(before["Callbacks.cs"], PackedTool.Snapshot(project)["Callbacks.cs"]);
            Assert.False(Directory.Exists(Path.Combine(project, "obj")), "the scan must not write obj/ into the project");
        }

        [Fact]
        public void A_folder_without_a_project_is_scanned_file_by_file_with_its_configuration_files()
        {
            var folder = Consumer(withProject: false);
            var before = PackedTool.Snapshot(folder);
            var sarif = Path.Combine(work, "folder.sarif");

            var run = tool.Resurs(folder, "scan", ".", "-o", sarif, "--mode", "strict");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("folder, file by file", run.Output);
            Assert.Contains("Tls.cs:8:", run.Output);
            Assert.Contains("error RES2001", run.Output);
            Assert.Contains("appsettings.json:", run.Output);
            Assert.DoesNotContain("RES1001", run.Output); // Callbacks.cs's ngrok URL, silenced by the .editorconfig
            Assert.Equal(before, PackedTool.Snapshot(folder));
            using var log = JsonDocument.Parse(File.ReadAllText(sarif));
            Assert.NotEmpty(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());

            Assert.Equal(2, tool.Resurs(folder, "scan", ".", "--fix").ExitCode);
        }

        [Fact]
        public void Bad_targets_exit_2()
        {
            Assert.Equal(2, tool.Resurs(work, "scan", Path.Combine(work, "missing")).ExitCode);
            Assert.Equal(2, tool.Resurs(work, "scan", ".", "--mode", "lenient").ExitCode);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>A small merchant library in several files: callbacks, TLS, certificates and configuration.</summary>
        private string Consumer(bool withProject)
        {
            var directory = Path.Combine(work, withProject ? "consumer" : "loose");
            Directory.CreateDirectory(directory);
            var files = new Dictionary<string, string>
            {
                ["Callbacks.cs"] = @"namespace Shop;

public static class Callbacks
{
    public static string CallbackUrl = ""https://shop-demo.ngrok-free.app/resurs/callback"";

    public static string NotificationUrl(string id) => ""http://shop.example.se/resurs/notify?id="" + id;
}
",
                ["Tls.cs"] = @"using System.Net.Security;
using System.Security.Authentication;

namespace Shop;

public static class Tls
{
    public static readonly SslClientAuthenticationOptions Options = new() { EnabledSslProtocols = SslProtocols.Tls11 };
}
",
                ["Certificates.cs"] = @"using System.Net.Http;

namespace Shop;

public static class Certificates
{
    public static HttpClient Create() => new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
}
",
                // Honoured by the build and by the folder scan alike.
                [".editorconfig"] = @"[*.cs]
dotnet_diagnostic.RES1001.severity = none
",
                ["appsettings.json"] = @"{
  ""Resurs"": { ""CallbackUrl"": ""https://10.0.0.5/resurs/callback"" }
}
",
            };
            if (withProject)
            {
                files["Consumer.csproj"] = @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <NoWarn>$(NoWarn);SYSLIB0039</NoWarn>
  </PropertyGroup>
</Project>
";
            }

            foreach (var (name, content) in files)
            {
                File.WriteAllText(Path.Combine(directory, name), content);
            }

            return directory;
        }
    }
}
