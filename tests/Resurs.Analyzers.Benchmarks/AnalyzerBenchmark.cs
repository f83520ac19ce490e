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
    /// <summary>What one measured run produced: binding time, each analyzer's execution time, and what was found.</summary>
    internal sealed record Run(TimeSpan Binding, ImmutableArray<TimeSpan> AnalyzerTimes, ImmutableArray<Diagnostic> CompilerErrors, ImmutableArray<Diagnostic> Findings, ImmutableArray<string> Exceptions, int Collections, TimeSpan GcPause);

    /// <summary>
    /// Times the compiler's binding (<c>GetDiagnostics</c> on a fresh compilation), then runs every analyzer on that
    /// compilation through <see cref="CompilationWithAnalyzers"/> with per-analyzer execution times. Both sides are
    /// single-threaded (concurrentBuild and concurrentAnalysis off), so the ratio does not depend on the core count. As in a
    /// build, the analyzers see a compilation whose declarations the compiler has already processed, so that one-time work
    /// is not charged to whichever analyzer happens to ask for a type first.
    /// </summary>
    internal sealed class AnalyzerBenchmark
    {
        private readonly ImmutableArray<SyntaxTree> trees;
        private readonly ImmutableArray<MetadataReference> references;

        public AnalyzerBenchmark(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
        {
            this.trees = trees;
            this.references = references;
            Analyzers = ResursAnalyzers().Add(new FloorAnalyzer());
        }

        /// <summary>Every Resurs analyzer, then the floor (last).</summary>
        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        /// <summary>Every concrete analyzer in the shipped analyzer assembly, found by reflection, in name order.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> ResursAnalyzers() =>
            Assembly.Load("Resurs.Analyzers").GetTypes()
                .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .OrderBy(type => type.Name, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
                .ToImmutableArray();

        public async Task<Run> RunAsync(CancellationToken cancellationToken)
        {
            var compilation = Fresh();
            Settle();
            var stopwatch = Stopwatch.StartNew();
            var compilerDiagnostics = compilation.GetDiagnostics(cancellationToken);
            var binding = stopwatch.Elapsed;

            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.WithAnalyzers(Analyzers, options);
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

            return new Run(
                binding,
                times.MoveToImmutable(),
                compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray(),
                findings,
                exceptions.ToImmutableArray(),
                collections,
                pause);
        }

        private CSharpCompilation Fresh() => CSharpCompilation.Create(
            "BenchmarkCorpus",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

        /// <summary>Starts each measurement from a collected heap, so one run's garbage is not charged to the next.</summary>
        private static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }
}
