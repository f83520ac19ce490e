using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
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
    /// public_base_url for unreachable hosts, Kestrel SslProtocols cleanup, the exact callback IPs in allowlists
    /// (RES4001, RES4002), and the WCF and servicePointManager certificate settings. The analyzer computes the exact edit.
    /// <para>
    /// Fix All collects the configuration-file diagnostics the host gives for the project (or every project) and applies
    /// every edit to its file. A host that reports no configuration-file diagnostics to Fix All, as <c>dotnet format</c>
    /// (it fixes C# documents only), gets an action that changes nothing, so it has nothing to warn about.
    /// </para>
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
            RuleIds.CertificateValidationDisabled, RuleIds.RevocationCheckDisabled, RuleIds.CloudRangeAllowlisted,
            RuleIds.IncompleteCallbackAllowlist);

        public override FixAllProvider GetFixAllProvider() => ConfigFileFixAll.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.TextDocument;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (document is Document || Edit(diagnostic) is not { } edit)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(edit.Title, token => ApplyAsync(document, new[] { edit }, token), EquivalenceKeys.ConfigFile(diagnostic.Id)),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        /// <summary>The edit a configuration-file diagnostic carries, or null.</summary>
        internal static ConfigEdit? Edit(Diagnostic diagnostic)
        {
            var properties = diagnostic.Properties;
            return properties.TryGetValue(ConfigFileAnalyzer.EditStartProperty, out var startText)
                && properties.TryGetValue(ConfigFileAnalyzer.EditLengthProperty, out var lengthText)
                && properties.TryGetValue(ConfigFileAnalyzer.ReplaceProperty, out var replace) && replace is not null
                && properties.TryGetValue(ConfigFileAnalyzer.TitleProperty, out var title) && title is not null
                && int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                ? new ConfigEdit(new TextSpan(start, length), replace, title)
                : null;
        }

        /// <summary>
        /// The solution with <paramref name="edits"/> applied to <paramref name="document"/>: identical edits once, and of
        /// two that conflict, the first in the file (the other is reported again on the next analysis).
        /// </summary>
        internal static async Task<Solution> ApplyAsync(TextDocument document, IEnumerable<ConfigEdit> edits, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = new List<TextChange>();
            foreach (var edit in edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length))
            {
                if (edit.Span.End > text.Length || changes.Any(c => c.Span == edit.Span && c.NewText == edit.Replace))
                {
                    continue;
                }

                if (!changes.Any(c => TextEdits.Conflict(c.Span, edit.Span)))
                {
                    changes.Add(new TextChange(edit.Span, edit.Replace));
                }
            }

            return changes.Count == 0
                ? document.Project.Solution
                : document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(changes));
        }

        /// <summary>One edit in a configuration file.</summary>
        internal sealed class ConfigEdit
        {
            public ConfigEdit(TextSpan span, string replace, string title)
            {
                Span = span;
                Replace = replace;
                Title = title;
            }

            public TextSpan Span { get; }

            public string Replace { get; }

            public string Title { get; }
        }

        /// <summary>Fix All over the configuration files of the project, or of every project in the solution.</summary>
        private sealed class ConfigFileFixAll : FixAllProvider
        {
            public static readonly ConfigFileFixAll Instance = new ConfigFileFixAll();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
                Task.FromResult<CodeAction?>(CodeAction.Create(
                    "Fix all in configuration files",
                    token => FixAllAsync(fixAllContext, token),
                    fixAllContext.CodeActionEquivalenceKey));

            private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
            {
                var solution = context.Solution;

                // A C# document holds no configuration-file diagnostics; its Fix All is a Fix All over none.
                if (context.Scope == FixAllScope.Document && context.Document is not null)
                {
                    return solution;
                }

                var projects = context.Scope == FixAllScope.Solution ? solution.Projects.ToList() : new List<Project> { context.Project };
                foreach (var project in projects)
                {
                    var byFile = new Dictionary<DocumentId, List<ConfigEdit>>();
                    foreach (var diagnostic in await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false))
                    {
                        if (diagnostic.Location.SourceTree is not null || Edit(diagnostic) is not { } edit)
                        {
                            continue;
                        }

                        var path = diagnostic.Location.GetLineSpan().Path;
                        var file = project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == path);
                        if (file is null)
                        {
                            continue;
                        }

                        if (!byFile.TryGetValue(file.Id, out var edits))
                        {
                            byFile[file.Id] = edits = new List<ConfigEdit>();
                        }

                        edits.Add(edit);
                    }

                    foreach (var pair in byFile)
                    {
                        solution = await ApplyAsync(solution.GetAdditionalDocument(pair.Key)!, pair.Value, cancellationToken).ConfigureAwait(false);
                    }
                }

                return solution;
            }
        }
    }
}
