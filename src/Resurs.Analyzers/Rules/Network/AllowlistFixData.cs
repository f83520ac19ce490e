using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>How the RES4001/RES4002 fix edits a list.</summary>
    internal enum AllowlistFixMode
    {
        /// <summary>Replace the element with one copy per value (no value: remove it).</summary>
        Replace,

        /// <summary>Insert one copy of the element per value after it.</summary>
        InsertAfter,
    }

    /// <summary>
    /// What the allowlist fix needs, written by the analyzer and read by the fix: the one contract between them. It
    /// travels in the diagnostic's properties (the only channel Roslyn offers), but neither side reads or writes those
    /// strings itself. The fix checks <see cref="Matches"/> first, so it never edits a document that has changed since.
    /// </summary>
    internal sealed class AllowlistFixData
    {
        private const string ModeKey = "Mode";
        private const string ValuesKey = "Values";
        private const string PrefixKey = "Prefix";
        private const string SeparatorKey = "Separator";
        private const string TitleKey = "Title";
        private const string TemplateKey = "TemplateSpan";
        private const string LiteralKey = "LiteralSpan";
        private const string LiteralTextKey = "LiteralText";
        private const string PrefixSpanKey = "PrefixSpan";

        /// <summary>Values are IP addresses and CIDRs, which never hold this character.</summary>
        private const char ValueSeparator = '|';

        public AllowlistFixData(
            AllowlistFixMode mode,
            ImmutableArray<string> values,
            string? prefix,
            string? separator,
            string title,
            TextSpan template,
            TextSpan literal,
            string literalText,
            TextSpan? prefixSpan)
        {
            Mode = mode;
            Values = values;
            Prefix = prefix;
            Separator = separator;
            Title = title;
            Template = template;
            Literal = literal;
            LiteralText = literalText;
            PrefixSpan = prefixSpan;
        }

        public AllowlistFixMode Mode { get; }

        /// <summary>The addresses to write, formatted as the list writes them.</summary>
        public ImmutableArray<string> Values { get; }

        /// <summary>The prefix length to write into an <c>IPNetwork</c> copy ("32", "128"), or null.</summary>
        public string? Prefix { get; }

        /// <summary>For an item inside one list literal ("a, b"), the separator between items; null for list elements.</summary>
        public string? Separator { get; }

        public string Title { get; }

        /// <summary>The element to copy or replace.</summary>
        public TextSpan Template { get; }

        /// <summary>The address literal inside <see cref="Template"/>.</summary>
        public TextSpan Literal { get; }

        /// <summary>The literal's text when the diagnostic was made.</summary>
        public string LiteralText { get; }

        /// <summary>The prefix-length literal inside <see cref="Template"/>, for <c>new IPNetwork(…, 16)</c>.</summary>
        public TextSpan? PrefixSpan { get; }

        public static AllowlistFixData? From(ImmutableDictionary<string, string?> properties)
        {
            if (!properties.TryGetValue(TitleKey, out var title) || title is null
                || !properties.TryGetValue(ModeKey, out var modeText) || !Enum.TryParse<AllowlistFixMode>(modeText, out var mode)
                || Span(properties, TemplateKey) is not { } template
                || Span(properties, LiteralKey) is not { } literal
                || !template.Contains(literal)
                || !properties.TryGetValue(LiteralTextKey, out var literalText) || literalText is null)
            {
                return null;
            }

            properties.TryGetValue(ValuesKey, out var values);
            properties.TryGetValue(PrefixKey, out var prefix);
            properties.TryGetValue(SeparatorKey, out var separator);
            return new AllowlistFixData(
                mode,
                (values ?? string.Empty).Split(new[] { ValueSeparator }, StringSplitOptions.RemoveEmptyEntries).ToImmutableArray(),
                prefix,
                separator,
                title,
                template,
                literal,
                literalText,
                Span(properties, PrefixSpanKey));
        }

        public ImmutableDictionary<string, string?> ToProperties()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            builder.Add(ModeKey, Mode.ToString());
            builder.Add(ValuesKey, string.Join(ValueSeparator.ToString(), Values));
            builder.Add(TitleKey, Title);
            builder.Add(TemplateKey, Format(Template));
            builder.Add(LiteralKey, Format(Literal));
            builder.Add(LiteralTextKey, LiteralText);
            if (Prefix is not null)
            {
                builder.Add(PrefixKey, Prefix);
            }

            if (Separator is not null)
            {
                builder.Add(SeparatorKey, Separator);
            }

            if (PrefixSpan is { } prefixSpan)
            {
                builder.Add(PrefixSpanKey, Format(prefixSpan));
            }

            return builder.ToImmutable();
        }

        /// <summary>Whether <paramref name="text"/> is still the document the diagnostic was made on, where the fix edits.</summary>
        public bool Matches(SourceText text) =>
            Template.End <= text.Length
            && (PrefixSpan is not { } prefix || Template.Contains(prefix))
            && string.Equals(text.ToString(Literal), LiteralText, StringComparison.Ordinal);

        private static string Format(TextSpan span) =>
            span.Start.ToString(CultureInfo.InvariantCulture) + "," + span.Length.ToString(CultureInfo.InvariantCulture);

        private static TextSpan? Span(ImmutableDictionary<string, string?> properties, string key)
        {
            if (!properties.TryGetValue(key, out var value) || value is null)
            {
                return null;
            }

            var comma = value.IndexOf(',');
            return comma > 0
                && int.TryParse(value.Substring(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && int.TryParse(value.Substring(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                    ? new TextSpan(start, length)
                    : null;
        }
    }
}
