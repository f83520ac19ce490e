using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Resurs.Analyzers.Tests.Rules;
using Resurs.Analyzers.Tests.Verifiers;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>A named piece of C# the robustness tests feed to the analyzers.</summary>
    internal sealed record SourceInput(string Name, string Text)
    {
        public override string ToString() => Name;
    }

    /// <summary>
    /// The C# the robustness tests use: the curated risky files in Robustness/Inputs (every rule, compiling cleanly), the
    /// sample shop's files, and every C# snippet the rule tests hold as string literals (read from this assembly's metadata,
    /// markup removed, member-level snippets wrapped in a class).
    /// </summary>
    internal static class RobustnessCorpus
    {
        private const string SnippetUsings =
            "using System;\nusing System.Collections.Generic;\nusing System.Net;\nusing System.Net.Http;\nusing System.Net.Security;\n"
            + "using System.Security.Authentication;\nusing System.Threading.Tasks;\nusing Shop;\n";

        private static readonly Lazy<IReadOnlyList<SourceInput>> LazySnippets = new Lazy<IReadOnlyList<SourceInput>>(ReadSnippets);

        /// <summary>Robustness/Inputs/*.cs: risky code for every rule; together they compile without errors.</summary>
        public static IReadOnlyList<SourceInput> Inputs { get; } = ReadFolder(Path.Combine(TestEnvironment.RepoRoot, "tests", "Resurs.Analyzers.Tests", "Robustness", "Inputs"));

        /// <summary>The sample shop's files; they need <see cref="AnalyzerHarness.WebImplicitUsings"/> and an executable output.</summary>
        public static IReadOnlyList<SourceInput> Samples { get; } = ReadFolder(Path.Combine(TestEnvironment.RepoRoot, "samples", "Resurs.Merchant.Sample"));

        /// <summary>The rule tests' C# snippets.</summary>
        public static IReadOnlyList<SourceInput> TestSnippets => LazySnippets.Value;

        public static IEnumerable<SourceInput> All => Inputs.Concat(Samples).Concat(TestSnippets);

        private static IReadOnlyList<SourceInput> ReadFolder(string folder) =>
            Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => new SourceInput(Path.GetFileName(path), File.ReadAllText(path)))
                .ToList();

        /// <summary>Every string literal of this test assembly that looks like C# test input.</summary>
        private static IReadOnlyList<SourceInput> ReadSnippets()
        {
            using var stream = File.OpenRead(typeof(RobustnessCorpus).Assembly.Location);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var snippets = new SortedSet<string>(StringComparer.Ordinal);
            for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = reader.GetNextHandle(handle))
            {
                var text = reader.GetUserString(handle);
                if (text.Length >= 30 && text.Contains(';', StringComparison.Ordinal) && Regex.IsMatch(text, @"\bclass\b|\bvoid\b|=>") && !text.Contains("Robustness", StringComparison.Ordinal))
                {
                    snippets.Add(Complete(WithoutMarkup(text)));
                }
            }

            return snippets.Select((text, index) => new SourceInput("snippet" + index.ToString("000", System.Globalization.CultureInfo.InvariantCulture), text)).ToList();
        }

        /// <summary>Removes test markup: {|RES2001:…|}, {|#0:…|}, [|…|].</summary>
        private static string WithoutMarkup(string text) => Regex.Replace(text, @"\{\|[^:|{}]*:|\|\}|\[\||\|\]", string.Empty);

        /// <summary>Member-level snippets (what the tests pass to their Class/Code helpers) go into a class with the usual usings.</summary>
        private static string Complete(string text) =>
            Regex.IsMatch(text, @"\b(class|record|struct|interface|namespace)\b")
                ? text
                : SnippetUsings + "\nclass C\n{\n" + text + "\n}\n" + CallbackTestCode.Types;
    }
}
