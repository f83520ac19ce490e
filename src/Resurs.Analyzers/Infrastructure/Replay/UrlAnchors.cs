using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>Anchors for URL rules: the "://" of URLs written in the source, filtered by what follows it.</summary>
    internal static class UrlAnchors
    {
        public const string SchemeSeparator = "://";

        /// <summary>
        /// URLs whose host is an IP address ("https://192.121.110.100/", "http://[::1]/"), or is not written right
        /// there (a hole, a format item, the end of the literal), so it may be one.
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        public static void FindAddressHosts(FileText file, List<int> positions)
        {
            var text = file.Text;
            foreach (var at in file.Hits(SchemeSeparator))
            {
                var next = at + 3 < text.Length ? text[at + 3] : '"';
                if ((next >= '0' && next <= '9') || next is '[' or '{' or '\\' or '@' || (next == '"' && ConcatenationFollows(text, at + 3)))
                {
                    positions.Add(at);
                }
            }
        }
    
        /// <summary>
        /// URLs a callback rule could object to: any scheme but https (a "://" after the end of a regular-expression group
        /// or quantifier has none, see <see cref="EndsPattern"/>), a port other than 443, a host that is an
        /// address, a single label, bracketed, or that the host verdicts call risky (not an ordinary public name), and
        /// any URL whose authority is not written right there (a hole, a format item, a concatenation). The many
        /// "https://www.example-shop.se/..." URLs of ordinary code are ruled out on their text alone.
        /// <paramref name="riskyHosts"/> is asked for the file's verdicts only when a host gets that far, so a file of
        /// plain http or address URLs never reads the options the verdicts depend on.
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        public static void FindRiskyUrls(FileText file, List<int> positions, Func<SyntaxTree, HostVerdicts> riskyHosts)
        {
            HostVerdicts? verdicts = null;
            foreach (var at in file.Hits(SchemeSeparator))
            {
                if (IsRisky(file, at, riskyHosts, ref verdicts))
                {
                    positions.Add(at);
                }
            }
        }

        [MethodImpl(Jit.Optimize)]
        private static bool IsRisky(FileText file, int separator, Func<SyntaxTree, HostVerdicts> riskyHosts, ref HostVerdicts? verdicts)
        {
            var text = file.Text;
            var schemeStart = separator;
            while (schemeStart > 0 && separator - schemeStart < 16 && IsSchemeChar(text[schemeStart - 1]))
            {
                schemeStart--;
            }

            if (separator - schemeStart != 5 || string.Compare(text, schemeStart, "https", 0, 5, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return schemeStart != separator || separator == 0 || !EndsPattern(text[separator - 1]);
            }

            var start = separator + 3;
            var end = start;
            var hostStart = start;
            while (end < text.Length && end - start < 256)
            {
                var c = text[end];
                if (c == '{' || c == '}' || c == '[' || c == '%')
                {
                    return true;
                }

                if (c == '@')
                {
                    hostStart = end + 1;
                }
                else if (IsAuthorityEnd(c))
                {
                    break;
                }

                end++;
            }

            if (end == start && end < text.Length && text[end] == '"')
            {
                // "https://" on its own: a host follows only if the literal is concatenated with more.
                return ConcatenationFollows(text, end);
            }

            var hostEnd = end;
            for (var i = hostStart; i < end; i++)
            {
                if (text[i] == ':')
                {
                    if (end - i - 1 != 3 || string.CompareOrdinal(text, i + 1, "443", 0, 3) != 0)
                    {
                        return true;
                    }

                    hostEnd = i;
                    break;
                }
            }

            if (hostEnd > hostStart && text[hostEnd - 1] == '.')
            {
                hostEnd--;
            }

            var dots = 0;
            var letters = false;
            for (var i = hostStart; i < hostEnd; i++)
            {
                var c = text[i];
                if (c == '.')
                {
                    dots++;
                }
                else if (!(c >= '0' && c <= '9'))
                {
                    letters = true;
                }
            }

            if (dots == 0 || !letters)
            {
                return true;
            }

            verdicts ??= riskyHosts(file.Tree);
            return verdicts.Get(text, hostStart, hostEnd - hostStart);
        }

        /// <summary>True when the literal closed by the quote at <paramref name="quote"/> is followed by "+".</summary>
        [MethodImpl(Jit.Optimize)]
        private static bool ConcatenationFollows(string text, int quote)
        {
            for (var i = quote + 1; i < text.Length && i < quote + 64; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return text[i] == '+';
                }
            }

            return false;
        }

        /// <summary>
        /// True for a character that, written right before "://", leaves no scheme in any value the literal is part of:
        /// the end of a group, a class or a quantifier in a regular expression ("(https?)://", "\w*://"). A URL's scheme
        /// comes from a variable only through a hole or a concatenation, which put '}' or '"' there.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool EndsPattern(char c) => c is ')' or ']' or '*' or '?' or '|';

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsSchemeChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsAuthorityEnd(char c) =>
            c is '/' or '?' or '#' or '"' or '\\' or '\'' or '`' or ',' or ';' or '(' or ')' or '<' or '>' or '|' or '^' || char.IsWhiteSpace(c);
    }
}
