using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
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
    /// <summary>What one run of every analyzer produced: its diagnostics (AD0001 excluded) and every analyzer exception.</summary>
    internal sealed record AnalysisRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions);

    /// <summary>
    /// Compiles C# against .NET 8 + ASP.NET Core 8 and runs every analyzer of the shipped assembly (found by reflection) on it,
    /// collecting analyzer exceptions both through the exception callback and as AD0001 diagnostics.
    /// </summary>
    internal static class AnalyzerHarness
    {
        public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

        /// <summary>The global usings of a Web SDK project with ImplicitUsings (what the sample relies on).</summary>
        public static readonly string WebImplicitUsings = string.Concat(
            "System System.Collections.Generic System.IO System.Linq System.Net.Http System.Net.Http.Json System.Threading System.Threading.Tasks "
            + "Microsoft.AspNetCore.Builder Microsoft.AspNetCore.Hosting Microsoft.AspNetCore.Http Microsoft.AspNetCore.Routing "
            + "Microsoft.Extensions.Configuration Microsoft.Extensions.DependencyInjection Microsoft.Extensions.Hosting Microsoft.Extensions.Logging"
                .Split(' ')
                .Select(ns => "global using " + ns + ";\n"));

        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> LazyReferences = new Lazy<Task<ImmutableArray<MetadataReference>>>(
            async () => (await TestEnvironment.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestEnvironment.AspNetCore));

        public static Task<ImmutableArray<MetadataReference>> ReferencesAsync() => LazyReferences.Value;

        public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

        public static async Task<CSharpCompilation> CompileAsync(IEnumerable<SyntaxTree> trees, OutputKind kind = OutputKind.DynamicallyLinkedLibrary, params MetadataReference[] extra) =>
            CSharpCompilation.Create(
                "Robustness",
                trees,
                (await ReferencesAsync()).AddRange(extra),
                new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

        public static async Task<AnalysisRun> RunAsync(Compilation compilation, AnalyzerConfigOptionsProvider? options = null, bool concurrent = false)
        {
            var exceptions = new ConcurrentQueue<string>();
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options ?? DictionaryOptionsProvider.Empty);
            var withAnalyzers = compilation.WithAnalyzers(
                Catalog.Analyzers,
                new CompilationWithAnalyzersOptions(
                    analyzerOptions,
                    (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                    concurrent,
                    logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                exceptions.Enqueue(diagnostic.ToString());
            }

            return new AnalysisRun(diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions.ToImmutableArray());
        }

        /// <summary>Compiles <paramref name="source"/> alone and runs every analyzer on it.</summary>
        public static async Task<AnalysisRun> RunAsync(string source, AnalyzerConfigOptionsProvider? options = null) =>
            await RunAsync(await CompileAsync(new[] { Parse(source, "/robustness/Source.cs") }), options);

        /// <summary>"path(line,col): ID message [properties]", for comparing runs and for readable failures.</summary>
        public static string Describe(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            var properties = string.Join(";", diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id} {diagnostic.GetMessage(CultureInfo.InvariantCulture)} [{properties}]");
        }

        /// <summary>Fails with the diagnostics only one side has, described.</summary>
        public static void AssertSame(ImmutableArray<string> expected, IEnumerable<Diagnostic> actual)
        {
            var described = Describe(actual);
            var missing = expected.Except(described, StringComparer.Ordinal).ToList();
            var extra = described.Except(expected, StringComparer.Ordinal).ToList();
            Xunit.Assert.True(
                missing.Count == 0 && extra.Count == 0 && described.Length == expected.Length,
                "missing:\n" + string.Join("\n", missing) + "\nextra:\n" + string.Join("\n", extra));
        }

        /// <summary>Every diagnostic described, in a fixed order.</summary>
        public static ImmutableArray<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics.Select(Describe).OrderBy(text => text, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>Options for every tree from one dictionary, with any key and any value (an .editorconfig cannot hold every string).</summary>
    internal sealed class DictionaryOptionsProvider : AnalyzerConfigOptionsProvider
    {
        public static readonly DictionaryOptionsProvider Empty = new DictionaryOptionsProvider(ImmutableDictionary<string, string>.Empty);

        private readonly Options options;

        public DictionaryOptionsProvider(IEnumerable<KeyValuePair<string, string>> values) =>
            options = new Options(ImmutableDictionary.CreateRange(AnalyzerConfigOptions.KeyComparer, values));

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> values;

            public Options(ImmutableDictionary<string, string> values) => this.values = values;

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
