using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Benchmarks.Precision
{
    /// <summary>
    /// <c>--findings FILE [--labels FILE]</c>: the precision run of docs/precision.md. Exit codes: 0 when every finding
    /// has a label and every label a finding (or no labels were given); 1 when they disagree; 3 when an analyzer threw.
    /// </summary>
    internal static class PrecisionRun
    {
        public static async Task<int> RunAsync(BenchmarkOptions options, ImmutableArray<MetadataReference> references, string implicitUsings)
        {
            var analyzers = AnalyzerBenchmark.ResursAnalyzers();
            Console.Error.WriteLine("Analyzers: " + string.Join(", ", analyzers.Select(a => a.GetType().Name)));
            var findings = ImmutableArray.CreateBuilder<Finding>();
            var exceptions = new List<string>();
            foreach (var root in options.Roots)
            {
                var (found, thrown) = await FindingsRunner.RunAsync(root, implicitUsings, references, analyzers, Console.Error, CancellationToken.None).ConfigureAwait(false);
                findings.AddRange(found);
                exceptions.AddRange(thrown);
            }

            var all = findings.ToImmutable();
            var output = new StringBuilder();
            output.Append(Finding.Header).Append('\n');
            foreach (var finding in all)
            {
                output.Append(finding.ToTsv()).Append('\n');
            }

            File.WriteAllText(options.Findings!, output.ToString(), new UTF8Encoding(false));
            Console.Error.WriteLine($"{all.Length} findings written to {options.Findings}");
            foreach (var exception in exceptions)
            {
                Console.Error.WriteLine("ANALYZER EXCEPTION: " + exception);
            }

            var result = exceptions.Count > 0 ? 3 : 0;
            if (options.Labels is null)
            {
                return result;
            }

            var labels = Labels.Read(options.Labels);
            var (unlabelled, stale) = Labels.Check(all, labels);
            Console.WriteLine(Labels.Table(all, labels));
            foreach (var finding in unlabelled)
            {
                Console.WriteLine("UNLABELLED FINDING: " + finding.Key + "\t(" + finding.Repo + "/" + finding.Path + ":" + finding.Line + ", " + finding.Message + ")");
            }

            foreach (var label in stale)
            {
                Console.WriteLine("LABEL WITHOUT FINDING: " + label.Key + "\t(" + (label.Real ? "real" : "false") + ": " + label.Reason + ")");
            }

            if (unlabelled.Length > 0 || stale.Length > 0)
            {
                Console.WriteLine($"Precision labels are stale: {unlabelled.Length} finding(s) without a label, {stale.Length} label(s) without a finding. Label the new findings in {options.Labels} (and remove labels of findings that are gone), then update docs/precision.md.");
                return Math.Max(result, 1);
            }

            Console.WriteLine($"Labels current: {all.Length} findings, {labels.Count} labels.");
            return result;
        }
    }
}
