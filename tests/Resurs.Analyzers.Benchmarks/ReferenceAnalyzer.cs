using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resurs.Analyzers.Benchmarks
{
    /// <summary>
    /// The reference the figures are compared with: NetAnalyzers' CA5359 ("Do not disable certificate validation"),
    /// loaded from the Microsoft.CodeAnalysis.NetAnalyzers package that restore downloads for this project. It is the
    /// closest peer rule, cheap by design (one operation kind, and only when the callback type exists).
    /// </summary>
    internal static class ReferenceAnalyzer
    {
        public const string RuleId = "CA5359";

        /// <summary>The NetAnalyzers analyzer that supports <see cref="RuleId"/>.</summary>
        public static DiagnosticAnalyzer Load()
        {
            var folder = Path.Combine(PackageRoot(), "microsoft.codeanalysis.netanalyzers", PackageVersion(), "analyzers", "dotnet", "cs");
            var loader = new LoadFromLoader();
            var analyzers = Directory.GetFiles(folder, "*.dll")
                .SelectMany(path => new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp))
                .Where(analyzer => analyzer.SupportedDiagnostics.Any(d => d.Id == RuleId))
                .ToList();
            return analyzers.Count == 1
                ? analyzers[0]
                : throw new InvalidOperationException($"Expected one analyzer for {RuleId} in {folder}, found {analyzers.Count}.");
        }

        /// <summary>Turns the rule on: it ships disabled, and the driver skips an analyzer whose rules are all off.</summary>
        public static ImmutableDictionary<string, ReportDiagnostic> Enable() =>
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(RuleId, ReportDiagnostic.Warn);

        private static string PackageRoot() => Metadata("NuGetPackageRoot");

        private static string PackageVersion() => Metadata("NetAnalyzersVersion");

        private static string Metadata(string key) =>
            typeof(ReferenceAnalyzer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException("Assembly metadata " + key + " is missing; build the benchmark project with dotnet build.");

        private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }
}
