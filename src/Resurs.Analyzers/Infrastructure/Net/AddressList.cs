using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Resurs.Analyzers.Infrastructure.Net
{
    /// <summary>One address or CIDR inside a string, with its position in that string.</summary>
    internal readonly struct AddressItem
    {
        public AddressItem(Cidr cidr, int start, int length, bool hasPrefix, bool masked = false)
        {
            Cidr = cidr;
            Start = start;
            Length = length;
            HasPrefix = hasPrefix;
            Masked = masked;
        }

        public Cidr Cidr { get; }

        public int Start { get; }

        public int Length { get; }

        /// <summary>True for "a.b.c.d/n", false for a bare address (which is a /32 or /128).</summary>
        public bool HasPrefix { get; }

        /// <summary>The prefix is written as a dotted mask: "13.50.0.0/255.255.0.0".</summary>
        public bool Masked { get; }

        /// <summary>One address: a bare IP or a /32 (/128).</summary>
        public bool IsSingleAddress => Cidr.IsSingleAddress;
    }

    /// <summary>
    /// A string that is one address or CIDR ("51.21.0.0/16"), or a list of them separated by commas, semicolons or
    /// whitespace ("192.121.110.100, 13.50.187.51"). Every item must parse strictly (<see cref="Cidr.TryParse"/>).
    /// </summary>
    internal static class AddressList
    {
        /// <summary>Longest string read as an address list.</summary>
        public const int MaxLength = 4096;

        /// <summary>
        /// The cheap pre-filter: only address characters and separators, starting like an address and holding a '.' or ':'.
        /// Everything else never reaches the parser.
        /// </summary>
        public static bool LooksLikeAddresses(string? text) => text is not null && LooksLikeAddresses(text, 0, text.Length);

        /// <summary>As <see cref="LooksLikeAddresses(string?)"/>, for the characters of <paramref name="text"/> from <paramref name="start"/>.</summary>
        [MethodImpl(Jit.Optimize)]
        public static bool LooksLikeAddresses(string text, int start, int length)
        {
            if (length < 2 || length > MaxLength)
            {
                return false;
            }

            var first = text[start];
            if (!(IsHexDigit(first) || first == ':'))
            {
                return false;
            }

            var separatorSeen = false;
            for (var i = start; i < start + length; i++)
            {
                var c = text[i];
                if (c == '.' || c == ':')
                {
                    separatorSeen = true;
                }
                else if (!(IsHexDigit(c) || c == '/' || IsListSeparator(c)))
                {
                    return false;
                }
            }

            return separatorSeen;
        }

        /// <summary>
        /// For a literal whose text starts at <paramref name="start"/> and runs to the next quote: whether that text passes
        /// <see cref="LooksLikeAddresses(string, int, int)"/>. Reads only as far as the first character no address list
        /// holds, so most literals ("application/json", "Bearer") are ruled out after a character or two.
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        public static bool LooksLikeQuotedAddresses(string text, int start)
        {
            for (var i = start; i < text.Length && i - start <= MaxLength; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    return LooksLikeAddresses(text, start, i - start);
                }

                if (!(IsHexDigit(c) || c == '.' || c == ':' || c == '/' || IsListSeparator(c)))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>Parses the whole string; <paramref name="separator"/> is the first separator run between items ("" for one item).</summary>
        public static bool TryParse(string text, out ImmutableArray<AddressItem> items, out string separator)
        {
            items = ImmutableArray<AddressItem>.Empty;
            separator = string.Empty;
            if (!LooksLikeAddresses(text))
            {
                return false;
            }

            var builder = ImmutableArray.CreateBuilder<AddressItem>();
            var i = 0;
            while (i < text.Length)
            {
                var separatorStart = i;
                while (i < text.Length && IsListSeparator(text[i]))
                {
                    i++;
                }

                if (i == text.Length)
                {
                    break;
                }

                if (builder.Count == 1 && separator.Length == 0)
                {
                    separator = text.Substring(separatorStart, i - separatorStart);
                }

                var start = i;
                while (i < text.Length && !IsListSeparator(text[i]))
                {
                    i++;
                }

                var item = text.Substring(start, i - start);
                if (!Cidr.TryParse(item, out var cidr))
                {
                    return false;
                }

                builder.Add(new AddressItem(cidr, start, i - start, item.IndexOf('/') >= 0, Cidr.IsMaskNotation(item)));
            }

            if (builder.Count == 0)
            {
                return false;
            }

            items = builder.ToImmutable();
            return true;
        }

        /// <summary>"51.21.32.255" or "51.21.32.255/32" ("/128" for IPv6; "/255.255.255.255" when the list writes masks).</summary>
        public static string Format(IPValue address, bool withPrefix, bool masked = false) =>
            !withPrefix ? address.ToString()
            : address + "/" + (address.IsV6 ? "128" : masked ? "255.255.255.255" : "32");

        private static bool IsListSeparator(char c) => c == ',' || c == ';' || c == ' ' || c == '\t';

        private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
