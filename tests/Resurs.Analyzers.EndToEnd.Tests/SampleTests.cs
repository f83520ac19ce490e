using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Resurs.Analyzers.EndToEnd.Tests
{
    /// <summary>The README's main command: building the sample shows every rule the package has.</summary>
    [Collection(PackageCollection.Name)]
    public class SampleTests
    {
        [Fact]
        public void Sample_build_shows_a_warning_for_every_rule()
        {
            var readme = File.ReadAllLines(Path.Combine(DotNet.RepoRoot, "README.md"));
            var ruleIds = readme.Where(l => l.StartsWith("| [RES", StringComparison.Ordinal)).Select(l => l.Substring(3, 7))
                .Where(id => !id.StartsWith("RES9", StringComparison.Ordinal)) // configuration diagnostics need a broken .editorconfig
                .ToList();
            Assert.NotEmpty(ruleIds);

            var project = Path.Combine(DotNet.RepoRoot, "samples", "Resurs.Merchant.Sample", "Resurs.Merchant.Sample.csproj");
            var result = DotNet.Run(DotNet.RepoRoot, new[] { "build", project, "--no-incremental" }.Concat(DotNet.NoServers).ToArray());
            Assert.True(result.ExitCode == 0, result.ToString());
            foreach (var id in ruleIds)
            {
                Assert.Contains($": warning {id}:", result.Output);
            }

            Assert.DoesNotContain("AD0001", result.Output);
        }
    }
}
