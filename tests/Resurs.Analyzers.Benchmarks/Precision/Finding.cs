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

        private static readonly Regex TestSegment = new Regex(
            @"(^|[._-])(tests?|testing|specs?|testhelpers?|testutils?|testcommon|testdata|fixtures)([._-]|$)|tests$|\.tests?\.",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex SampleSegment = new Regex(
            @"(^|[._-])(samples?|examples?|demos?|sandbox|quickstarts?|playground)([._-]|$)|(samples?|examples?)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

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
        /// Test code when a folder (or the file name without extension) is test/tests/testing/spec(s), has one of those as
        /// a dot/dash/underscore-separated part (Foo.Tests, Foo.Test.Common, UnitTests…), or ends in "Tests"; otherwise
        /// sample code when one is sample(s)/example(s)/demo(s)/sandbox/quickstart(s)/playground likewise; otherwise
        /// application code (which includes benchmarks, tools and build scripts).
        /// </summary>
        public static CodeKind Classify(string relativePath)
        {
            var parts = relativePath.Split('/');
            parts[parts.Length - 1] = System.IO.Path.GetFileNameWithoutExtension(parts[parts.Length - 1]);
            if (parts.Any(part => TestSegment.IsMatch(part)))
            {
                return CodeKind.Test;
            }

            return parts.Any(part => SampleSegment.IsMatch(part)) ? CodeKind.Sample : CodeKind.App;
        }

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
