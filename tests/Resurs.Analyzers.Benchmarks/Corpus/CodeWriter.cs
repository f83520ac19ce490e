using System.Text;

namespace Resurs.Analyzers.Benchmarks.Corpus
{
    /// <summary>Writes indented C# line by line.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder builder = new StringBuilder();
        private int indent;

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                builder.Append(' ', indent * 4).Append(text);
            }

            builder.Append('\n');
            return this;
        }

        /// <summary>Several lines at the current indentation (a raw-string template).</summary>
        public CodeWriter Block(string lines)
        {
            foreach (var line in lines.Replace("\r\n", "\n").Split('\n'))
            {
                Line(line);
            }

            return this;
        }

        /// <summary>"header" then "{", indented until <see cref="Close"/>.</summary>
        public CodeWriter Open(string header)
        {
            Line(header);
            Line("{");
            indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            indent--;
            return Line("}" + suffix);
        }

        public override string ToString() => builder.ToString();
    }
}
