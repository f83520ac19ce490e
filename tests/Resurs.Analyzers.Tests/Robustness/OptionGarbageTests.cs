using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Resurs.Analyzers.Options;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>Garbage in every option key: RES9001 names each key, every rule behaves as with the default, nothing throws.</summary>
    public class OptionGarbageTests
    {
        private static readonly string[] Values =
        {
            string.Empty, "   ", "sometimes", "42", "-1", ",", ",,,", "*", "*.", ".", "http://", "https://", "https://a b", "ftp://x.se",
            "https://shop.se/path", "report,skip", "\0", "\uD800", "😀", "\"quoted\"", "[section]", "#comment", "a=b", new string('x', 100_000),
            "-defaults", "true", "null", "\r\n", "%00", "../..",
        };

        public static TheoryData<string> Garbage() => new TheoryData<string>(Values);

        [Theory]
        [MemberData(nameof(Garbage))]
        public async Task Garbage_values_give_RES9001_and_the_default(string value)
        {
            var keys = ResursOptions.All
                .Where(option => !option.IsValid(value) && !OptionDefinition.IsUnset(value))
                .SelectMany(option => option.RuleKeys.Values.Prepend(option.GlobalKey))
                .ToList();
            var garbage = new DictionaryOptionsProvider(keys.Select(key => new KeyValuePair<string, string>(key, value)));

            foreach (var testProject in new[] { false, true })
            {
                var compilation = await Compile(testProject);
                var baseline = await AnalyzerHarness.RunAsync(compilation);
                var run = await AnalyzerHarness.RunAsync(compilation, garbage);

                Assert.Empty(run.Exceptions);
                Assert.Equal(
                    keys.OrderBy(key => key, StringComparer.OrdinalIgnoreCase),
                    run.Diagnostics.Where(d => d.Id == "RES9001").Select(d => d.GetMessage().Split('\'')[3]).OrderBy(key => key, StringComparer.OrdinalIgnoreCase));
                AnalyzerHarness.AssertSame(AnalyzerHarness.Describe(baseline.Diagnostics), run.Diagnostics.Where(d => d.Id != "RES9001"));
            }
        }

        [Fact]
        public void Most_garbage_is_invalid_for_every_option()
        {
            foreach (var option in ResursOptions.All)
            {
                Assert.True(Values.Count(value => !option.IsValid(value)) >= 8, option.Name + " accepts too much of the garbage to test it");
            }
        }

        private static Task<Microsoft.CodeAnalysis.CSharp.CSharpCompilation> Compile(bool testProject) =>
            AnalyzerHarness.CompileAsync(
                RobustnessCorpus.Inputs.Select(input => AnalyzerHarness.Parse(input.Text, "/inputs/" + input.Name)),
                OutputKind.DynamicallyLinkedLibrary,
                testProject ? new[] { TestProjects.XunitCore } : Array.Empty<MetadataReference>());
    }
}
