using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Benchmarks.Corpus;
using Resurs.Analyzers.Benchmarks.Precision;

namespace Resurs.Analyzers.Benchmarks
{
    /// <summary>
    /// Measures every Resurs analyzer against the compiler's own binding time on a generated 200k-line web shop (or on
    /// <c>--root DIR</c>) and checks the budget: all rules together at most 0.35% of binding, none above 0.1%.
    /// Exit code 0 unless <c>--enforce</c> is given and the budget is missed (1); 2 for bad arguments.
    /// </summary>
    internal static class Program
    {
        /// <summary>For --root: the global usings the Web SDK's ImplicitUsings would have generated into obj/.</summary>
        private const string ImplicitUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Net.Http.Json;
            global using System.Threading;
            global using System.Threading.Tasks;
            global using Microsoft.AspNetCore.Builder;
            global using Microsoft.AspNetCore.Hosting;
            global using Microsoft.AspNetCore.Http;
            global using Microsoft.AspNetCore.Routing;
            global using Microsoft.Extensions.Configuration;
            global using Microsoft.Extensions.DependencyInjection;
            global using Microsoft.Extensions.Hosting;
            global using Microsoft.Extensions.Logging;
            """;

        public static async Task<int> Main(string[] args)
        {
            BenchmarkOptions options;
            try
            {
                options = BenchmarkOptions.Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(BenchmarkOptions.Usage);
                return 2;
            }

            if (options.Help)
            {
                Console.WriteLine(BenchmarkOptions.Usage);
                return 0;
            }

            var packs = ReferencePacks.Find();
            var references = ReferencePacks.References(packs);
            if (options.Findings is not null)
            {
                return await PrecisionRun.RunAsync(options, references, ImplicitUsings).ConfigureAwait(false);
            }

            var resurs = AnalyzerBenchmark.ResursAnalyzers();
            var extras = (options.Families ? AnalyzerBenchmark.ResursAnalyzers(families: true) : ImmutableArray<DiagnosticAnalyzer>.Empty)
                .AddRange(options.Probes ? ProbeAnalyzer.All() : ImmutableArray<DiagnosticAnalyzer>.Empty);
            var reference = ReferenceAnalyzer.Load();
            var floor = new FloorAnalyzer();
            var corpora = options.Roots.Count == 0
                ? new List<(string Name, IReadOnlyList<SourceFile> Files)> { ("generated", new CorpusGenerator(options.Seed).Generate(options.Lines)) }
                : options.Roots.Select(root => (Name: root, Files: (IReadOnlyList<SourceFile>)SourceFile.ReadFolder(root).Append(new SourceFile("ImplicitUsings.g.cs", ImplicitUsings)).ToList())).ToList();
            if (options.Dump is not null && options.Roots.Count == 0)
            {
                SourceFile.WriteFolder(options.Dump, corpora[0].Files);
            }

            Console.WriteLine("Resurs.Analyzers benchmark (sequential analysis; ratios to the compiler's binding time)");
            Console.WriteLine(Report.Format("References", string.Join(", ", packs.Select(p => Invariant($"{p.Name} {p.Version} ({p.TargetFramework}, {p.Assemblies.Length} assemblies)")))));
            Console.WriteLine(Report.Format("Host", Invariant($"Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}, .NET {Environment.Version}, {Environment.ProcessorCount} cores")));
            Console.WriteLine(Report.Format("Reference analyzer", Invariant($"{reference.GetType().FullName} ({ReferenceAnalyzer.RuleId}, {reference.GetType().Assembly.GetName().Name} {reference.GetType().Assembly.GetName().Version})")));

            var measured = new List<Measured>();
            var exceptions = false;
            var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
            foreach (var (name, files) in corpora)
            {
                var trees = files
                    .Select(file => CSharpSyntaxTree.ParseText(SourceText.From(file.Text, Encoding.UTF8), parseOptions, file.Path))
                    .ToImmutableArray();
                var benchmark = new AnalyzerBenchmark(trees, references, resurs, reference, floor, extras) { NoWall = options.NoWall };
                Console.WriteLine();
                Console.WriteLine(Report.Format("Corpus", options.Roots.Count == 0
                    ? Invariant($"generated, seed {options.Seed}: {files.Count} files, {files.Sum(f => f.Lines):N0} lines")
                    : Invariant($"{name}: {files.Count - 1} files, {files.Sum(f => f.Lines):N0} lines (+ implicit usings)")));
                Console.WriteLine(Report.Format("Warm-up", options.WarmUps == 1 ? "running..." : Invariant($"{options.WarmUps} runs...")));
                var warmUp = await benchmark.RunAsync(CancellationToken.None).ConfigureAwait(false);
                for (var i = 1; i < options.WarmUps; i++)
                {
                    await benchmark.RunAsync(CancellationToken.None).ConfigureAwait(false);
                }

                Console.WriteLine(Report.Format("Compiler errors in corpus", Invariant($"{warmUp.CompilerErrors.Length}{FirstErrors(warmUp)}")));
                Console.WriteLine(Report.Format("Findings", Findings(warmUp)));
                foreach (var exception in warmUp.Exceptions)
                {
                    Console.WriteLine("ANALYZER EXCEPTION: " + exception);
                    exceptions = true;
                }

                var runs = new List<Run>();
                for (var i = 0; i < options.Iterations; i++)
                {
                    var run = await benchmark.RunAsync(CancellationToken.None).ConfigureAwait(false);
                    runs.Add(run);
                    Console.WriteLine(Report.Format(
                        Invariant($"Run {i + 1}/{options.Iterations}"),
                        Invariant($"binding {Report.Ms(run.Binding.TotalMilliseconds)}, Resurs {run.AnalyzerTimes.Take(resurs.Length).Sum(t => t.TotalMilliseconds):0.0} ms, {ReferenceAnalyzer.RuleId} {run.AnalyzerTimes[resurs.Length].TotalMilliseconds:0.0} ms, floor {run.AnalyzerTimes[resurs.Length + 1].TotalMilliseconds:0.0} ms; passes: floor {Report.Ms(run.FloorPass.TotalMilliseconds)}, Resurs+floor {Report.Ms(run.ResursPass.TotalMilliseconds)}; {run.Collections} GCs, {run.GcPause.TotalMilliseconds:0} ms paused")));
                }

                measured.Add(new Measured(name, runs));
                if (corpora.Count > 1)
                {
                    Report.Print(Console.Out, benchmark, measured.GetRange(measured.Count - 1, 1));
                }

                if (measured.Count == corpora.Count)
                {
                    Console.WriteLine();
                    Console.WriteLine("## Verdict");
                    var pass = Report.Print(Console.Out, benchmark, measured);
                    return options.Enforce && (!pass || exceptions) ? 1 : 0;
                }
            }

            return 0;
        }

        private static string Findings(Run run) => run.Findings.IsEmpty
            ? "none"
            : string.Join(", ", run.Findings.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Invariant($"{g.Key} ×{g.Count()}")));

        private static string FirstErrors(Run run) => run.CompilerErrors.IsEmpty
            ? string.Empty
            : " (first: " + string.Join("; ", run.CompilerErrors.Take(3).Select(d => d.ToString())) + ")";

        private static string Invariant(FormattableString text) => Report.Invariant(text);
    }
}
