using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Resurs.Analyzers.Infrastructure.Config
{
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Other,
    }

    /// <summary>A JSON value with the span of its token(s) in the file text.</summary>
    internal sealed class JsonNode
    {
        public JsonNode(JsonKind kind, int start)
        {
            Kind = kind;
            Start = start;
        }

        public JsonKind Kind { get; }

        /// <summary>Where the value starts (the quote of a string, the bracket of an array).</summary>
        public int Start { get; }

        /// <summary>Where the value ends (exclusive).</summary>
        public int End { get; set; }

        /// <summary>The decoded text of a string value.</summary>
        public string? Text { get; set; }

        /// <summary>Object members in order (key, value); array elements have a null key.</summary>
        public List<KeyValuePair<string?, JsonNode>> Children { get; } = new List<KeyValuePair<string?, JsonNode>>();
    }

    /// <summary>A syntax error: where and what.</summary>
    internal sealed class JsonError
    {
        public JsonError(int position, string message)
        {
            Position = position;
            Message = message;
        }

        public int Position { get; }

        public string Message { get; }
    }

    /// <summary>
    /// A small, tolerant JSON reader for appsettings files: it accepts // and /* */ comments and trailing commas (as
    /// .NET's configuration loader does), keeps positions, limits nesting to 64 levels (the loader's own limit), and
    /// never throws: a syntax error comes back as a <see cref="JsonError"/>.
    /// </summary>
    internal sealed class JsonReader
    {
        public const int MaxDepth = 64;

        private readonly string text;
        private int position;
        private JsonError? error;

        private JsonReader(string text) => this.text = text;

        /// <summary>Parses <paramref name="text"/>; null root for an empty (or comment-only) file.</summary>
        public static JsonNode? Parse(string text, out JsonError? error)
        {
            var reader = new JsonReader(text);
            reader.SkipTrivia();
            if (reader.position >= text.Length || reader.error is not null)
            {
                error = reader.error;
                return null;
            }

            var root = reader.ReadValue(0);
            if (reader.error is null)
            {
                reader.SkipTrivia();
                if (reader.error is null && reader.position < text.Length)
                {
                    reader.Fail("unexpected text after the end of the JSON document");
                }
            }

            error = reader.error;
            return error is null ? root : null;
        }

        private JsonNode? ReadValue(int depth)
        {
            if (position >= text.Length)
            {
                return Fail("unexpected end of file");
            }

            switch (text[position])
            {
                case '{':
                    return depth >= MaxDepth ? Fail("nesting is deeper than " + MaxDepth + " levels") : ReadContainer(JsonKind.Object, '}', depth);
                case '[':
                    return depth >= MaxDepth ? Fail("nesting is deeper than " + MaxDepth + " levels") : ReadContainer(JsonKind.Array, ']', depth);
                case '"':
                    var start = position;
                    var value = ReadString();
                    return value is null ? null : new JsonNode(JsonKind.String, start) { Text = value, End = position };
                default:
                    return ReadLiteral();
            }
        }

        private JsonNode? ReadContainer(JsonKind kind, char close, int depth)
        {
            var node = new JsonNode(kind, position);
            position++;
            while (true)
            {
                SkipTrivia();
                if (error is not null)
                {
                    return null;
                }

                if (position >= text.Length)
                {
                    return Fail("unexpected end of file: missing '" + close + "'");
                }

                if (text[position] == close)
                {
                    position++;
                    node.End = position;
                    return node;
                }

                string? key = null;
                if (kind == JsonKind.Object)
                {
                    if (text[position] != '"')
                    {
                        return Fail("expected a property name in double quotes");
                    }

                    key = ReadString();
                    SkipTrivia();
                    if (key is null || error is not null)
                    {
                        return null;
                    }

                    if (position >= text.Length || text[position] != ':')
                    {
                        return Fail("expected ':' after the property name");
                    }

                    position++;
                    SkipTrivia();
                }

                var value = ReadValue(depth + 1);
                if (value is null)
                {
                    return null;
                }

                node.Children.Add(new KeyValuePair<string?, JsonNode>(key, value));
                SkipTrivia();
                if (error is not null)
                {
                    return null;
                }

                if (position >= text.Length)
                {
                    return Fail("unexpected end of file: missing '" + close + "'");
                }

                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    continue; // a trailing comma before the closing bracket is accepted
                }

                if (position < text.Length && text[position] == close)
                {
                    continue;
                }

                return Fail("expected ',' or '" + close + "'");
            }
        }

        private string? ReadString()
        {
            position++; // opening quote
            var builder = new StringBuilder();
            while (position < text.Length)
            {
                var c = text[position];
                if (c == '"')
                {
                    position++;
                    return builder.ToString();
                }

                if (c == '\n' || c == '\r')
                {
                    Fail("unterminated string");
                    return null;
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    position++;
                    continue;
                }

                if (position + 1 >= text.Length)
                {
                    break;
                }

                var escape = text[position + 1];
                position += 2;
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (position + 4 > text.Length
                            || !int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            position -= 2;
                            Fail("invalid \\u escape");
                            return null;
                        }

                        builder.Append((char)code);
                        position += 4;
                        break;
                    default:
                        position -= 2;
                        Fail("invalid escape sequence");
                        return null;
                }
            }

            Fail("unterminated string");
            return null;
        }

        private JsonNode? ReadLiteral()
        {
            var start = position;
            while (position < text.Length)
            {
                var c = text[position];
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '+' || c == '.'))
                {
                    break;
                }

                position++;
            }

            var literal = text.Substring(start, position - start);
            if (literal == "true" || literal == "false" || literal == "null"
                || double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return new JsonNode(JsonKind.Other, start) { End = position, Text = literal };
            }

            position = start;
            return Fail(literal.Length == 0 ? "unexpected character '" + text[start] + "'" : "unexpected '" + literal + "'");
        }

        private void SkipTrivia()
        {
            while (position < text.Length)
            {
                var c = text[position];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
                {
                    position++;
                }
                else if (c == '/' && position + 1 < text.Length && text[position + 1] == '/')
                {
                    while (position < text.Length && text[position] != '\n')
                    {
                        position++;
                    }
                }
                else if (c == '/' && position + 1 < text.Length && text[position + 1] == '*')
                {
                    var end = text.IndexOf("*/", position + 2, System.StringComparison.Ordinal);
                    if (end < 0)
                    {
                        Fail("unterminated comment");
                        return;
                    }

                    position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private JsonNode? Fail(string message)
        {
            error ??= new JsonError(System.Math.Min(position, text.Length), message);
            return null;
        }
    }
}
