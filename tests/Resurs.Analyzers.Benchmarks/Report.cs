using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resurs.Analyzers.Benchmarks
{
    /// <summary>The measured runs of one corpus (a real repository or the generated shop).</summary>
    internal sealed record Measured(string Corpus, IReadOnlyList<Run> Runs);

    /// <summary>Medians of the measured runs, as tables of ratios per corpus and over all corpora, and the verdict.</summary>
    internal static class Report
    {
        /// <summary>All Resurs analyzers together, in percent of binding time.</summary>
        public const double TotalBudgetPercent = 0.35;

        /// <summary>Any single analyzer, in percent of binding time.</summary>
        public const double SingleBudgetPercent = 0.10;

        /// <summary>
        /// Prints a table per corpus and one over all of them (medians per corpus, summed); true when the budget is met
        /// over all corpora: the Resurs analyzers together cost no more than the reference analyzer and at most
        /// <see cref="TotalBudgetPercent"/> of binding, none more than <see cref="SingleBudgetPercent"/>.
        /// </summary>
        public static bool Print(TextWriter output, AnalyzerBenchmark benchmark, IReadOnlyList<Measured> corpora)
        {
            var summaries = corpora.Select(c => Summarise(benchmark, c)).ToList();
            var all = summaries.Count == 1 ? summaries[0] : new Summary(
                "All corpora (medians per corpus, summed)",
                summaries.Sum(s => s.Binding),
                Enumerable.Range(0, benchmark.Analyzers.Length).Select(i => summaries.Sum(s => s.Times[i])).ToArray(),
                summaries.Sum(s => s.Total),
                summaries.Sum(s => s.WallDifference),
                summaries.Sum(s => s.FloorPass));
            PrintTable(output, benchmark, all);

            var resursCount = benchmark.Resurs.Length;
            var worst = Enumerable.Range(0, resursCount).OrderByDescending(i => all.Times[i]).First();
            var totalPercent = Percent(all.Total, all.Binding);
            var worstPercent = Percent(all.Times[worst], all.Binding);
            var reference = all.Times[resursCount];
            var pass = totalPercent <= TotalBudgetPercent && worstPercent <= SingleBudgetPercent && all.Total <= reference;
            output.WriteLine();
            output.WriteLine(Invariant($"Budget: all Resurs analyzers <= {ReferenceAnalyzer.RuleId} ({all.Total:0.0} ms against {reference:0.0} ms) and <= {TotalBudgetPercent:0.00}% of binding (now {totalPercent:0.000}%), each <= {SingleBudgetPercent:0.00}% (highest {worstPercent:0.000}%, {Name(benchmark.Analyzers[worst])}): {(pass ? "PASS" : "FAIL")}"));
            return pass;
        }

        public static string Format(string label, string value) => label.PadRight(34) + value;

        public static string Ms(double milliseconds) => Invariant($"{milliseconds:N0} ms");

        public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private static Summary Summarise(AnalyzerBenchmark benchmark, Measured measured)
        {
            var runs = measured.Runs;
            return new Summary(
                measured.Corpus,
                Median(runs.Select(run => run.Binding.TotalMilliseconds)),
                benchmark.Analyzers.Select((_, i) => Median(runs.Select(run => run.AnalyzerTimes[i].TotalMilliseconds))).ToArray(),
                Median(runs.Select(run => run.AnalyzerTimes.Take(benchmark.Resurs.Length).Sum(time => time.TotalMilliseconds))),
                Median(runs.Select(run => (run.ResursPass - run.FloorPass).TotalMilliseconds)),
                Median(runs.Select(run => run.FloorPass.TotalMilliseconds)));
        }

        private static void PrintTable(TextWriter output, AnalyzerBenchmark benchmark, Summary summary)
        {
            var analyzers = benchmark.Analyzers;
            var floorIndex = benchmark.Resurs.Length + 1;
            var floor = summary.Times[floorIndex];
            output.WriteLine();
            output.WriteLine("### " + summary.Corpus);
            output.WriteLine();
            output.WriteLine(Format("Binding (GetDiagnostics), median", Ms(summary.Binding)));
            output.WriteLine();
            output.WriteLine("| Analyzer | Rules | Time (ms) | % of binding | × floor |");
            output.WriteLine("|----------|-------|----------:|-------------:|--------:|");
            for (var i = 0; i < benchmark.Resurs.Length; i++)
            {
                output.WriteLine(Row(Name(analyzers[i]), Rules(analyzers[i]), summary.Times[i], summary.Binding, floor));
            }

            output.WriteLine(Row("**All Resurs analyzers**", string.Empty, summary.Total, summary.Binding, floor));
            output.WriteLine(Row("NetAnalyzers (reference)", ReferenceAnalyzer.RuleId, summary.Times[floorIndex - 1], summary.Binding, floor));
            output.WriteLine(Row(FloorAnalyzer.Name, string.Empty, floor, summary.Binding, floor));
            for (var i = floorIndex + 1; i < analyzers.Length; i++)
            {
                var name = analyzers[i] is ProbeAnalyzer probe ? "Probe: " + probe.Name : "Family alone: " + Name(analyzers[i]);
                output.WriteLine(Row(name, analyzers[i] is ProbeAnalyzer ? string.Empty : Rules(analyzers[i]), summary.Times[i], summary.Binding, floor));
            }
            output.WriteLine();
            output.WriteLine(Invariant($"Wall clock: an analysis pass with every Resurs analyzer beside the floor took {summary.WallDifference:+0;-0;0} ms against the floor alone ({summary.FloorPass:N0} ms), {Percent(summary.WallDifference, summary.Binding):+0.00;-0.00;0.00}% of binding."));
        }

        private static string Name(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name;

        private static string Row(string name, string rules, double time, double binding, double floor) =>
            Invariant($"| {name} | {rules} | {time:0.0} | {Percent(time, binding):0.000}% | {(floor > 0 ? time / floor : 0):0.0}× |");

        private static string Rules(DiagnosticAnalyzer analyzer)
        {
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
            return ids.Count > 3 ? ids[0] + "…" + ids[ids.Count - 1] + " (" + ids.Count + ")" : string.Join(", ", ids);
        }

        private static double Percent(double part, double whole) => whole > 0 ? 100 * part / whole : 0;

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(value => value).ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        private sealed record Summary(string Corpus, double Binding, double[] Times, double Total, double WallDifference, double FloorPass);
    }
}
