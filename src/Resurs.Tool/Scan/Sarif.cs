using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Resurs.Tool.Scan
{
    /// <summary>Reads the compiler's SARIF 2.1 error logs and writes the scan's own SARIF 2.1 file.</summary>
    internal static class Sarif
    {
        /// <summary>Every unsuppressed result of every log in <paramref name="directory"/>, Resurs rules or not.</summary>
        public static List<Finding> ReadAll(string directory)
        {
            var findings = new List<Finding>();
            if (!Directory.Exists(directory))
            {
                return findings;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.sarif"))
            {
                JsonNode? root;
                try
                {
                    root = JsonNode.Parse(File.ReadAllText(file));
                }
                catch (JsonException)
                {
                    continue;
                }

                foreach (var run in root?["runs"]?.AsArray() ?? new JsonArray())
                {
                    foreach (var result in run?["results"]?.AsArray() ?? new JsonArray())
                    {
                        if (result is null || result["suppressions"] is JsonArray { Count: > 0 })
                        {
                            continue;
                        }

                        var location = result["locations"]?[0]?["physicalLocation"];
                        var uri = location?["artifactLocation"]?["uri"]?.GetValue<string>();
                        var path = uri is null ? string.Empty : Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : uri;
                        findings.Add(new Finding(
                            result["ruleId"]?.GetValue<string>() ?? string.Empty,
                            result["level"]?.GetValue<string>() ?? "warning",
                            result["message"]?["text"]?.GetValue<string>() ?? string.Empty,
                            path,
                            location?["region"]?["startLine"]?.GetValue<int>() ?? 0,
                            location?["region"]?["startColumn"]?.GetValue<int>() ?? 0));
                    }
                }
            }

            return findings;
        }

        /// <summary>A SARIF 2.1.0 log with one run: the rules that fired and every finding, paths relative to <paramref name="root"/>.</summary>
        public static void Write(string path, string root, IReadOnlyList<Finding> findings)
        {
            var rootUri = new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar).AbsoluteUri;
            var rules = new JsonArray();
            foreach (var id in findings.Select(finding => finding.RuleId).Distinct().OrderBy(id => id, StringComparer.Ordinal))
            {
                var rule = RuleCatalog.Get(id);
                rules.Add(new JsonObject
                {
                    ["id"] = id,
                    ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
                    ["helpUri"] = rule.HelpUri,
                });
            }

            var results = new JsonArray();
            foreach (var finding in findings)
            {
                var relative = Path.GetRelativePath(root, finding.File);
                var inside = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
                var artifact = inside
                    ? new JsonObject { ["uri"] = relative.Replace(Path.DirectorySeparatorChar, '/'), ["uriBaseId"] = "SRCROOT" }
                    : new JsonObject { ["uri"] = new Uri(finding.File).AbsoluteUri };
                results.Add(new JsonObject
                {
                    ["ruleId"] = finding.RuleId,
                    ["level"] = finding.Level,
                    ["message"] = new JsonObject { ["text"] = finding.Message },
                    ["locations"] = new JsonArray(new JsonObject
                    {
                        ["physicalLocation"] = new JsonObject
                        {
                            ["artifactLocation"] = artifact,
                            ["region"] = new JsonObject { ["startLine"] = finding.Line, ["startColumn"] = finding.Column },
                        },
                    }),
                });
            }

            var log = new JsonObject
            {
                ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
                ["version"] = "2.1.0",
                ["runs"] = new JsonArray(new JsonObject
                {
                    ["tool"] = new JsonObject
                    {
                        ["driver"] = new JsonObject
                        {
                            ["name"] = "Resurs.Analyzers",
                            ["version"] = AnalyzerModel.AnalyzersVersion,
                            ["informationUri"] = "https://github.com/resurs-analyzers/Resurs.Analyzers",
                            ["rules"] = rules,
                        },
                    },
                    ["originalUriBaseIds"] = new JsonObject { ["SRCROOT"] = new JsonObject { ["uri"] = rootUri } },
                    ["results"] = results,
                }),
            };
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
        }
    }
}
