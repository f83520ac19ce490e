using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Resurs.Analyzers.Tests.Meta;
using Resurs.Analyzers.Tests.Verifiers;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>Runs every shipped analyzer over a compilation and collects diagnostics and analyzer exceptions (AD0001).</summary>
    internal static class AnalyzerRun
    {
        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> LazyReferences = new Lazy<Task<ImmutableArray<MetadataReference>>>(async () =>
            (await TestEnvironment.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestEnvironment.AspNetCore));

        /// <summary>.NET 8 and ASP.NET Core 8 references, resolved once per test run.</summary>
        public static Task<ImmutableArray<MetadataReference>> ReferencesAsync() => LazyReferences.Value;

        public static async Task<CSharpCompilation> CompileAsync(params SyntaxTree[] trees) =>
            CSharpCompilation.Create("Robustness", trees, await ReferencesAsync(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        public static async Task<AnalyzerResult> RunAsync(Compilation compilation, AnalyzerOptions? options = null, bool concurrent = true)
        {
            var exceptions = new ConcurrentQueue<string>();
            var analyzerOptions = new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(Catalog.Analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync();
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                exceptions.Enqueue(diagnostic.ToString());
            }

            return new AnalyzerResult(diagnostics, exceptions.ToImmutableArray());
        }
    }

    internal sealed record AnalyzerResult(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions)
    {
        /// <summary>"RES1002 (12,20)" lines, ordered, for comparing runs.</summary>
        public IReadOnlyList<string> Lines => Diagnostics
            .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath} {d.Location.SourceSpan} {d.GetMessage()}")
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
    }
}
