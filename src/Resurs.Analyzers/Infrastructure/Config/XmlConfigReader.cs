using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Microsoft.CodeAnalysis.Text;

namespace Resurs.Analyzers.Infrastructure.Config
{
    /// <summary>One attribute of a .config element: its decoded value and the span of the raw value between the quotes.</summary>
    internal readonly struct XmlAttributeValue
    {
        public XmlAttributeValue(string value, TextSpan span)
        {
            Value = value;
            Span = span;
        }

        public string Value { get; }

        public TextSpan Span { get; }
    }

    /// <summary>An element of a .config file: its path from the root (lower case) and its attributes.</summary>
    internal sealed class XmlConfigElement
    {
        public XmlConfigElement(string path, Dictionary<string, XmlAttributeValue> attributes)
        {
            Path = path;
            Attributes = attributes;
        }

        /// <summary>"configuration/appsettings/add".</summary>
        public string Path { get; }

        /// <summary>Attributes by name (case-insensitive).</summary>
        public Dictionary<string, XmlAttributeValue> Attributes { get; }
    }

    /// <summary>
    /// Reads web.config/app.config with System.Xml (DTDs prohibited, no resolver) and yields every element with its
    /// attribute values located in the text. A malformed file gives one error position and message instead.
    /// </summary>
    internal static class XmlConfigReader
    {
        public static List<XmlConfigElement>? Read(SourceText source, out int errorPosition, out string? errorMessage)
        {
            errorPosition = 0;
            errorMessage = null;
            var text = source.ToString();
            var elements = new List<XmlConfigElement>();
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreWhitespace = true,
                MaxCharactersInDocument = 64L * 1024 * 1024,
            };
            var path = new List<string>();
            try
            {
                using var reader = XmlReader.Create(new StringReader(text), settings);
                var lineInfo = (IXmlLineInfo)reader;
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.EndElement)
                    {
                        if (path.Count > 0)
                        {
                            path.RemoveAt(path.Count - 1);
                        }

                        continue;
                    }

                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    path.Add(reader.LocalName.ToLowerInvariant());
                    var attributes = new Dictionary<string, XmlAttributeValue>(StringComparer.OrdinalIgnoreCase);
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            var nameOffset = Offset(source, lineInfo.LineNumber, lineInfo.LinePosition);
                            if (ValueSpan(text, nameOffset + reader.Name.Length) is { } span)
                            {
                                attributes[reader.LocalName] = new XmlAttributeValue(reader.Value, span);
                            }
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    elements.Add(new XmlConfigElement(string.Join("/", path), attributes));
                    if (reader.IsEmptyElement)
                    {
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
            catch (XmlException exception)
            {
                errorPosition = exception.LineNumber > 0 ? Offset(source, exception.LineNumber, Math.Max(exception.LinePosition, 1)) : 0;
                errorMessage = exception.Message;
                return null;
            }

            return elements;
        }

        /// <summary>The raw value span after <c>name</c>: skip whitespace, '=', whitespace, the quote.</summary>
        private static TextSpan? ValueSpan(string text, int afterName)
        {
            var i = afterName;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=')
            {
                return null;
            }

            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || (text[i] != '"' && text[i] != '\''))
            {
                return null;
            }

            var close = text.IndexOf(text[i], i + 1);
            return close < 0 ? null : TextSpan.FromBounds(i + 1, close);
        }

        private static int Offset(SourceText source, int line, int column)
        {
            var lineIndex = Math.Min(Math.Max(line - 1, 0), source.Lines.Count - 1);
            var start = source.Lines[lineIndex].Start;
            return Math.Min(start + Math.Max(column - 1, 0), source.Length);
        }
    }
}
