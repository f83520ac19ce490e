using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Resurs.Analyzers.Benchmarks.Corpus
{
    /// <summary>One C# file of a corpus: a path for diagnostics and its text.</summary>
    internal sealed record SourceFile(string Path, string Text)
    {
        public int Lines { get; } = CountLines(Text);

        public static int CountLines(string text)
        {
            var lines = 0;
            foreach (var c in text)
            {
                lines += c == '\n' ? 1 : 0;
            }

            return text.Length > 0 && text[text.Length - 1] != '\n' ? lines + 1 : lines;
        }

        /// <summary>Reads every .cs file under <paramref name="root"/>, skipping build output (bin/, obj/), in a stable order.</summary>
        public static IReadOnlyList<SourceFile> ReadFolder(string root) =>
            Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(System.IO.Path.GetRelativePath(root, path)))
                .OrderBy(path => path, System.StringComparer.Ordinal)
                .Select(path => new SourceFile(path, File.ReadAllText(path, Encoding.UTF8)))
                .ToList();

        public static void WriteFolder(string folder, IEnumerable<SourceFile> files)
        {
            foreach (var file in files)
            {
                var path = System.IO.Path.Combine(folder, file.Path);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text, Encoding.UTF8);
            }
        }

        private static bool IsBuildOutput(string relativePath)
        {
            foreach (var part in relativePath.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar))
            {
                if (part is "bin" or "obj")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
