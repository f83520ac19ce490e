using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Infrastructure.Replay;
using Resurs.Analyzers.Options;

namespace Resurs.Analyzers.Rules.Callbacks
{
    /// <summary>
    /// RES1001: a string literal whose URL or host name belongs to a reverse-tunnel, relay or request-capture service.
    /// Reported in any non-test code, not only at callbacks: such a host never belongs in a shipped program.
    /// </summary>
    internal static class TunnelUrls
    {
        private const int MaxUrlsPerLiteral = 16;

        /// <summary>
        /// Anchors for RES1001: a tunnel host is written in a URL (found by the callback URL anchors), in a UriBuilder,
        /// or bare; bare names are found for the FAQ's own two services (ngrok, LocalTunnel's loca.lt) and for every
        /// <c>tunnel_domains</c> entry.
        /// </summary>
        public static void FindBareAnchors(FileText file, ImmutableArray<string> extraDomains, List<int> positions)
        {
            file.FindAll(BareTunnelAnchors, positions);
            foreach (var domain in extraDomains)
            {
                file.FindAllIgnoreCase(domain, positions);
            }
        }

        /// <summary>The tunnel services named by the FAQ, found bare (without a scheme).</summary>
        public static readonly string[] BareTunnelAnchors = { "ngrok", "loca.lt" };

        /// <summary>RES1001 for one string literal or interpolated-string text part.</summary>
        public static void AnalyzeLiteral(OperationContext context, AnalysisPolicy policy)
        {
            var literal = (ILiteralOperation)context.Operation;

            // Pre-filter on the token's own text (no constant-value lookup, which boxes numbers): only string literals
            // with a '.' can hold a host name. This keeps ordinary literals nearly free.
            if (StringLiterals.Text(literal.Syntax) is not { Length: >= 4 } text || text.IndexOf('.') < 0)
            {
                return;
            }

            var tree = literal.Syntax.SyntaxTree;
            UrlParts url;
            if (UrlScanner.TryFindUrl(text, 0, out url, out var next))
            {
                for (var count = 0; count < MaxUrlsPerLiteral; count++)
                {
                    if (Check(context, policy, literal, text, url, tree))
                    {
                        return;
                    }

                    if (!UrlScanner.TryFindUrl(text, next, out url, out next))
                    {
                        return;
                    }
                }

                return;
            }

            // "{sub}.ngrok.io/cb": the text part after an interpolation hole starts at the dot.
            if (text[0] == '.' && literal.Syntax is InterpolatedStringTextSyntax)
            {
                text = text.Substring(1);
            }

            if (text.IndexOf(' ') < 0 && UrlScanner.TryParseBareHost(text, out url) && !IsComparedOrListed(literal))
            {
                Check(context, policy, literal, text, url, tree);
            }
        }

        private static bool Check(OperationContext context, AnalysisPolicy policy, ILiteralOperation literal, string text, UrlParts url, SyntaxTree tree)
        {
            if (url.Bracketed || UrlScanner.NormalizeHost(text, url) is not { } host
                || !HostFacts.TryGetTunnel(host, policy.Read(ResursOptions.TunnelDomains, RuleIds.TunnelUrl, tree), out var service)
                || !policy.ShouldReport(RuleIds.TunnelUrl, tree))
            {
                return false;
            }

            var node = literal.Syntax is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax whole } ? whole : literal.Syntax;
            var note = policy.DevelopmentNote(RuleIds.TunnelUrl, node);
            if (note is null)
            {
                return true;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            var baseUrl = policy.Read(ResursOptions.PublicBaseUrl, RuleIds.TunnelUrl, tree);
            if (baseUrl.Length > 0 && url.SchemeLength > 0)
            {
                var authority = text.Substring(url.Start, url.AuthorityEnd - url.Start);
                if (node.ToString().IndexOf(authority, System.StringComparison.Ordinal) >= 0)
                {
                    properties = properties
                        .Add(CallbackUrlAnalyzer.FindProperty, authority)
                        .Add(CallbackUrlAnalyzer.ReplaceProperty, baseUrl)
                        .Add(CallbackUrlAnalyzer.TitleProperty, "Use " + baseUrl);
                }
            }

            var shown = text.Substring(url.Start, System.Math.Min(text.Length - url.Start, System.Math.Max(url.AuthorityEnd - url.Start, 0) + 40));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES1001, node.GetLocation(), properties, shown, Explain(service, host), note));
            return true;
        }

        /// <summary>
        /// A bare domain that is compared, matched or listed ("host == \"webhook.site\"", EndsWith("ngrok.io"),
        /// a block list) is detection code, not a URL the program uses.
        /// </summary>
        private static bool IsComparedOrListed(IOperation literal)
        {
            var parent = literal.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                case IPatternOperation:
                case ICaseClauseOperation:
                case IArrayInitializerOperation:
                    return true;
                case IArgumentOperation { Parent: IInvocationOperation invocation }:
                    return invocation.IsImplicit
                        || invocation.TargetMethod.Name is "EndsWith" or "StartsWith" or "Contains" or "Equals" or "IndexOf" or "Compare" or "Add";
                default:
                    return false;
            }
        }

        internal static string Explain(TunnelService service, string host) => service.Kind switch
        {
            TunnelKind.Capture => service.Name + " (" + host + "), a request-capture service: callbacks would land in a stranger's inbox"
                + (service.Domain == "webhook.site" ? " (Resurs's own examples use webhook.site only as a placeholder)" : string.Empty),
            TunnelKind.Relay => service.Name + " (" + host + "), a webhook relay that puts a third party between Resurs and your shop",
            _ => service.Name + " (" + host + "), a tunnel service that Resurs's firewall blocks; tunnel URLs never belong in shipped code",
        };
    }
}
