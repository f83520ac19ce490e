using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>Half-typed code, as in an editor: every analyzer runs on truncated and token-deleted files without throwing.</summary>
    public class IncompleteCodeTests
    {
        private const int Seed = 20261124;
        private const int CutsPerFile = 40;
        private const int DeletionsPerFile = 20;

        public static TheoryData<string> Files() => new TheoryData<string>(Corpus.Files.Select(f => f.Name));

        [Theory]
        [MemberData(nameof(Files))]
        public async Task Truncated_and_token_deleted_files_never_throw(string name)
        {
            var text = Corpus.Files.First(f => f.Name == name).Text;
            var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToList();
            var random = new Random(Seed ^ name.Length);
            var variants = new List<string>();

            // Cuts: every token boundary for small files, a fixed-seed sample for big ones.
            var boundaries = tokens.Select(t => t.Span.End).Distinct().ToList();
            var cuts = boundaries.Count <= CutsPerFile ? boundaries : Enumerable.Range(0, CutsPerFile).Select(_ => boundaries[random.Next(boundaries.Count)]).Distinct();
            variants.AddRange(cuts.Select(end => text.Substring(0, end)));

            // Deletions: drop one token (and again a second one) at fixed-seed positions.
            for (var i = 0; i < DeletionsPerFile && tokens.Count > 2; i++)
            {
                var token = tokens[random.Next(tokens.Count)];
                var other = tokens[random.Next(tokens.Count)];
                var once = text.Remove(token.SpanStart, token.Span.Length);
                variants.Add(once);
                if (other.SpanStart > token.Span.End)
                {
                    var shift = token.Span.Length;
                    variants.Add(once.Remove(other.SpanStart - shift, other.Span.Length));
                }
            }

            var failures = new List<string>();
            foreach (var variant in variants)
            {
                var compilation = await AnalyzerRun.CompileAsync(CSharpSyntaxTree.ParseText(variant, path: name));
                var result = await AnalyzerRun.RunAsync(compilation);
                failures.AddRange(result.Exceptions.Select(e => name + " variant of " + variant.Length + " chars: " + e));
            }

            Assert.Empty(failures);
        }
    }
}
