using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Rules.Network;

namespace Resurs.Analyzers.CodeFixes.Network
{
    /// <summary>
    /// RES4001 and RES4002. The analyzer names an element to copy (an initializer element, a params argument, an Add
    /// statement, or one address inside a list literal), the literal inside it, and the addresses to write. RES4001
    /// replaces the range's element with one copy per exact callback IP it holds; RES4002 inserts one copy per missing
    /// callback IP after the last one the list has. Copies keep the element's shape (bare IP or /32, IPNetwork.Parse,
    /// Add call) and the list's separators and indentation.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllowlistCodeFixProvider))]
    [Shared]
    public sealed class AllowlistCodeFixProvider : ResursCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.CloudRangeAllowlisted, RuleIds.IncompleteCallbackAllowlist);

        protected override Task<ImmutableArray<FixChoice>> ChoicesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            Task.FromResult(AllowlistFixData.From(diagnostic.Properties) is { } fix
                ? ImmutableArray.Create(new FixChoice(
                    fix.Title,
                    diagnostic.Id == RuleIds.CloudRangeAllowlisted ? EquivalenceKeys.AllowExactCallbackIps : EquivalenceKeys.AddMissingCallbackIps))
                : ImmutableArray<FixChoice>.Empty);

        /// <summary>Every fix is an edit of the text the analyzer saw; edits that touch one another are left for the next run.</summary>
        protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<(Diagnostic Diagnostic, string Key)> fixes, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var changes = new List<TextChange>();
            foreach (var (diagnostic, _) in fixes)
            {
                if (AllowlistFixData.From(diagnostic.Properties) is { } fix && fix.Matches(text)
                    && Change(root, text, fix) is { } change
                    && !changes.Any(c => TextEdits.Conflict(c.Span, change.Span)))
                {
                    changes.Add(change);
                }
            }

            return changes.Count == 0 ? document : document.WithText(text.WithChanges(changes.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.Length)));
        }

        private static TextChange? Change(SyntaxNode root, SourceText text, AllowlistFixData fix)
        {
            var template = fix.Template;
            var literal = fix.Literal;
            var prefix = fix.PrefixSpan;
            var values = fix.Values;
            var separator = fix.Separator;
            var prefixText = fix.Prefix;
            var insert = fix.Mode == AllowlistFixMode.InsertAfter;

            List<string> pieces;
            string joiner;
            SyntaxNode? element = null;
            if (separator is not null)
            {
                // One address inside a list literal: "13.50.187.51, 51.21.0.0/16".
                pieces = values.ToList();
                joiner = separator;
            }
            else
            {
                element = ElementAt(root, template);
                var quote = text.ToString(literal).StartsWith("@\"", StringComparison.Ordinal) ? "@\"" : "\"";
                var templateText = text.ToString(template);
                pieces = values.Select(value => Copy(templateText, template.Start, literal, quote + value + "\"", prefix, prefixText)).ToList();
                joiner = element is null ? ", " : Joiner(element, text);
            }

            if (insert)
            {
                return new TextChange(new TextSpan(template.End, 0), joiner + string.Join(joiner, pieces));
            }

            return pieces.Count > 0
                ? new TextChange(template, string.Join(joiner, pieces))
                : new TextChange(RemovalSpan(element, text, template, separator), string.Empty);
        }

        /// <summary>The template's text with the address literal (and the prefix length) replaced.</summary>
        private static string Copy(string templateText, int templateStart, TextSpan literal, string literalText, TextSpan? prefix, string? prefixText)
        {
            var edits = new List<(TextSpan Span, string Text)> { (literal, literalText) };
            if (prefix is { } prefixSpan && prefixText is not null)
            {
                edits.Add((prefixSpan, prefixText));
            }

            var builder = new StringBuilder(templateText);
            foreach (var (span, replacement) in edits.OrderByDescending(e => e.Span.Start))
            {
                builder.Remove(span.Start - templateStart, span.Length);
                builder.Insert(span.Start - templateStart, replacement);
            }

            return builder.ToString();
        }

        /// <summary>The outermost node with exactly <paramref name="span"/>: the element, argument or statement.</summary>
        private static SyntaxNode? ElementAt(SyntaxNode root, TextSpan span)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (node.Span != span)
            {
                return null;
            }

            while (node.Parent is { } parent && parent.Span == span)
            {
                node = parent;
            }

            return node;
        }

        /// <summary>What separates this element from its neighbours: ", " or ",\n        " in lists, a new line and indentation for statements.</summary>
        private static string Joiner(SyntaxNode element, SourceText text)
        {
            if (Siblings(element) is { } siblings)
            {
                var index = siblings.IndexOf(element);
                if (index > 0)
                {
                    return text.ToString(TextSpan.FromBounds(siblings[index - 1].Span.End, element.SpanStart));
                }

                if (index >= 0 && index + 1 < siblings.Count)
                {
                    return text.ToString(TextSpan.FromBounds(element.Span.End, siblings[index + 1].SpanStart));
                }

                return ", ";
            }

            if (element is StatementSyntax)
            {
                var line = text.Lines.GetLineFromPosition(element.SpanStart);
                var indentation = text.ToString(TextSpan.FromBounds(line.Start, element.SpanStart));
                if (indentation.Trim().Length > 0)
                {
                    indentation = string.Empty;
                }

                var lastLine = text.Lines.GetLineFromPosition(element.Span.End);
                var newLine = lastLine.EndIncludingLineBreak > lastLine.End
                    ? text.ToString(TextSpan.FromBounds(lastLine.End, lastLine.EndIncludingLineBreak))
                    : (text.Lines.Count > 1 && text.ToString(TextSpan.FromBounds(text.Lines[0].End, text.Lines[0].EndIncludingLineBreak)) == "\r\n" ? "\r\n" : "\n");
                return newLine + indentation;
            }

            return ", ";
        }

        private static List<SyntaxNode>? Siblings(SyntaxNode element) => element.Parent switch
        {
            InitializerExpressionSyntax initializer => initializer.Expressions.Cast<SyntaxNode>().ToList(),
            CollectionExpressionSyntax collection => collection.Elements.Cast<SyntaxNode>().ToList(),
            ArgumentListSyntax arguments => arguments.Arguments.Cast<SyntaxNode>().ToList(),
            _ => null,
        };

        /// <summary>What to delete when a range's callback IPs are all listed already: the element and one separator.</summary>
        private static TextSpan RemovalSpan(SyntaxNode? element, SourceText text, TextSpan template, string? separator)
        {
            if (separator is not null)
            {
                if (template.End + separator.Length <= text.Length && text.ToString(new TextSpan(template.End, separator.Length)) == separator)
                {
                    return new TextSpan(template.Start, template.Length + separator.Length);
                }

                if (template.Start >= separator.Length && text.ToString(new TextSpan(template.Start - separator.Length, separator.Length)) == separator)
                {
                    return TextSpan.FromBounds(template.Start - separator.Length, template.End);
                }

                return template;
            }

            if (element is not null && Siblings(element) is { } siblings)
            {
                var index = siblings.IndexOf(element);
                if (index > 0)
                {
                    return TextSpan.FromBounds(siblings[index - 1].Span.End, element.Span.End);
                }

                if (index >= 0 && index + 1 < siblings.Count)
                {
                    return TextSpan.FromBounds(element.SpanStart, siblings[index + 1].SpanStart);
                }
            }

            return element is StatementSyntax statement ? statement.FullSpan : template;
        }
    }
}
