using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Resurs.Tool.Scan
{
    /// <summary>What <c>resurs scan</c> was asked to do.</summary>
    internal sealed record ScanRequest(string Target, string? SarifPath, bool Fix, bool Strict, bool Verbose);

    /// <summary>
    /// <c>resurs scan</c>: picks a build-based scan for a solution or project (or a folder holding exactly one) and the
    /// file-by-file scan for a folder without one, then prints a summary per rule and every finding. Exit codes: 0 done,
    /// 1 findings in strict mode, 2 bad usage or a build that failed for other reasons.
    /// </summary>
    internal sealed class ScanCommand
    {
        private readonly string toolDirectory;
        private readonly TextWriter output;
        private readonly TextWriter error;

        public ScanCommand(string toolDirectory, TextWriter output, TextWriter error)
        {
            this.toolDirectory = toolDirectory;
            this.output = output;
            this.error = error;
        }

        public async Task<int> RunAsync(ScanRequest request, CancellationToken cancellationToken)
        {
            var target = Path.GetFullPath(request.Target);
            string root;
            string? buildTarget;
            if (File.Exists(target))
            {
                var extension = Path.GetExtension(target).ToLowerInvariant();
                if (extension is not (".sln" or ".slnx" or ".csproj" or ".slnf"))
                {
                    return Usage("'" + request.Target + "' is not a solution (.sln, .slnx, .slnf) or C# project (.csproj).");
                }

                buildTarget = target;
                root = Path.GetDirectoryName(target)!;
            }
            else if (Directory.Exists(target))
            {
                var candidates = Directory.GetFiles(target, "*.sln").Concat(Directory.GetFiles(target, "*.slnx")).ToList();
                if (candidates.Count == 0)
                {
                    candidates = Directory.GetFiles(target, "*.csproj").ToList();
                }

                if (candidates.Count > 1)
                {
                    return Usage("'" + request.Target + "' holds more than one solution or project; name the one to scan: " + string.Join(", ", candidates.Select(Path.GetFileName)));
                }

                buildTarget = candidates.Count == 1 ? candidates[0] : null;
                root = target;
            }
            else
            {
                return Usage("'" + request.Target + "' does not exist.");
            }

            ImmutableArray<Finding> findings;
            string how;
            if (buildTarget is null)
            {
                if (request.Fix)
                {
                    return Usage("--fix needs a solution or project (dotnet format works on projects); '" + request.Target + "' is a folder without one.");
                }

                findings = await new FolderScanner(error.WriteLine).ScanAsync(target, request.Strict, cancellationToken).ConfigureAwait(false);
                how = "folder, file by file against the SDK reference packs; values declared in another file are not followed, scan the project for those";
            }
            else
            {
                var scanner = new ProjectScanner(toolDirectory, error.WriteLine);
                if (request.Fix)
                {
                    var fixResult = await scanner.FixAsync(buildTarget, cancellationToken).ConfigureAwait(false);
                    if (request.Verbose || fixResult.ExitCode != 0)
                    {
                        error.WriteLine(fixResult.Output.TrimEnd());
                    }

                    if (fixResult.ExitCode != 0)
                    {
                        error.WriteLine("dotnet format analyzers failed (exit code " + fixResult.ExitCode + ").");
                        return 2;
                    }
                }

                var result = await scanner.BuildAsync(buildTarget, cancellationToken).ConfigureAwait(false);
                if (request.Verbose)
                {
                    error.WriteLine(result.Output.TrimEnd());
                }

                if (!result.Built)
                {
                    error.WriteLine("The build failed for reasons other than the Resurs rules, so the scan is incomplete:");
                    foreach (var other in result.OtherErrors.Take(20))
                    {
                        error.WriteLine("  " + Relative(root, other.File) + "(" + other.Line + "," + other.Column + "): " + other.RuleId + " " + other.Message);
                    }

                    if (result.OtherErrors.Count == 0)
                    {
                        error.WriteLine(Tail(result.Output, 30));
                    }

                    return 2;
                }

                findings = RuleCatalog.Normalize(result.Findings.Select(finding => request.Strict ? finding with { Level = "error" } : finding));
                how = "build of " + Relative(Directory.GetCurrentDirectory(), buildTarget) + (request.Fix ? " after fixes" : string.Empty);
            }

            Print(findings, root, how, request.Strict);
            if (request.SarifPath is not null)
            {
                Sarif.Write(request.SarifPath, root, findings);
                output.WriteLine("SARIF 2.1 written to " + request.SarifPath);
            }

            return request.Strict && findings.Length > 0 ? 1 : 0;
        }

        private void Print(ImmutableArray<Finding> findings, string root, string how, bool strict)
        {
            var files = findings.Select(finding => finding.File).Distinct().Count();
            output.WriteLine("Resurs scan (" + how + ", mode " + (strict ? "strict" : "default") + ", Resurs.Analyzers " + AnalyzerModel.AnalyzersVersion + ")");
            output.WriteLine(findings.Length == 0
                ? "No findings."
                : findings.Length + " finding" + (findings.Length == 1 ? "" : "s") + " in " + files + " file" + (files == 1 ? "" : "s") + ".");
            if (findings.Length == 0)
            {
                return;
            }

            output.WriteLine();
            output.WriteLine("  Rule     Count  Files  Title");
            foreach (var group in findings.GroupBy(finding => finding.RuleId).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                output.WriteLine("  " + group.Key.PadRight(8) + group.Count().ToString().PadLeft(6) + group.Select(finding => finding.File).Distinct().Count().ToString().PadLeft(7) + "  " + RuleCatalog.Get(group.Key).Title);
            }

            output.WriteLine();
            foreach (var finding in findings)
            {
                output.WriteLine(Relative(root, finding.File) + ":" + finding.Line + ":" + finding.Column + ": " + finding.Level + " " + finding.RuleId);
                output.WriteLine("    " + finding.Message);
                output.WriteLine("    " + RuleCatalog.Get(finding.RuleId).HelpUri);
            }

            output.WriteLine();
        }

        private int Usage(string message)
        {
            error.WriteLine("resurs scan: " + message);
            return 2;
        }

        private static string Relative(string root, string path) =>
            path.Length == 0 ? path : Path.GetRelativePath(root, path);

        private static string Tail(string text, int lines)
        {
            var all = text.TrimEnd().Split('\n');
            return string.Join("\n", all.Skip(Math.Max(0, all.Length - lines)));
        }
    }
}
