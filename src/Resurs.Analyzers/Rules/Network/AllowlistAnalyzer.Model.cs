using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Options;
using Resurs.Analyzers.Rules.Callbacks;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>The lists the rule collects in a file: their entries, names and uses.</summary>
    public sealed partial class AllowlistAnalyzer
    {
        /// <summary>One address or network in a list, and where it is written.</summary>
        private sealed class Entry
        {
            public Entry(Cidr cidr, string display, LeafShape shape, bool hasPrefix, SyntaxNode reportNode)
            {
                Cidr = cidr;
                Display = display;
                Shape = shape;
                HasPrefix = hasPrefix;
                ReportNode = reportNode;
            }

            public Cidr Cidr { get; }

            /// <summary>As written: "51.21.0.0/16".</summary>
            public string Display { get; }

            public LeafShape Shape { get; }

            /// <summary>Written with "/n" (or a network type): new entries copy the form.</summary>
            public bool HasPrefix { get; }

            /// <summary>The prefix is a dotted mask ("/255.255.0.0"): new entries copy that form.</summary>
            public bool Masked { get; set; }

            /// <summary>The literal, or the <c>new IPNetwork(...)</c> creation.</summary>
            public SyntaxNode ReportNode { get; }

            /// <summary>The whole string literal (regular or verbatim) that holds the address, when there is one.</summary>
            public SyntaxNode? Literal { get; set; }

            /// <summary>For one of several addresses inside a literal: the address's span in the source.</summary>
            public TextSpan? ItemSpan { get; set; }

            public string? ListSeparator { get; set; }

            public SyntaxNode? ElementSyntax { get; set; }

            /// <summary>For <c>new IPNetwork(IPAddress.Parse("a"), n)</c>: the creation.</summary>
            public SyntaxNode? NetworkCreation { get; set; }

            /// <summary>The prefix-length literal of <see cref="NetworkCreation"/>.</summary>
            public SyntaxNode? PrefixNode { get; set; }

            /// <summary>
            /// For a value written in another file (a <c>const</c> in a <c>Constants.cs</c>): the literal there, while
            /// <see cref="ReportNode"/> is the reference in the list's file, where the IDE shows the finding.
            /// </summary>
            public SyntaxNode? Declaration { get; set; }

            /// <summary>How the message names the symbol of <see cref="Declaration"/>: "ResursConstants.AwsEuNorth1".</summary>
            public string? Via { get; set; }

            /// <summary>
            /// The symbol's own names say allow (<c>ResursConstants.AwsEuNorth1</c>, <c>AllowedRanges.Aws</c>): its file
            /// reports the range at the declaration, so the use does not report it again.
            /// </summary>
            public bool ReportedWhereWritten { get; set; }

            public TextSpan ReportSpan => ItemSpan ?? ReportNode.Span;

            public SyntaxTree Tree => ReportNode.SyntaxTree;

            public int Position => ElementSyntax is { } element && element.SyntaxTree == Tree ? element.SpanStart : ReportSpan.Start;
        }

        /// <summary>Everything known about one list (or single destination) in one type.</summary>
        private sealed class Container
        {
            public Container(ISymbol? symbol)
            {
                Symbol = symbol;
            }

            public ISymbol? Symbol { get; }

            public HashSet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal);

            public List<Entry> Entries { get; } = new List<Entry>();

            public HashSet<(SyntaxTree, TextSpan)> Seen { get; } = new HashSet<(SyntaxTree, TextSpan)>();

            public bool Forwarded { get; set; }

            public bool FeedsCheck { get; set; }

            public bool IsCollection { get; set; }

            public bool HasAdd { get; set; }

            public SyntaxNode? CollectionNode { get; set; }

            public SyntaxNode? FirstAddNode { get; set; }

            public SyntaxNode? CreationNode { get; set; }

            public string? SplitSeparator { get; set; }
        }

        /// <summary>What one file's replay has learnt about its lists (one thread replays a file, so no locks).</summary>
        private sealed class TypeState
        {
            public Dictionary<object, Container> Containers { get; } = new Dictionary<object, Container>();

            public Dictionary<ISymbol, (bool Allow, bool Deny, bool Check)> Uses { get; } =
                new Dictionary<ISymbol, (bool, bool, bool)>(SymbolEqualityComparer.Default);

            public Dictionary<ISymbol, SyntaxNode> Creations { get; } = new Dictionary<ISymbol, SyntaxNode>(SymbolEqualityComparer.Default);

            /// <summary>Fields and properties whose initializers were replayed: their uses elsewhere are followed.</summary>
            public HashSet<ISymbol> Declared { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        }
    }
}
