using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.CodeFixes;
using Resurs.Analyzers.CodeFixes.Certificates;
using Resurs.Analyzers.Rules.Certificates;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;

namespace Resurs.Analyzers.Tests.Fixes
{
    /// <summary>
    /// The discards a fix writes (<c>(_, _, _, errors) =&gt; …</c>) are discards in the tree it returns, not only once the
    /// text is parsed again: a pipeline that keeps the fixed tree (the IDE's preview, chained fixes) must not see
    /// "CS0100: The parameter name '_' is a duplicate".
    /// </summary>
    public class DiscardParametersTests
    {
        [Fact]
        public async Task Accept_only_valid_certificates_on_an_anonymous_method_writes_real_discards()
        {
            using var workspace = new AdhocWorkspace();
            var references = await TestEnvironment.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var project = workspace.CurrentSolution
                .AddProject("Shop", "Shop", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.CSharp12))
                .AddMetadataReferences(references);
            var document = project.AddDocument("Legacy.cs", SourceText.From(@"
using System.Net;

class Legacy
{
    void M() => ServicePointManager.ServerCertificateValidationCallback = delegate { return true; };
}
"));
            var compilation = (await document.Project.GetCompilationAsync())!;
            var diagnostic = (await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CertificateValidationAnalyzer()))
                .GetAnalyzerDiagnosticsAsync()).Single(d => d.Id == "RES3001");

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await new CertificateValidationCodeFixProvider().RegisterCodeFixesAsync(context);
            var accept = actions.Single(action => action.EquivalenceKey == EquivalenceKeys.AcceptOnlyValidCertificates);

            var changed = await FixOutcomes.ApplyAsync(accept);
            var fixedDocument = changed.GetDocument(document.Id)!;
            Assert.Contains("(_, _, _, errors) =>", (await fixedDocument.GetTextAsync()).ToString());
            var errors = (await fixedDocument.Project.GetCompilationAsync())!.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => d.Id + " " + d.GetMessage())
                .ToList();
            Assert.Empty(errors);
        }
    }
}
