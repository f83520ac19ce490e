using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Net;

namespace Resurs.Analyzers.Rules.Configuration
{
    /// <summary>
    /// The fixes for an address list in a configuration file (RES4001, RES4002), written in the list's own style: a JSON
    /// array gets quoted elements with the separator its elements already use, a comma-separated string (JSON value or
    /// <c>&lt;appSettings&gt;</c> value) gets items with its own separator, and addresses are bare or /32 like their neighbours.
    /// </summary>
    internal sealed class ListText
    {
        private readonly SourceText text;
        private readonly List<(AddressItem Item, string Text, TextSpan Span)> entries;
        private readonly bool elements;
        private readonly bool quoted;

        /// <param name="entries">The addresses in file order; each span is its JSON string (with quotes) or XML attribute value (without).</param>
        /// <param name="elements">The list is a JSON array, one address (or comma-separated addresses) per element.</param>
        /// <param name="json">The spans are JSON strings, so the characters start after the opening quote.</param>
        public ListText(SourceText text, List<(AddressItem Item, string Text, TextSpan Span)> entries, bool elements, bool json)
        {
            this.text = text;
            this.entries = entries;
            this.elements = elements;
            quoted = json;
        }

        /// <summary>RES4001: the range at <paramref name="index"/> becomes the callback IPs it admits that the list does not already name.</summary>
        public (TextSpan Edit, string Replace, string Title)? ReplaceRange(int index, ImmutableArray<IPValue> callbackIps)
        {
            var entry = entries[index];
            var values = new List<IPValue>();
            foreach (var ip in callbackIps)
            {
                if (entry.Item.Cidr.Contains(ip) && !Names(ip, index))
                {
                    values.Add(ip);
                }
            }

            var texts = values.ConvertAll(ip => AddressList.Format(ip, withPrefix: !BareNeighbours(index), entry.Item.Masked));
            var title = values.Count == 0
                ? "Remove " + entry.Text + "; its callback IPs are already listed"
                : "Allow only " + Prose.JoinAnd(values.ConvertAll(ip => ip.ToString()));
            if (IsElement(index))
            {
                var separator = ElementSeparator();
                if (values.Count > 0)
                {
                    return (entry.Span, string.Join(separator, texts.ConvertAll(Quote)), title);
                }

                return Removal(ElementSpans(), ElementSpans().IndexOf(entry.Span), title);
            }

            if (ItemSpan(index) is not { } item)
            {
                return null;
            }

            var itemSeparator = ItemSeparator(entry.Span);
            if (values.Count > 0)
            {
                return (item, string.Join(itemSeparator, texts), title);
            }

            var items = new List<TextSpan>();
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Span == entry.Span && ItemSpan(i) is { } other)
                {
                    items.Add(other);
                }
            }

            return Removal(items, items.IndexOf(item), title);
        }

        /// <summary>RES4002: the missing IPs, written right after the last callback IP the list has, in its shape.</summary>
        public (TextSpan Edit, string Replace, string Title)? AddMissing(List<IPValue> missing, ImmutableArray<IPValue> callbackIps)
        {
            var template = -1;
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Item.IsSingleAddress && callbackIps.Contains(entries[i].Item.Cidr.Network))
                {
                    template = i;
                }
            }

            if (template < 0)
            {
                return null;
            }

            var texts = missing.ConvertAll(ip => AddressList.Format(ip, entries[template].Item.HasPrefix, entries[template].Item.Masked));
            var title = "Add " + Prose.JoinAnd(missing.ConvertAll(ip => ip.ToString()));
            if (IsElement(template))
            {
                var separator = ElementSeparator();
                return (new TextSpan(entries[template].Span.End, 0), separator + string.Join(separator, texts.ConvertAll(Quote)), title);
            }

            if (ItemSpan(template) is not { } item)
            {
                return null;
            }

            var itemSeparator = ItemSeparator(entries[template].Span);
            return (new TextSpan(item.End, 0), itemSeparator + string.Join(itemSeparator, texts), title);
        }

        private bool Names(IPValue ip, int except)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (i != except && entries[i].Item.IsSingleAddress && entries[i].Item.Cidr.Network.Equals(ip))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Single addresses elsewhere in the list are written without a prefix length.</summary>
        private bool BareNeighbours(int except)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (i != except && entries[i].Item.IsSingleAddress && !entries[i].Item.HasPrefix)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The entry is a whole JSON array element (the element holds no other address).</summary>
        private bool IsElement(int index) => elements && SharingValue(index) == 1;

        /// <summary>
        /// Where a finding on entry <paramref name="index"/> goes: the item itself inside a value that holds several
        /// ("51.21.0.0/16,13.50.0.0/16"), otherwise the whole value, as written.
        /// </summary>
        public TextSpan LocationOf(int index) =>
            SharingValue(index) > 1 && ItemSpan(index) is { } item ? item : entries[index].Span;

        /// <summary>How many entries come from the value entry <paramref name="index"/> comes from.</summary>
        private int SharingValue(int index)
        {
            var count = 0;
            foreach (var entry in entries)
            {
                count += entry.Span == entries[index].Span ? 1 : 0;
            }

            return count;
        }

        private List<TextSpan> ElementSpans()
        {
            var spans = new List<TextSpan>();
            foreach (var entry in entries)
            {
                if (spans.Count == 0 || spans[spans.Count - 1] != entry.Span)
                {
                    spans.Add(entry.Span);
                }
            }

            return spans;
        }

        private string ElementSeparator()
        {
            var spans = ElementSpans();
            return spans.Count > 1 ? text.ToString(TextSpan.FromBounds(spans[0].End, spans[1].Start)) : ", ";
        }

        /// <summary>Where the item is in the file, when the raw text spells it as the parsed value does (no escapes before it).</summary>
        private TextSpan? ItemSpan(int index)
        {
            var entry = entries[index];
            var start = entry.Span.Start + (quoted ? 1 : 0) + entry.Item.Start;
            var span = new TextSpan(start, entry.Item.Length);
            return span.End <= entry.Span.End && text.ToString(span) == entry.Text ? span : null;
        }

        private string ItemSeparator(TextSpan value)
        {
            TextSpan? previous = null;
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Span != value || ItemSpan(i) is not { } item)
                {
                    continue;
                }

                if (previous is { } before)
                {
                    return text.ToString(TextSpan.FromBounds(before.End, item.Start));
                }

                previous = item;
            }

            return ", ";
        }

        /// <summary>Removes the piece at <paramref name="index"/> with one separator; null when it is the only piece.</summary>
        private static (TextSpan Edit, string Replace, string Title)? Removal(List<TextSpan> pieces, int index, string title)
        {
            if (index < 0 || pieces.Count < 2)
            {
                return null;
            }

            var span = index + 1 < pieces.Count
                ? TextSpan.FromBounds(pieces[index].Start, pieces[index + 1].Start)
                : TextSpan.FromBounds(pieces[index - 1].End, pieces[index].End);
            return (span, string.Empty, title);
        }

        private static string Quote(string value) => "\"" + value + "\"";
    }
}
