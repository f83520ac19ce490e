using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resurs.Analyzers.Benchmarks
{
    /// <summary>Medians of the measured runs, as a table of ratios, and the verdict against the budget.</summary>
    internal static class Report
    {
        /// <summary>All Resurs analyzers together, in percent of binding time.</summary>
        public const double TotalBudgetPercent = 0.35;

        /// <summary>Any single analyzer, in percent of binding time.</summary>
        public const double SingleBudgetPercent = 0.10;

        /// <summary>Prints the table; true when the budget is met. The floor is the last analyzer.</summary>
        public static bool Print(TextWriter output, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyList<Run> runs)
        {
            var binding = Median(runs.Select(run => run.Binding.TotalMilliseconds));
            var times = analyzers.Select((_, i) => Median(runs.Select(run => run.AnalyzerTimes[i].TotalMilliseconds))).ToArray();
            var floor = times[times.Length - 1];
            var total = Median(runs.Select(run => run.AnalyzerTimes.Take(analyzers.Length - 1).Sum(time => time.TotalMilliseconds)));

            output.WriteLine();
            output.WriteLine(Format("Binding (GetDiagnostics), median", Ms(binding)));
            output.WriteLine();
            output.WriteLine("| Analyzer | Rules | Time (ms) | % of binding | × floor |");
            output.WriteLine("|----------|-------|----------:|-------------:|--------:|");
            var worst = (Name: string.Empty, Percent: 0.0);
            for (var i = 0; i < analyzers.Length - 1; i++)
            {
                var name = analyzers[i].GetType().Name;
                var percent = Percent(times[i], binding);
                worst = percent > worst.Percent ? (name, percent) : worst;
                output.WriteLine(Row(name, Rules(analyzers[i]), times[i], binding, floor));
            }

            output.WriteLine(Row("**All Resurs analyzers**", string.Empty, total, binding, floor));
            output.WriteLine(Row(FloorAnalyzer.Name, string.Empty, floor, binding, floor));

            var totalPercent = Percent(total, binding);
            var pass = totalPercent <= TotalBudgetPercent && worst.Percent <= SingleBudgetPercent;
            output.WriteLine();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Budget: all Resurs analyzers <= {TotalBudgetPercent:0.00}% of binding (now {totalPercent:0.000}%), each <= {SingleBudgetPercent:0.00}% (highest {worst.Percent:0.000}%, {worst.Name}): {(pass ? "PASS" : "FAIL")}"));
            return pass;
        }

        public static string Format(string label, string value) => label.PadRight(34) + value;

        public static string Ms(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:N0} ms");

        private static string Row(string name, string rules, double time, double binding, double floor) =>
            string.Create(CultureInfo.InvariantCulture, $"| {name} | {rules} | {time:0.0} | {Percent(time, binding):0.000}% | {(floor > 0 ? time / floor : 0):0.0}× |");

        private static string Rules(DiagnosticAnalyzer analyzer) => string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct());

        private static double Percent(double part, double whole) => whole > 0 ? 100 * part / whole : 0;

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(value => value).ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
