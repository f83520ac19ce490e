using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Rules.Configuration;

namespace Resurs.Analyzers.CodeFixes.Configuration
{
    /// <summary>
    /// Fixes in appsettings*.json and .config files (additional documents): https and port fixes for callback URLs,
    /// public_base_url for unreachable hosts, and Kestrel SslProtocols cleanup. The analyzer computes the exact edit.
    /// </summary>
    [ExportCodeFixProvider(
        LanguageNames.CSharp,
        Name = nameof(ConfigFileCodeFixProvider),
        DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) },
        DocumentExtensions = new[] { ".json", ".config" })]
    [Shared]
    public sealed class ConfigFileCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.TunnelUrl, RuleIds.NonPublicCallbackAddress, RuleIds.InternalCallbackHost, RuleIds.InsecureCallbackScheme,
            RuleIds.NonStandardCallbackPort, RuleIds.WeakSslProtocols, RuleIds.TlsHardeningSwitchDisabled,
            RuleIds.CertificateValidationDisabled, RuleIds.RevocationCheckDisabled);

        /// <summary>Roslyn 4.8's Fix All works on C# documents only; each config-file fix is applied on its own.</summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var properties = diagnostic.Properties;
                if (properties.TryGetValue(ConfigFileAnalyzer.EditStartProperty, out var startText)
                    && properties.TryGetValue(ConfigFileAnalyzer.EditLengthProperty, out var lengthText)
                    && properties.TryGetValue(ConfigFileAnalyzer.ReplaceProperty, out var replace) && replace is not null
                    && properties.TryGetValue(ConfigFileAnalyzer.TitleProperty, out var title) && title is not null
                    && int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                    && int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    var document = context.TextDocument;
                    context.RegisterCodeFix(
                        CodeAction.Create(title, token => ApplyAsync(document, new TextSpan(start, length), replace, token), EquivalenceKeys.ConfigFile(diagnostic.Id)),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Solution> ApplyAsync(TextDocument document, TextSpan span, string replace, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (span.End > text.Length)
            {
                return document.Project.Solution;
            }

            return document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(new TextChange(span, replace)));
        }
    }
}
