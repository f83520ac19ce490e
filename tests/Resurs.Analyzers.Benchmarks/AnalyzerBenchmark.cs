using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resurs.Analyzers.Benchmarks
{
    /// <summary>
    /// What one measured run produced: binding time, each analyzer's execution time, the wall clock of an analysis pass
    /// with the floor alone and with every Resurs analyzer beside the floor, and what was found.
    /// </summary>
    internal sealed record Run(
        TimeSpan Binding,
        ImmutableArray<TimeSpan> AnalyzerTimes,
        TimeSpan FloorPass,
        TimeSpan ResursPass,
        ImmutableArray<Diagnostic> CompilerErrors,
        ImmutableArray<Diagnostic> Findings,
        ImmutableArray<string> Exceptions,
        int Collections,
        TimeSpan GcPause);

    /// <summary>
    /// Times the compiler's binding (<c>GetDiagnostics</c> on a fresh compilation), then runs every analyzer on that
    /// compilation through <see cref="CompilationWithAnalyzers"/> with per-analyzer execution times. Both sides are
    /// single-threaded (concurrentBuild and concurrentAnalysis off), so the ratio does not depend on the core count.
    /// Then it times two whole analysis passes on the same compilation, one with the floor analyzer alone and one with
    /// every Resurs analyzer beside it, in alternating order: their difference is what a user's build feels.
    /// </summary>
    internal sealed class AnalyzerBenchmark
    {
        private readonly ImmutableArray<SyntaxTree> trees;
        private readonly ImmutableArray<MetadataReference> references;
        private int runs;

        public AnalyzerBenchmark(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> resurs, DiagnosticAnalyzer reference, DiagnosticAnalyzer floor, ImmutableArray<DiagnosticAnalyzer> extras)
        {
            this.trees = trees;
            this.references = references;
            Resurs = resurs;
            Reference = reference;
            Floor = floor;
            Extras = extras;
            Analyzers = resurs.Add(reference).Add(floor).AddRange(extras);
        }

        public ImmutableArray<DiagnosticAnalyzer> Resurs { get; }

        public DiagnosticAnalyzer Reference { get; }

        public DiagnosticAnalyzer Floor { get; }

        /// <summary>The rule families' own analyzers (<c>--families</c>) and no-op probes (<c>--probes</c>), measured in the same pass after the floor, outside the verdict.</summary>
        public ImmutableArray<DiagnosticAnalyzer> Extras { get; }

        /// <summary>Every Resurs analyzer, then the reference, then the floor, then the probes.</summary>
        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        /// <summary>
        /// Every analyzer a host loads from the shipped assembly (those with <see cref="DiagnosticAnalyzerAttribute"/>),
        /// in name order; with <paramref name="families"/>, instead each rule family's own analyzer, which runs that
        /// family alone (the shipped <c>ResursAnalyzer</c> runs them all in one pass), to see where the time goes.
        /// </summary>
        public static ImmutableArray<DiagnosticAnalyzer> ResursAnalyzers(bool families = false) =>
            Assembly.Load("Resurs.Analyzers").GetTypes()
                .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.IsPublic
                    && (type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null) != families)
                .OrderBy(type => type.Name, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
                .ToImmutableArray();

        /// <summary>Skip the wall-clock passes (<c>--no-wall</c>): their figures are then zero.</summary>
        public bool NoWall { get; init; }

        public async Task<Run> RunAsync(CancellationToken cancellationToken)
        {
            var compilation = Fresh();
            Settle();
            var stopwatch = Stopwatch.StartNew();
            var compilerDiagnostics = compilation.GetDiagnostics(cancellationToken);
            var binding = stopwatch.Elapsed;

            var exceptions = new ConcurrentQueue<string>();
            var withAnalyzers = compilation.WithAnalyzers(Analyzers, Options(exceptions, logTime: true));
            Settle();
            var collections = GC.CollectionCount(0);
            var pause = GC.GetTotalPauseDuration();
            var findings = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            collections = GC.CollectionCount(0) - collections;
            pause = GC.GetTotalPauseDuration() - pause;
            var times = ImmutableArray.CreateBuilder<TimeSpan>(Analyzers.Length);
            foreach (var analyzer in Analyzers)
            {
                times.Add((await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime);
            }

            // Alternate which pass goes first, so a drift in the machine's speed does not favour one side.
            TimeSpan floorPass = default, resursPass = default;
            if (NoWall)
            {
            }
            else if (runs++ % 2 == 0)
            {
                floorPass = await PassAsync(compilation, ImmutableArray.Create(Floor), exceptions, cancellationToken).ConfigureAwait(false);
                resursPass = await PassAsync(compilation, Resurs.Add(Floor), exceptions, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                resursPass = await PassAsync(compilation, Resurs.Add(Floor), exceptions, cancellationToken).ConfigureAwait(false);
                floorPass = await PassAsync(compilation, ImmutableArray.Create(Floor), exceptions, cancellationToken).ConfigureAwait(false);
            }

            return new Run(
                binding,
                times.MoveToImmutable(),
                floorPass,
                resursPass,
                compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray(),
                findings,
                exceptions.ToImmutableArray(),
                collections,
                pause);
        }

        /// <summary>The wall clock of one whole analysis pass (the host compiles again to raise its events, as a build does).</summary>
        private static async Task<TimeSpan> PassAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ConcurrentQueue<string> exceptions, CancellationToken cancellationToken)
        {
            var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(exceptions, logTime: false));
            Settle();
            var stopwatch = Stopwatch.StartNew();
            await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            return stopwatch.Elapsed;
        }

        private static CompilationWithAnalyzersOptions Options(ConcurrentQueue<string> exceptions, bool logTime) => new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: logTime);

        private CSharpCompilation Fresh() => CSharpCompilation.Create(
            "BenchmarkCorpus",
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false,
                specificDiagnosticOptions: ReferenceAnalyzer.Enable()));

        /// <summary>Starts each measurement from a collected heap, so one run's garbage is not charged to the next.</summary>
        private static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }
}
