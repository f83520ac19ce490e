using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Code as it is while being typed: every source the tests use, cut at token boundaries (all of them for small
    /// sources, a fixed-seed sample for larger ones) and with random tokens deleted (fixed seed). No analyzer may throw.
    /// </summary>
    public class IncompleteCodeTests
    {
        private const int MaxCutsPerSource = 40;
        private const int DeletionsPerSource = 12;
        private const int TreesPerCompilation = 64;

        public static TheoryData<string> Groups() => new TheoryData<string> { "inputs", "samples", "snippets" };

        [Theory]
        [MemberData(nameof(Groups))]
        public async Task Cut_and_damaged_code_never_makes_an_analyzer_throw(string group)
        {
            var sources = group switch
            {
                "inputs" => RobustnessCorpus.Inputs,
                "samples" => RobustnessCorpus.Samples,
                _ => RobustnessCorpus.TestSnippets,
            };
            var kind = group == "samples" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var variants = sources.SelectMany(Mutations).ToList();
            Assert.True(variants.Count >= sources.Count * 10, "expected many variants, got " + variants.Count.ToString(CultureInfo.InvariantCulture));

            var failures = new List<string>();
            foreach (var batch in variants.Chunk(TreesPerCompilation))
            {
                var run = await RunAsync(batch, kind);
                if (run.Exceptions.IsEmpty)
                {
                    continue;
                }

                // Name the variants that fail on their own, so the failure can be reproduced.
                var before = failures.Count;
                foreach (var variant in batch)
                {
                    var single = await RunAsync(new[] { variant }, kind);
                    failures.AddRange(single.Exceptions.Select(e => variant.Name + ":\n" + variant.Text + "\n---\n" + e));
                }

                failures.AddRange(failures.Count == before ? run.Exceptions : Enumerable.Empty<string>());
            }

            Assert.Empty(failures.Take(3));
        }

        /// <summary>Prefixes of the source ending at token boundaries, then copies with one to three tokens deleted.</summary>
        internal static IEnumerable<SourceInput> Mutations(SourceInput source)
        {
            var random = new Random(StableSeed(source.Name));
            var tokens = CSharpSyntaxTree.ParseText(source.Text, AnalyzerHarness.ParseOptions).GetRoot()
                .DescendantTokens()
                .Where(token => !token.IsKind(SyntaxKind.EndOfFileToken))
                .ToList();
            var cuts = tokens.Select(token => token.Span.End).Distinct().ToList();
            if (cuts.Count > MaxCutsPerSource)
            {
                cuts = cuts.OrderBy(_ => random.Next()).Take(MaxCutsPerSource).OrderBy(cut => cut).ToList();
            }

            foreach (var cut in cuts)
            {
                yield return new SourceInput(Invariant($"{source.Name}@cut{cut}"), source.Text.Substring(0, cut));
            }

            for (var i = 0; i < DeletionsPerSource && tokens.Count > 0; i++)
            {
                var deleted = Enumerable.Range(0, random.Next(1, 4))
                    .Select(_ => tokens[random.Next(tokens.Count)].Span)
                    .Distinct()
                    .OrderByDescending(span => span.Start);
                var text = source.Text;
                foreach (var span in deleted)
                {
                    text = text.Remove(span.Start, span.Length);
                }

                yield return new SourceInput(Invariant($"{source.Name}@del{i}"), text);
            }
        }

        private static async Task<AnalysisRun> RunAsync(IEnumerable<SourceInput> variants, OutputKind kind)
        {
            var trees = variants.Select(v => AnalyzerHarness.Parse(v.Text, "/mutants/" + v.Name + ".cs")).ToList();
            if (kind == OutputKind.ConsoleApplication)
            {
                trees.Add(AnalyzerHarness.Parse(AnalyzerHarness.WebImplicitUsings, "/mutants/GlobalUsings.cs"));
            }

            return await AnalyzerHarness.RunAsync(await AnalyzerHarness.CompileAsync(trees, kind));
        }

        /// <summary>A seed that is the same in every process (string.GetHashCode is randomized).</summary>
        private static int StableSeed(string name) => name.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
