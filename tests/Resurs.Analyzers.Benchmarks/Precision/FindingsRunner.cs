using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Resurs.Analyzers.Benchmarks.Precision
{
    /// <summary>
    /// The precision run (<c>--findings FILE</c>, docs/precision.md): for each <c>--root</c>, one compilation of every .cs
    /// file under it (bin/, obj/, .git/ and node_modules/ skipped) against the SDK's reference packs with the Web SDK's
    /// implicit usings, and every appsettings*.json and *.config file under it as an AdditionalFile; the analyzers a
    /// host loads from the package (the [DiagnosticAnalyzer] types) run once, and every diagnostic they report becomes
    /// one <see cref="Finding"/>. No timing. NuGet dependencies are not restored, so compiler errors are expected and
    /// only counted.
    /// </summary>
    internal static class FindingsRunner
    {
        private static readonly string[] SkippedFolders = { "bin", "obj", ".git", ".vs", "node_modules" };

        public static async Task<(ImmutableArray<Finding> Findings, ImmutableArray<string> Exceptions)> RunAsync(
            string root,
            string implicitUsings,
            ImmutableArray<MetadataReference> references,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            TextWriter log,
            CancellationToken cancellationToken)
        {
            var repo = Path.GetFileName(Path.TrimEndingDirectorySeparator(root));
            var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
            var sources = Files(root, name => name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
            var trees = sources
                .Select(path => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path, Encoding.UTF8), Encoding.UTF8), parseOptions, path, cancellationToken: cancellationToken))
                .Append(CSharpSyntaxTree.ParseText(implicitUsings, parseOptions, Path.Combine(root, "ImplicitUsings.g.cs"), cancellationToken: cancellationToken))
                .ToImmutableArray();
            var configs = Files(root, IsConfigCandidate).Select(path => (AdditionalText)new FileText(path)).ToImmutableArray();

            var compilation = CSharpCompilation.Create(
                "PrecisionCorpus",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            var exceptions = new ConcurrentQueue<string>();
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(configs),
                    (exception, analyzer, diagnostic) => exceptions.Enqueue(repo + ": " + analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message + " (" + diagnostic.Location.GetLineSpan() + ")"),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var errors = compilation.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
            log.WriteLine(FormattableString.Invariant($"{repo}: {sources.Count} C# files, {trees.Sum(t => t.GetText(cancellationToken).Lines.Count):N0} lines, {configs.Length} config candidates, {errors} compiler errors, {diagnostics.Length} findings"));

            var findings = diagnostics
                .Where(d => d.Id.StartsWith("RES", StringComparison.Ordinal))
                .Select(d => Finding.From(repo, root, d, cancellationToken))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Line)
                .ThenBy(f => f.Column)
                .ThenBy(f => f.Rule, StringComparer.Ordinal)
                .ToList();
            return (Finding.NumberDuplicates(findings), exceptions.ToImmutableArray());
        }

        /// <summary>What a build would hand the ConfigFileAnalyzer; it picks appsettings*.json, web.config, app.config and *.exe.config by name itself.</summary>
        private static bool IsConfigCandidate(string fileName) =>
            (fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            || fileName.EndsWith(".config", StringComparison.OrdinalIgnoreCase);

        private static IEnumerable<string> Files(string folder, Func<string, bool> include)
        {
            foreach (var file in Directory.EnumerateFiles(folder).Where(path => include(Path.GetFileName(path))).OrderBy(path => path, StringComparer.Ordinal))
            {
                yield return file;
            }

            foreach (var child in Directory.EnumerateDirectories(folder).OrderBy(path => path, StringComparer.Ordinal))
            {
                if (SkippedFolders.Contains(Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var file in Files(child, include))
                {
                    yield return file;
                }
            }
        }

        private sealed class FileText : AdditionalText
        {
            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) =>
                SourceText.From(File.ReadAllText(Path, Encoding.UTF8), Encoding.UTF8);
        }
    }
}
