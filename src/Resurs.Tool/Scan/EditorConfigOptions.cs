using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resurs.Tool.Scan
{
    /// <summary>
    /// The .editorconfig files that apply to a folder scan (those inside the folder, and those above it up to the one marked
    /// <c>root = true</c>), read with Roslyn's own parser: <c>resurs_analyzers.*</c> options reach the analyzers, and
    /// <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> changes or silences a finding, as a build would.
    /// </summary>
    internal sealed class EditorConfigOptions : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigSet set;

        private EditorConfigOptions(AnalyzerConfigSet set) => this.set = set;

        public override AnalyzerConfigOptions GlobalOptions => new Options(set.GlobalConfigOptions.AnalyzerOptions);

        public static EditorConfigOptions Load(string folder)
        {
            var configs = new List<AnalyzerConfig>();
            foreach (var path in FolderScanner.Files(folder, name => name == ".editorconfig"))
            {
                configs.Add(AnalyzerConfig.Parse(File.ReadAllText(path), path));
            }

            for (var parent = Directory.GetParent(folder); parent is not null; parent = parent.Parent)
            {
                var path = Path.Combine(parent.FullName, ".editorconfig");
                if (File.Exists(path))
                {
                    var text = File.ReadAllText(path);
                    configs.Add(AnalyzerConfig.Parse(text, path));
                    if (IsRoot(text))
                    {
                        break;
                    }
                }
            }

            return new EditorConfigOptions(AnalyzerConfigSet.Create(configs));
        }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);

        /// <summary>The severity the .editorconfig gives the diagnostic's rule for its file; false when it silences it.</summary>
        public bool TryGetSeverity(Diagnostic diagnostic, out DiagnosticSeverity severity)
        {
            severity = diagnostic.Severity;
            var path = diagnostic.Location.GetLineSpan().Path;
            if (string.IsNullOrEmpty(path) || !set.GetOptionsForSourcePath(path).TreeOptions.TryGetValue(diagnostic.Id, out var report))
            {
                return true;
            }

            switch (report)
            {
                case ReportDiagnostic.Suppress:
                case ReportDiagnostic.Hidden:
                    return false;
                case ReportDiagnostic.Error:
                    severity = DiagnosticSeverity.Error;
                    return true;
                case ReportDiagnostic.Warn:
                    severity = DiagnosticSeverity.Warning;
                    return true;
                case ReportDiagnostic.Info:
                    severity = DiagnosticSeverity.Info;
                    return true;
                default:
                    return true;
            }
        }

        /// <summary><c>root = true</c> in the preamble, before the first section.</summary>
        private static bool IsRoot(string text)
        {
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith('['))
                {
                    return false;
                }

                var equals = line.IndexOf('=');
                if (equals > 0 && line.Substring(0, equals).Trim().Equals("root", StringComparison.OrdinalIgnoreCase))
                {
                    return line.Substring(equals + 1).Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> values;

            public Options(ImmutableDictionary<string, string> values) => this.values = values;

            public override bool TryGetValue(string key, out string value)
            {
                if (values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }
    }
}
