using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Resurs.Tool.Scan
{
    /// <summary>What a build-based scan produced.</summary>
    internal sealed record BuildScanResult(bool Built, IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> OtherErrors, string Output);

    /// <summary>
    /// Scans a solution or project by building it with the analyzers injected (<c>Scan/Resurs.Scan.targets</c>) into a
    /// temporary artifacts folder, so neither the user's files nor their bin/obj change; fixes go through
    /// <c>dotnet format analyzers</c> with the same injection.
    /// </summary>
    internal sealed class ProjectScanner
    {
        private readonly string toolDirectory;
        private readonly Action<string> progress;

        public ProjectScanner(string toolDirectory, Action<string> progress)
        {
            this.toolDirectory = toolDirectory;
            this.progress = progress;
        }

        private string TargetsFile => Path.Combine(toolDirectory, "Scan", "Resurs.Scan.targets");

        public async Task<BuildScanResult> BuildAsync(string target, CancellationToken cancellationToken)
        {
            using var work = new TemporaryDirectory();
            var sarif = Path.Combine(work.Path, "sarif") + Path.DirectorySeparatorChar;
            Directory.CreateDirectory(sarif);
            progress("Building " + target + " with the Resurs analyzers injected ...");
            var result = await DotNetProcess.RunAsync(
                Path.GetDirectoryName(target)!,
                new[]
                {
                    "build", target, "--artifacts-path", Path.Combine(work.Path, "artifacts"), "-nologo", "-v:q", "-clp:NoSummary",
                    "-p:CustomAfterMicrosoftCommonTargets=" + TargetsFile,
                    "-p:ResursScanSarifDirectory=" + sarif,
                    "-p:ResursAnalysisMode=default",
                    "-p:ResursScanRuleIds=" + string.Join("%2C", RuleCatalog.All.Keys.OrderBy(id => id, StringComparer.Ordinal)),
                },
                new Dictionary<string, string?>(),
                cancellationToken).ConfigureAwait(false);
            var all = Sarif.ReadAll(sarif);
            var findings = all.Where(finding => RuleCatalog.IsResurs(finding.RuleId)).ToList();
            var otherErrors = all.Where(finding => finding.Level == "error" && !RuleCatalog.IsResurs(finding.RuleId)).ToList();
            var built = result.ExitCode == 0 || (otherErrors.Count == 0 && findings.Any(finding => finding.Level == "error"));
            return new BuildScanResult(built, findings, otherErrors, result.Output);
        }

        /// <summary>Applies the Resurs code fixes with <c>dotnet format analyzers</c>; returns its result.</summary>
        public async Task<ProcessResult> FixAsync(string target, CancellationToken cancellationToken)
        {
            using var work = new TemporaryDirectory();
            progress("Applying fixes with dotnet format analyzers ...");
            var arguments = new List<string> { "format", "analyzers", target, "--severity", "info", "--diagnostics" };
            arguments.AddRange(RuleCatalog.All.Keys.OrderBy(id => id, StringComparer.Ordinal));

            // dotnet format takes no MSBuild properties on its command line; environment variables are properties too.
            var environment = new Dictionary<string, string?>
            {
                ["CustomAfterMicrosoftCommonTargets"] = TargetsFile,
                ["ResursAnalysisMode"] = "default",
                ["UseArtifactsOutput"] = "true",
                ["ArtifactsPath"] = Path.Combine(work.Path, "artifacts"),
            };
            return await DotNetProcess.RunAsync(Path.GetDirectoryName(target)!, arguments, environment, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A uniquely named folder under the temp path, deleted on dispose.</summary>
    internal sealed class TemporaryDirectory : IDisposable
    {
        public TemporaryDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "resurs-scan-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
