using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace Resurs.Analyzers.EndToEnd.Tests
{
    [Collection(PackageCollection.Name)]
    public class PackageEndToEndTests
    {
        /// <summary>Risky merchant code: one instance of every code rule. Line markers locate the expected diagnostics.</summary>
        public const string RiskySource = @"using System;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;

namespace Consumer;

public static class ResursClientFactory
{
    public static HttpClient Create()
    {
        var handler = new HttpClientHandler
        {
            SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12,
            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,
        };
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12;
        AppContext.SetSwitch(""Switch.System.Net.DontEnableSchUseStrongCrypto"", true);
        return new HttpClient(handler);
    }

    // Its own handler: on the one above, which accepts every certificate, revocation no longer matters (one root cause).
    public static HttpClient CreateForReports() => new HttpClient(new HttpClientHandler { CheckCertificateRevocationList = false });
}
";

        private readonly PackedPackage package;

        public PackageEndToEndTests(PackedPackage package) => this.package = package;

        /// <summary>(id, "file(line,col)") for each diagnostic RiskySource must produce.</summary>
        public static IEnumerable<(string Id, string Position)> ExpectedRisky()
        {
            yield return ("RES2001", Position(RiskySource, "SslProtocols.Tls11"));
            yield return ("RES2002", Position(RiskySource, "SecurityProtocolType.Tls |"));
            yield return ("RES2003", Position(RiskySource, "AppContext.SetSwitch"));
            yield return ("RES3001", Position(RiskySource, "(message, certificate, chain, errors)"));
            yield return ("RES3003", Position(RiskySource, "false"));
        }

        [Fact]
        public void Package_has_the_documented_layout()
        {
            Assert.True(File.Exists(package.NupkgPath), package.PackResult.ToString());
            using var zip = ZipFile.OpenRead(package.NupkgPath);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            foreach (var expected in new[]
            {
                "analyzers/dotnet/cs/Resurs.Analyzers.dll", "analyzers/dotnet/cs/Resurs.Analyzers.CodeFixes.dll", "README.md",
                "build/Resurs.Analyzers.props", "buildTransitive/Resurs.Analyzers.props",
                "build/config/default.globalconfig", "build/config/strict.globalconfig", "build/config/none.globalconfig",
                "buildTransitive/config/strict.globalconfig",
            })
            {
                Assert.Contains(expected, entries);
            }

            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            using var nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            var nuspec = XDocument.Load(nuspecStream);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            Assert.Null(metadata.Element(ns + "dependencies"));
        }

        [Fact]
        public void Build_reports_every_rule_at_its_file_and_line()
        {
            var consumer = package.CreateConsumer("Warnings", new Dictionary<string, string> { ["Risky.cs"] = RiskySource });
            var result = consumer.Build();
            Assert.True(result.ExitCode == 0, result.ToString());
            foreach (var (id, position) in ExpectedRisky())
            {
                Assert.Contains($"Risky.cs{position}: warning {id}:", result.Output);
            }

            Assert.DoesNotContain("CS9057", result.Output);
            Assert.DoesNotContain("AD0001", result.Output);
        }

        public const string RiskyAppSettings = @"{
  // Resurs integration settings
  ""Resurs"": {
    ""CallbackUrl"": ""http://10.0.0.5/resurs/callback"",
  },
  ""Kestrel"": { ""EndpointDefaults"": { ""SslProtocols"": [ ""Tls11"", ""Tls12"" ] } }
}
";

        public const string RiskyWebConfig = @"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <appSettings>
    <add key=""ResursBank:CallbackUrl"" value=""http://shop.nordicgear.se/api/resurscallback"" />
  </appSettings>
</configuration>
";

        [Fact]
        public void Config_files_are_analyzed_at_their_path_and_line_and_can_be_turned_off()
        {
            var consumer = package.CreateConsumer("ConfigFiles", new Dictionary<string, string>
            {
                ["Program.cs"] = "public static class Program { }",
                ["appsettings.json"] = RiskyAppSettings,
                ["web.config"] = RiskyWebConfig,
                ["appsettings.Broken.json"] = "{ \"Resurs\": ",
            });
            var result = consumer.Build();
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("appsettings.json" + Position(RiskyAppSettings, "\"http://10.0.0.5") + ": warning RES1002:", result.Output);
            Assert.Contains("appsettings.json" + Position(RiskyAppSettings, "\"Tls11\"") + ": warning RES2001:", result.Output);
            Assert.Contains("web.config" + Position(RiskyWebConfig, "http://shop") + ": warning RES1004:", result.Output);
            Assert.DoesNotContain("AD0001", result.Output);

            var off = consumer.Build("-p:ResursAnalyzeConfigFiles=false");
            Assert.True(off.ExitCode == 0, off.ToString());
            Assert.DoesNotContain("appsettings.json(", off.Output);
            Assert.DoesNotContain("web.config(", off.Output);
        }

        [Fact]
        public void Strict_mode_in_the_project_file_fails_the_build_and_none_silences()
        {
            var consumer = package.CreateConsumer(
                "Strict",
                new Dictionary<string, string> { ["Risky.cs"] = RiskySource },
                extraProperties: "    <ResursAnalysisMode>strict</ResursAnalysisMode>");
            var strict = consumer.Build();
            Assert.NotEqual(0, strict.ExitCode);
            foreach (var (id, position) in ExpectedRisky())
            {
                Assert.Contains($"Risky.cs{position}: error {id}:", strict.Output);
            }

            var none = consumer.Build("-p:ResursAnalysisMode=none");
            Assert.True(none.ExitCode == 0, none.ToString());
            Assert.DoesNotContain("RES20", none.Output);

            // A misspelt mode is RES9001, so NoWarn and -warnaserror can name it, and the default mode applies.
            var misspelt = consumer.Build("-p:ResursAnalysisMode=stict");
            Assert.True(misspelt.ExitCode == 0, misspelt.ToString());
            Assert.Contains("warning RES9001: Resurs.Analyzers: ResursAnalysisMode 'stict' is not known", misspelt.Output);
            Assert.Contains("warning RES2001", misspelt.Output);
        }

        [Fact]
        public void Sarif_2_1_log_holds_the_results()
        {
            var consumer = package.CreateConsumer("Sarif", new Dictionary<string, string> { ["Risky.cs"] = RiskySource });
            var result = consumer.Build("-p:ErrorLog=resurs.sarif%2Cversion=2.1");
            Assert.True(result.ExitCode == 0, result.ToString());
            using var sarif = JsonDocument.Parse(consumer.Read("resurs.sarif"));
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            var run = sarif.RootElement.GetProperty("runs")[0];
            var results = run.GetProperty("results").EnumerateArray().ToList();
            foreach (var (id, position) in ExpectedRisky())
            {
                var line = int.Parse(position.Substring(1, position.IndexOf(',') - 1));
                Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == id
                    && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() == line);
            }

            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.Contains("RES2001", rules);
        }

        [Fact]
        public void Dotnet_format_applies_the_fixes_and_the_rebuild_is_clean()
        {
            var consumer = package.CreateConsumer("Format", new Dictionary<string, string> { ["Risky.cs"] = RiskySource });
            var restore = DotNet.Run(consumer.Directory, "restore", consumer.ProjectFile);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var format = DotNet.Run(consumer.Directory, "format", "analyzers", consumer.ProjectFile, "--diagnostics", "RES2001", "RES2002", "--severity", "warn", "--no-restore");
            Assert.True(format.ExitCode == 0, format.ToString());
            var fixedSource = consumer.Read("Risky.cs");
            Assert.Contains("SslProtocols = SslProtocols.Tls12,", fixedSource);
            Assert.Contains("ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;", fixedSource);

            var rebuild = consumer.Build();
            Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
            Assert.DoesNotContain("warning RES2001", rebuild.Output);
            Assert.DoesNotContain("warning RES2002", rebuild.Output);
            Assert.Contains("warning RES2003", rebuild.Output);
        }

        [Fact]
        public void Roslyn_4_14_toolset_still_loads_and_reports()
        {
            var consumer = package.CreateConsumer(
                "Toolset414",
                new Dictionary<string, string> { ["Risky.cs"] = RiskySource },
                extraProperties: "    <RoslynCompilerType>Custom</RoslynCompilerType>",
                extraItems: "    <PackageReference Include=\"Microsoft.Net.Compilers.Toolset\" Version=\"4.14.0\" PrivateAssets=\"all\" />");
            var result = consumer.Build("-v:n");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("microsoft.net.compilers.toolset/4.14.0", result.Output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("CS9057", result.Output);
            foreach (var (id, position) in ExpectedRisky())
            {
                Assert.Contains($"Risky.cs{position}: warning {id}:", result.Output);
            }
        }

        [Fact]
        public void Roslyn_4_8_host_loads_the_packed_dlls_and_reports()
        {
            var analyzers = package.ExtractAnalyzers();
            var source = Path.Combine(package.Root, "Risky48.cs");
            File.WriteAllText(source, RiskySource);
            var host = Path.Combine(DotNet.RepoRoot, "tests", "Resurs.Analyzers.Roslyn48Host", "bin", DotNet.Configuration, "net10.0", "Resurs.Analyzers.Roslyn48Host.dll");
            Assert.True(File.Exists(host), "host not built: " + host);
            var result = DotNet.Run(package.Root, host, analyzers, source);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("roslyn 4.8.0.0", result.Output);
            Assert.DoesNotContain("load-error", result.Output);
            foreach (var (id, position) in ExpectedRisky())
            {
                Assert.Contains($"Risky48.cs{position}: {id}:", result.Output);
            }
        }

        /// <summary>"(line,col)" of the first occurrence of <paramref name="marker"/>, 1-based, as compilers print it.</summary>
        internal static string Position(string text, string marker)
        {
            var index = text.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(index >= 0, marker);
            var before = text.Substring(0, index);
            var line = before.Count(c => c == '\n') + 1;
            var column = index - (before.LastIndexOf('\n') + 1) + 1;
            return $"({line},{column})";
        }
    }
}
