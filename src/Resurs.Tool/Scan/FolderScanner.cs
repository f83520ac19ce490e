using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Resurs.Tool.Scan
{
    /// <summary>
    /// Scans a folder that has no project: every .cs file is compiled on its own (loose files from different programs
    /// would clash if compiled together) against the installed SDK's reference packs, with the implicit usings of a web
    /// project, and the folder's configuration files (appsettings*.json, *.config) are analyzed as AdditionalFiles.
    /// The .editorconfig files of the folder and its parents give the rules their options and severities, as in a build.
    /// </summary>
    internal sealed class FolderScanner
    {
        private static readonly string[] SkippedFolders = { "bin", "obj", ".git", ".vs", "node_modules" };

        private const string ImplicitUsings = @"global using System;
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
";

        private readonly Action<string> progress;

        public FolderScanner(Action<string> progress) => this.progress = progress;

        public static IEnumerable<string> Files(string folder, Func<string, bool> include)
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

        public async Task<ImmutableArray<Finding>> ScanAsync(string folder, bool strict, CancellationToken cancellationToken)
        {
            var sources = Files(folder, name => name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
            var configs = Files(folder, AnalyzerModel.IsConfigFile).ToList();
            var editorConfig = EditorConfigOptions.Load(folder);
            var (packs, references) = ReferencePacks();
            progress("Scanning " + sources.Count + " C# file(s) and " + configs.Count + " configuration file(s) in " + folder + " against " + packs + " ...");

            var analyzers = AnalyzerModel.CreateAnalyzers();
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var usings = CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, path: "ImplicitUsings.g.cs", cancellationToken: cancellationToken);
            var findings = new List<Finding>();
            foreach (var source in sources)
            {
                var tree = CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(source), System.Text.Encoding.UTF8), parseOptions, source, cancellationToken);
                var topLevel = tree.GetRoot(cancellationToken).ChildNodes().OfType<GlobalStatementSyntax>().Any();
                findings.AddRange(await AnalyzeAsync(new[] { usings, tree }, topLevel, ImmutableArray<AdditionalText>.Empty, references, analyzers, editorConfig, strict, cancellationToken).ConfigureAwait(false));
            }

            if (configs.Count > 0)
            {
                var additional = configs.Select(path => (AdditionalText)new FileText(path)).ToImmutableArray();
                findings.AddRange(await AnalyzeAsync(new[] { usings }, false, additional, references, analyzers, editorConfig, strict, cancellationToken).ConfigureAwait(false));
            }

            return RuleCatalog.Normalize(findings);
        }

        private static async Task<IEnumerable<Finding>> AnalyzeAsync(
            IEnumerable<SyntaxTree> trees,
            bool executable,
            ImmutableArray<AdditionalText> additionalFiles,
            ImmutableArray<MetadataReference> references,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            EditorConfigOptions editorConfig,
            bool strict,
            CancellationToken cancellationToken)
        {
            var compilation = CSharpCompilation.Create(
                "ResursScan",
                trees,
                references,
                new CSharpCompilationOptions(executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(additionalFiles, editorConfig));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            return diagnostics
                .Where(diagnostic => RuleCatalog.IsResurs(diagnostic.Id))
                .Select(diagnostic => editorConfig.TryGetSeverity(diagnostic, out var severity) ? RuleCatalog.ToFinding(diagnostic, severity, strict) : null)
                .OfType<Finding>();
        }

        /// <summary>
        /// Microsoft.NETCore.App.Ref and Microsoft.AspNetCore.App.Ref from the dotnet root that runs this tool:
        /// &lt;root&gt;/packs/&lt;pack&gt;/&lt;highest version&gt;/ref/&lt;highest netX.Y&gt;/*.dll.
        /// </summary>
        private static (string Description, ImmutableArray<MetadataReference> References) ReferencePacks()
        {
            var runtime = RuntimeEnvironment.GetRuntimeDirectory();
            var root = new[] { Path.GetFullPath(Path.Combine(runtime, "..", "..", "..")), Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? string.Empty }
                .FirstOrDefault(candidate => candidate.Length > 0 && Directory.Exists(Path.Combine(candidate, "packs")))
                ?? throw new InvalidOperationException("No .NET SDK reference packs found near " + runtime + " or in DOTNET_ROOT.");
            var described = new List<string>();
            var references = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
            {
                var version = Highest(Path.Combine(root, "packs", pack), name => name);
                var framework = version is null ? null : Highest(Path.Combine(version, "ref"), name => name.StartsWith("net", StringComparison.Ordinal) ? name.Substring(3) : string.Empty);
                if (framework is null)
                {
                    continue;
                }

                described.Add(pack + " " + Path.GetFileName(version));
                references.AddRange(Directory.GetFiles(framework, "*.dll").OrderBy(path => path, StringComparer.Ordinal).Select(path => MetadataReference.CreateFromFile(path)));
            }

            if (references.Count == 0)
            {
                throw new InvalidOperationException("No reference packs under " + Path.Combine(root, "packs") + ".");
            }

            return (string.Join(" and ", described), references.ToImmutable());
        }

        /// <summary>The subfolder with the highest version (through <paramref name="versionOf"/>), releases before previews.</summary>
        private static string? Highest(string folder, Func<string, string> versionOf) =>
            !Directory.Exists(folder)
                ? null
                : Directory.GetDirectories(folder)
                    .Select(path => (Path: path, Text: versionOf(System.IO.Path.GetFileName(path))))
                    .Select(entry => (entry.Path, Version: Version.TryParse(entry.Text.Split('-')[0], out var version) ? version : null, Preview: entry.Text.Contains('-')))
                    .Where(entry => entry.Version is not null)
                    .OrderByDescending(entry => entry.Version)
                    .ThenBy(entry => entry.Preview)
                    .Select(entry => entry.Path)
                    .FirstOrDefault();

        /// <summary>A configuration file handed to the analyzers.</summary>
        private sealed class FileText : AdditionalText
        {
            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) =>
                SourceText.From(File.ReadAllText(Path), System.Text.Encoding.UTF8);
        }
    }
}
