using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Benchmarks.Precision
{
    /// <summary>Where a finding sits: application code, a sample or example, or test code (decided by path, see <see cref="Finding.Classify"/>).</summary>
    internal enum CodeKind
    {
        App,
        Sample,
        Test,
    }

    /// <summary>
    /// One diagnostic of the precision run. <see cref="Key"/> identifies it across runs and line shifts:
    /// <c>RULE repo/path: source line</c> (the reported line's text, trimmed, whitespace runs made one space), with
    /// <c> #n</c> appended to the n-th (n ≥ 2) finding of the same rule on an identical line text in the same file.
    /// </summary>
    internal sealed record Finding(string Repo, string Path, int Line, int Column, string Rule, CodeKind Kind, string Text, string Message)
    {
        /// <summary>Longer line texts (minified JSON, generated tables) are cut to a window around the reported column.</summary>
        private const int MaxText = 200;

        /// <summary>Words of a folder name that make it test code.</summary>
        private static readonly HashSet<string> TestWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "test", "tests", "testing", "spec", "specs", "fixture", "fixtures", "testdata", "testhelpers", "testutils",
        };

        /// <summary>Last words of a file name that make it test code (a file "TestConnection.cs" is not).</summary>
        private static readonly HashSet<string> TestFileWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "test", "tests", "spec", "specs", "fixture", "fixtures",
        };

        /// <summary>Words of a folder or file name that make it sample code.</summary>
        private static readonly HashSet<string> SampleWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "sample", "samples", "example", "examples", "demo", "demos", "sandbox", "quickstart", "quickstarts",
            "playground", "prototype", "prototypes", "devapps",
        };

        /// <summary>A name's words: split at '.', '_', '-' and spaces, then at camel-case humps ("UnitTests" is "Unit", "Tests").</summary>
        private static readonly Regex Word = new Regex(@"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+", RegexOptions.CultureInvariant);

        private static readonly Regex Whitespace = new Regex(@"\s+", RegexOptions.CultureInvariant);

        /// <summary>1 for the first finding of a rule on a line text in a file, then 2, 3, …</summary>
        public int Occurrence { get; init; } = 1;

        public string Key => Rule + " " + Repo + "/" + Path + ": " + Text + (Occurrence > 1 ? " #" + Occurrence.ToString(CultureInfo.InvariantCulture) : string.Empty);

        public const string Header = "key\trepo\tpath\tline\trule\tkind\tmessage";

        public string ToTsv() => string.Join("\t", Key, Repo, Path, Line.ToString(CultureInfo.InvariantCulture), Rule, Kind.ToString().ToLowerInvariant(), Clean(Message));

        public static Finding From(string repo, string root, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var span = diagnostic.Location.GetLineSpan();
            var path = System.IO.Path.GetRelativePath(root, span.Path).Replace('\\', '/');
            var line = span.StartLinePosition.Line;
            var column = span.StartLinePosition.Character;
            string text;
            var sourceText = diagnostic.Location.SourceTree?.GetText(cancellationToken);
            if (sourceText is not null)
            {
                text = sourceText.Lines[line].ToString();
            }
            else
            {
                var lines = File.ReadAllLines(span.Path);
                text = line < lines.Length ? lines[line] : string.Empty;
            }

            return new Finding(repo, path, line + 1, column + 1, diagnostic.Id, Classify(path), Normalise(text, column), diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// Test code when a folder name has one of <see cref="TestWords"/> as a word (tests/, Foo.Tests/, UnitTests/,
        /// Scim.IntegrationTest/, TestSuite/, Fixtures/) or the file name ends in one of <see cref="TestFileWords"/>
        /// (FooTests.cs, ClientFixture.cs); otherwise sample code when a folder or file name has one of
        /// <see cref="SampleWords"/> as a word (samples/, Foo.Examples/, MsiV2DemoApp/, prototype/); otherwise
        /// application code, which includes benchmarks, tools and build scripts. Case is ignored.
        /// </summary>
        public static CodeKind Classify(string relativePath)
        {
            var parts = relativePath.Split('/');
            var folders = parts.Take(parts.Length - 1).ToList();
            var fileWords = Words(System.IO.Path.GetFileNameWithoutExtension(parts[parts.Length - 1]));
            if (folders.Any(folder => Words(folder).Any(TestWords.Contains)) || (fileWords.Count > 0 && TestFileWords.Contains(fileWords[fileWords.Count - 1])))
            {
                return CodeKind.Test;
            }

            return folders.Any(folder => Words(folder).Any(SampleWords.Contains)) || fileWords.Any(SampleWords.Contains) ? CodeKind.Sample : CodeKind.App;
        }

        private static List<string> Words(string name) => Word.Matches(name).Select(match => match.Value).ToList();

        public static string Normalise(string line, int column)
        {
            var text = line;
            if (text.Length > MaxText)
            {
                var start = Math.Max(0, Math.Min(column - 60, text.Length - MaxText));
                text = text.Substring(start, MaxText);
            }

            return Clean(text);
        }

        /// <summary>Numbers findings that would share a key (same rule, file and line text) in file order.</summary>
        public static ImmutableArray<Finding> NumberDuplicates(IEnumerable<Finding> ordered)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var result = ImmutableArray.CreateBuilder<Finding>();
            foreach (var finding in ordered)
            {
                var key = finding.Key;
                seen[key] = seen.TryGetValue(key, out var count) ? count + 1 : 1;
                result.Add(finding with { Occurrence = seen[key] });
            }

            return result.ToImmutable();
        }

        private static string Clean(string text) => Whitespace.Replace(text, " ").Trim();
    }
}
