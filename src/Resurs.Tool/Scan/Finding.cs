using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Resurs.Tool.Scan
{
    /// <summary>One analyzer result: rule, level ("warning" or "error"), message and where (absolute path, 1-based line and column).</summary>
    internal sealed record Finding(string RuleId, string Level, string Message, string File, int Line, int Column);

    /// <summary>A rule's title and help page, read from the analyzers' own descriptors.</summary>
    internal sealed record RuleInfo(string Id, string Title, string HelpUri);

    /// <summary>Every Resurs rule, from the analyzer assembly the tool ships.</summary>
    internal static class RuleCatalog
    {
        private static readonly Lazy<ImmutableDictionary<string, RuleInfo>> Rules = new Lazy<ImmutableDictionary<string, RuleInfo>>(() =>
            AnalyzerModel.CreateAnalyzers()
                .SelectMany(analyzer => analyzer.SupportedDiagnostics)
                .GroupBy(descriptor => descriptor.Id, StringComparer.Ordinal)
                .ToImmutableDictionary(
                    group => group.Key,
                    group => new RuleInfo(group.Key, group.First().Title.ToString(System.Globalization.CultureInfo.InvariantCulture), group.First().HelpLinkUri),
                    StringComparer.Ordinal));

        public static ImmutableDictionary<string, RuleInfo> All => Rules.Value;

        public static RuleInfo Get(string id) => All.TryGetValue(id, out var rule) ? rule : new RuleInfo(id, id, string.Empty);

        public static bool IsResurs(string id) => All.ContainsKey(id);

        /// <summary>A Roslyn diagnostic in a real file as a finding, at <paramref name="severity"/> (every one an error when strict).</summary>
        public static Finding? ToFinding(Diagnostic diagnostic, DiagnosticSeverity severity, bool strict)
        {
            var span = diagnostic.Location.GetLineSpan();
            if (!span.IsValid || string.IsNullOrEmpty(span.Path) || diagnostic.IsSuppressed || severity < DiagnosticSeverity.Info)
            {
                return null;
            }

            var level = strict ? "error" : severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "note",
            };
            return new Finding(
                diagnostic.Id,
                level,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                span.Path,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1);
        }

        /// <summary>Sorted by file and position, each finding once (a multi-targeted project reports it per framework).</summary>
        public static ImmutableArray<Finding> Normalize(IEnumerable<Finding> findings) =>
            findings.Distinct()
                .OrderBy(finding => finding.File, StringComparer.Ordinal)
                .ThenBy(finding => finding.Line)
                .ThenBy(finding => finding.Column)
                .ThenBy(finding => finding.RuleId, StringComparer.Ordinal)
                .ToImmutableArray();
    }
}
