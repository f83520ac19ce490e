using System.Collections.Generic;
using System.IO;
using System.Linq;
using Resurs.Analyzers.Tests.Verifiers;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>C# files the robustness tests mutate: the sample shop (one instance of every rule) and the valid-code corpus.</summary>
    internal static class Corpus
    {
        public static IReadOnlyList<(string Name, string Text)> Files { get; } =
            Directory.GetFiles(Path.Combine(TestEnvironment.RepoRoot, "samples", "Resurs.Merchant.Sample"), "*.cs", SearchOption.AllDirectories)
                .Concat(Directory.GetFiles(Path.Combine(TestEnvironment.RepoRoot, "tests", "Resurs.Analyzers.Tests", "ValidCode", "Sources"), "*.cs"))
                .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .OrderBy(path => path, System.StringComparer.Ordinal)
                .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
                .ToList();

        /// <summary>The sample shop's files only: every rule fires somewhere in them.</summary>
        public static IEnumerable<(string Name, string Text)> Sample =>
            Files.Where(f => !f.Text.Contains("namespace ValidCode", System.StringComparison.Ordinal));
    }
}
