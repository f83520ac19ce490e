using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Resurs.Analyzers.Benchmarks.Precision
{
    /// <summary>One hand label: a finding's key, "real" or "false", and a one-line reason.</summary>
    internal sealed record Label(string Key, bool Real, string Reason);

    /// <summary>
    /// The labels file (docs/precision/labels.tsv): tab-separated <c>key, verdict, reason</c>, one finding a line; blank
    /// lines and lines starting with '#' are ignored. <see cref="Check"/> compares it with a run's findings both ways and
    /// <see cref="Table"/> gives precision per rule and code kind.
    /// </summary>
    internal static class Labels
    {
        public static ImmutableDictionary<string, Label> Read(string path)
        {
            var labels = new Dictionary<string, Label>(StringComparer.Ordinal);
            var number = 0;
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                number++;
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal) || line.StartsWith("key\t", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = line.Split('\t');
                if (fields.Length < 3 || (fields[1] != "real" && fields[1] != "false") || fields[2].Trim().Length == 0)
                {
                    throw new FormatException(FormattableString.Invariant($"{path}:{number}: expected 'key<TAB>real|false<TAB>reason'"));
                }

                if (labels.ContainsKey(fields[0]))
                {
                    throw new FormatException(FormattableString.Invariant($"{path}:{number}: the key is labelled twice: {fields[0]}"));
                }

                labels.Add(fields[0], new Label(fields[0], fields[1] == "real", fields[2].Trim()));
            }

            return labels.ToImmutableDictionary(StringComparer.Ordinal);
        }

        /// <summary>Findings without a label, and labels without a finding (stale): the report is current when both are empty.</summary>
        public static (ImmutableArray<Finding> Unlabelled, ImmutableArray<Label> Stale) Check(ImmutableArray<Finding> findings, ImmutableDictionary<string, Label> labels)
        {
            var keys = findings.Select(f => f.Key).ToImmutableHashSet(StringComparer.Ordinal);
            return (
                findings.Where(f => !labels.ContainsKey(f.Key)).ToImmutableArray(),
                labels.Values.Where(l => !keys.Contains(l.Key)).OrderBy(l => l.Key, StringComparer.Ordinal).ToImmutableArray());
        }

        /// <summary>A markdown table: per rule, real/findings and precision in application, sample and test code, then the totals.</summary>
        public static string Table(ImmutableArray<Finding> findings, ImmutableDictionary<string, Label> labels)
        {
            var labelled = findings.Where(f => labels.ContainsKey(f.Key)).ToList();
            var builder = new StringBuilder();
            builder.AppendLine("| Rule | App code: real / findings | App precision | Samples: real / findings | Sample precision | Test code: real / findings | Test precision |");
            builder.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var rule in labelled.Select(f => f.Rule).Distinct().OrderBy(r => r, StringComparer.Ordinal))
            {
                builder.AppendLine(Row(rule, labelled.Where(f => f.Rule == rule).ToList(), labels));
            }

            builder.AppendLine(Row("**All**", labelled, labels));
            return builder.ToString();
        }

        private static string Row(string name, List<Finding> findings, ImmutableDictionary<string, Label> labels)
        {
            var cells = new List<string> { name };
            foreach (var kind in new[] { CodeKind.App, CodeKind.Sample, CodeKind.Test })
            {
                var ofKind = findings.Where(f => f.Kind == kind).ToList();
                var real = ofKind.Count(f => labels[f.Key].Real);
                cells.Add(FormattableString.Invariant($"{real} / {ofKind.Count}"));
                cells.Add(ofKind.Count == 0 ? "–" : FormattableString.Invariant($"{100.0 * real / ofKind.Count:0}%"));
            }

            return "| " + string.Join(" | ", cells) + " |";
        }
    }
}
