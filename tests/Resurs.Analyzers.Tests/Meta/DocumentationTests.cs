using System;
using System.IO;
using System.Linq;
using Resurs.Analyzers.Options;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;

namespace Resurs.Analyzers.Tests.Meta
{
    /// <summary>The docs pages, README rule table and release-tracking files agree with the descriptor table.</summary>
    public class DocumentationTests
    {
        public static TheoryData<string> Ids() => DescriptorTests.Ids();

        private static string Read(params string[] parts) => File.ReadAllText(Path.Combine(new[] { TestEnvironment.RepoRoot }.Concat(parts).ToArray()));

        [Theory]
        [MemberData(nameof(Ids))]
        public void Docs_page_matches_the_descriptor(string id)
        {
            var descriptor = Catalog.Descriptors.Single(d => d.Id == id);
            var path = Path.Combine(TestEnvironment.RepoRoot, "docs", "rules", id + ".md");
            Assert.True(File.Exists(path), "missing " + path);
            var lines = File.ReadAllLines(path);
            Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
            Assert.Contains($"| ID | {id} |", lines);
            Assert.Contains($"| Category | {descriptor.Category} |", lines);
            Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", lines);
            var fixRow = Assert.Single(lines, l => l.StartsWith("| Code fix |", StringComparison.Ordinal));
            Assert.Equal(Catalog.FixableIds.Contains(id), fixRow.StartsWith("| Code fix | Yes", StringComparison.Ordinal));
            foreach (var heading in new[] { "## What it finds", "## Why it matters", "## Flagged", "## Not flagged", "## How to fix", "## Options", "## How to suppress", "## Related rules" })
            {
                Assert.Contains(heading, lines);
            }

            // Each page names the options its rule reads; the configuration rule's page names them all.
            var text = string.Join("\n", lines);
            foreach (var option in ResursOptions.All.Where(o => o.AppliesTo(id) || id == RuleIds.InvalidOptionValue))
            {
                Assert.Contains("resurs_analyzers." + option.Name, text);
            }
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Readme_rule_table_has_the_rule(string id)
        {
            var descriptor = Catalog.Descriptors.Single(d => d.Id == id);
            var fix = Catalog.FixableIds.Contains(id) ? "Yes" : "No";
            var row = $"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {descriptor.Category} | {descriptor.DefaultSeverity} | {fix} |";
            Assert.Contains(row, Read("README.md").Split('\n').Select(l => l.TrimEnd('\r')));
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Release_tracking_has_the_rule(string id)
        {
            var descriptor = Catalog.Descriptors.Single(d => d.Id == id);
            var releases = Read("AnalyzerReleases.Shipped.md") + "\n" + Read("AnalyzerReleases.Unshipped.md");
            Assert.Contains(releases.Split('\n'), l => l.StartsWith($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", StringComparison.Ordinal));
        }

        [Fact]
        public void Readme_options_table_lists_every_option()
        {
            var readme = Read("README.md").Split('\n');
            foreach (var option in ResursOptions.All)
            {
                Assert.Contains(readme, l => l.StartsWith($"| `{option.Name}` |", StringComparison.Ordinal) && l.Contains($"`{option.DefaultText}`", StringComparison.Ordinal));
            }
        }

        [Fact]
        public void Readme_table_lists_no_unknown_rule()
        {
            var ids = Catalog.Descriptors.Select(d => d.Id).ToHashSet();
            foreach (var line in Read("README.md").Split('\n').Where(l => l.StartsWith("| [RES", StringComparison.Ordinal)))
            {
                Assert.Contains(line.Substring(3, 7), ids);
            }
        }
    }
}
