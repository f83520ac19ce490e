using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Resurs.Analyzers.Tests.Meta;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;

namespace Resurs.Analyzers.Tests.ValidCode
{
    /// <summary>
    /// Realistic merchant code that does TLS and certificates right (pinning on top of the platform's checks, mutual TLS,
    /// default validation, reading negotiated values). Every analyzer must stay silent on it, in a normal (non-test) project.
    /// The sources live in ValidCode/Sources and are not compiled into the test assembly.
    /// </summary>
    public class ValidCodeTests
    {
        public static TheoryData<string> Files() => new TheoryData<string>(
            Directory.GetFiles(SourcesFolder, "*.cs").Select(Path.GetFileName).OrderBy(name => name, System.StringComparer.Ordinal)!);

        private static string SourcesFolder => Path.Combine(TestEnvironment.RepoRoot, "tests", "Resurs.Analyzers.Tests", "ValidCode", "Sources");

        [Theory]
        [MemberData(nameof(Files))]
        public async Task All_analyzers_are_silent(string file)
        {
            var references = (await TestEnvironment.Net80.ResolveAsync(LanguageNames.CSharp, default)).AddRange(TestEnvironment.AspNetCore);
            foreach (var symbols in new[] { ImmutableArray<string>.Empty, ImmutableArray.Create("DEBUG") })
            {
                var tree = CSharpSyntaxTree.ParseText(
                    File.ReadAllText(Path.Combine(SourcesFolder, file)),
                    new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: symbols),
                    path: file);
                var compilation = CSharpCompilation.Create(
                    "ValidCode",
                    new[] { tree },
                    references,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

                var diagnostics = await compilation.WithAnalyzers(Catalog.Analyzers).GetAnalyzerDiagnosticsAsync();
                Assert.Empty(diagnostics.Select(d => d.ToString()));
            }
        }
    }
}
