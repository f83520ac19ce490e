using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Options;
using Resurs.Analyzers.Rules.Callbacks;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>What the code fix needs, carried in the diagnostic's properties.</summary>
    public sealed partial class AllowlistAnalyzer
    {
        private sealed partial class CompilationAnalysis
        {
            /// <summary>RES4001: replace the range with the callback IPs it holds that the list does not already have.</summary>
            private static ImmutableDictionary<string, string?>? CloudRangeFix(Container container, Entry entry, List<IPValue> values)
            {
                var bare = entry.Shape == LeafShape.Text && container.Entries.Any(e => e.Shape == LeafShape.Text && e.Cidr.IsSingleAddress && !e.HasPrefix);
                var isCreation = entry.NetworkCreation is not null;
                var texts = values.Select(ip => AddressList.Format(ip, withPrefix: !isCreation && !bare, entry.Masked)).ToList();
                string? prefix = null;
                if (isCreation)
                {
                    if (entry.PrefixNode is null || values.Select(v => v.IsV6).Distinct().Count() > 1)
                    {
                        return null;
                    }

                    prefix = values.Count > 0 && values[0].IsV6 ? "128" : "32";
                }

                var title = values.Count == 0
                    ? "Remove " + entry.Display + "; its callback IPs are already listed"
                    : "Allow only " + Prose.JoinAnd(values.Select(v => v.ToString()).ToList());
                if (entry.ItemSpan is { } itemSpan)
                {
                    return Fix(entry.Tree, AllowlistFixMode.Replace, texts, prefix, entry.ListSeparator ?? container.SplitSeparator ?? ", ", title, itemSpan, itemSpan, null);
                }

                if (entry.Literal is null || entry.Literal.SyntaxTree != entry.Tree)
                {
                    return null;
                }

                if (container.IsCollection && entry.ElementSyntax is { } element && element.SyntaxTree == entry.Tree
                    && element.Span.Contains(entry.Literal.Span) && (entry.PrefixNode is null || element.Span.Contains(entry.PrefixNode.Span)))
                {
                    return Fix(entry.Tree, AllowlistFixMode.Replace, texts, prefix, null, title, element.Span, entry.Literal.Span, entry.PrefixNode?.Span);
                }

                if (values.Count != 1)
                {
                    return null;
                }

                var template = isCreation ? entry.NetworkCreation! : entry.Literal;
                return Fix(entry.Tree, AllowlistFixMode.Replace, texts, prefix, null, title, template.Span, entry.Literal.Span, entry.PrefixNode?.Span);
            }

            /// <summary>RES4002: copy the last callback-IP element once per missing IP, right after it.</summary>
            private static ImmutableDictionary<string, string?>? MissingIpsFix(
                Container container, SyntaxTree tree, ImmutableArray<IPValue> callbackIps, List<IPValue> missing)
            {
                Entry? template = null;
                foreach (var entry in container.Entries)
                {
                    if (entry.Tree == tree && entry.Cidr.IsSingleAddress && callbackIps.Contains(entry.Cidr.Network)
                        && (entry.ItemSpan is not null
                            || (entry.Literal is { } literal && entry.ElementSyntax is { } element && element.SyntaxTree == tree && element.Span.Contains(literal.Span))))
                    {
                        template = entry;
                    }
                }

                if (template is null || (template.NetworkCreation is not null && missing.Any(ip => ip.IsV6 != template.Cidr.Network.IsV6)))
                {
                    return null;
                }

                var withPrefix = template.HasPrefix && template.NetworkCreation is null;
                var texts = missing.Select(ip => AddressList.Format(ip, withPrefix, template.Masked)).ToList();
                var title = "Add " + Prose.JoinAnd(missing.Select(ip => ip.ToString()).ToList());
                if (template.ItemSpan is { } itemSpan)
                {
                    return Fix(tree, AllowlistFixMode.InsertAfter, texts, null, template.ListSeparator ?? container.SplitSeparator ?? ", ", title, itemSpan, itemSpan, null);
                }

                return Fix(tree, AllowlistFixMode.InsertAfter, texts, null, null, title, template.ElementSyntax!.Span, template.Literal!.Span, null);
            }

            private static ImmutableDictionary<string, string?> Fix(
                SyntaxTree tree, AllowlistFixMode mode, List<string> values, string? prefix, string? separator, string title, TextSpan template, TextSpan literal, TextSpan? prefixSpan) =>
                new AllowlistFixData(mode, values.ToImmutableArray(), prefix, separator, title, template, literal, tree.GetText().ToString(literal), prefixSpan).ToProperties();

            /// <summary>The source span of one item inside a regular or verbatim literal without escapes.</summary>
            private static TextSpan? ItemSpan(SyntaxNode node, string value, AddressItem item)
            {
                if (node is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
                {
                    return null;
                }

                var text = literal.Token.Text;
                var open = text.StartsWith("@\"", StringComparison.Ordinal) ? 2 : text.StartsWith("\"", StringComparison.Ordinal) ? 1 : -1;
                if (open < 0 || text.Length != value.Length + open + 1 || string.CompareOrdinal(text, open, value, 0, value.Length) != 0)
                {
                    return null;
                }

                return new TextSpan(literal.Token.SpanStart + open + item.Start, item.Length);
            }
        }
    }
}
