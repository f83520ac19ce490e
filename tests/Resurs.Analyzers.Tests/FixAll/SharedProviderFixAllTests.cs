using System;
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
using Resurs.Analyzers.CodeFixes.Callbacks;
using Resurs.Analyzers.CodeFixes.Certificates;
using Resurs.Analyzers.CodeFixes.Network;
using Resurs.Analyzers.CodeFixes.Tls;
using Resurs.Analyzers.Tests.Meta;
using Resurs.Analyzers.Tests.Robustness;
using Xunit;
using Resurs.Analyzers.Tests.Verifiers;
using static Resurs.Analyzers.Tests.Verifiers.FixOutcomes;

namespace Resurs.Analyzers.Tests.FixAll
{
    /// <summary>
    /// Providers that serve several rules (or offer several fixes for one), in a solution of two projects with two and one
    /// documents: Fix All in document, project and solution, under every key the provider offers and under none, fixes
    /// every diagnostic of every rule in its scope and nothing outside it. And the way <c>dotnet format</c> asks (one
    /// Fix All per rule, in the order of <c>--diagnostics</c>, with the key of whatever fix the first diagnostic offered)
    /// fixes every rule in one pass, in either order.
    /// </summary>
    public class SharedProviderFixAllTests
    {
        private const string EditorConfig = "root = true\n\n[*.cs]\nresurs_analyzers.public_base_url = https://shop.nordicgear.se\n";

        public static IEnumerable<object[]> Providers() => new[]
        {
            new object[] { nameof(CallbackUrlCodeFixProvider) },
            new object[] { nameof(WeakTlsProtocolCodeFixProvider) },
            new object[] { nameof(CertificateValidationCodeFixProvider) },
            new object[] { nameof(ChainTrustCodeFixProvider) },
            new object[] { nameof(AllowlistCodeFixProvider) },
        };

        private static CodeFixProvider Provider(string name) => Catalog.CodeFixes.Single(p => p.GetType().Name == name);

        /// <summary>Risky code for each provider: every rule it serves, some on overlapping spans.</summary>
        private static string Source(string provider, int n) => provider switch
        {
            nameof(CallbackUrlCodeFixProvider) => $@"
public sealed class BookingRequest{n} {{ public string? CallbackUrl {{ get; set; }} public string? SuccessUrl {{ get; set; }} public string? FailUrl {{ get; set; }} }}
public static class Bookings{n}
{{
    public static BookingRequest{n} A() => new BookingRequest{n} {{ CallbackUrl = ""http://shop.nordicgear.se:8080/resurs/callback"" }};
    public static BookingRequest{n} B() => new BookingRequest{n} {{ CallbackUrl = ""https://merchant-dev.ngrok.io/resurs/callback"" }};
    public static BookingRequest{n} C() => new BookingRequest{n} {{ SuccessUrl = ""http://10.0.0.5/checkout/success"" }};
    public static BookingRequest{n} D() => new BookingRequest{n} {{ FailUrl = ""http://localhost:5000/checkout/fail"" }};
}}",
            nameof(WeakTlsProtocolCodeFixProvider) => $@"
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
public static class Tls{n}
{{
    private const SecurityProtocolType Tls11 = (SecurityProtocolType)768;
    public static HttpClientHandler Handler() => new HttpClientHandler {{ SslProtocols = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12 }};
    public static void Configure()
    {{
        ServicePointManager.SecurityProtocol = Tls11;
        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls;
    }}
}}",
            nameof(CertificateValidationCodeFixProvider) => $@"
using System.Net.Http;
using System.Net.Security;
public static class Certificates{n}
{{
    public static HttpClientHandler Trusting(bool allow)
    {{
        var handler = new HttpClientHandler();
        if (allow)
        {{
            handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true;
        }}

        return handler;
    }}

    public static HttpClientHandler Stored()
    {{
        var accept = new System.Func<HttpRequestMessage, System.Security.Cryptography.X509Certificates.X509Certificate2?, System.Security.Cryptography.X509Certificates.X509Chain?, SslPolicyErrors, bool>((m, c, ch, e) => true);
        return new HttpClientHandler {{ ServerCertificateCustomValidationCallback = accept }};
    }}

    public static HttpClientHandler Lenient() => new HttpClientHandler
    {{
        ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
            errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch,
    }};
}}",
            nameof(ChainTrustCodeFixProvider) => $@"
using System.Security.Cryptography.X509Certificates;
public static class Chains{n}
{{
    public static X509ChainPolicy Policy() => new X509ChainPolicy
    {{
        VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreInvalidName,
        TrustMode = X509ChainTrustMode.CustomRootTrust,
    }};
}}",
            nameof(AllowlistCodeFixProvider) => $@"
using System.Collections.Generic;
public static class Filter{n}
{{
    public static readonly string[] CallbackIps = {{ ""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"" }};
    public static readonly List<string> AllowedRanges = new List<string> {{ ""192.121.110.100/32"", ""13.50.187.51/32"", ""51.20.0.0/14"" }};
    public static readonly string[] AllowedIps = {{ ""192.121.110.100"", ""13.50.187.51"", ""51.21.0.0/16"" }};
    public static readonly string[] AllowedMasks = {{ ""192.121.110.100/255.255.255.255"", ""13.50.187.51/255.255.255.255"", ""51.20.0.0/255.254.0.0"" }};
}}",
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };

        [Theory]
        [MemberData(nameof(Providers))]
        public async Task Every_rule_the_provider_serves_is_present_in_the_inputs(string name)
        {
            var provider = Provider(name);
            var solution = await CreateSolutionAsync(name);
            var ids = (await DiagnosticsAsync(solution, provider)).Select(d => d.Id).Distinct().ToList();
            Assert.Equal(provider.FixableDiagnosticIds.OrderBy(id => id), ids.OrderBy(id => id));
        }

        [Theory]
        [MemberData(nameof(Providers))]
        public async Task Fix_all_at_every_scope_and_under_every_key_fixes_every_rule_in_scope(string name)
        {
            var provider = Provider(name);
            var solution = await CreateSolutionAsync(name);
            var keys = new List<string?> { null, "Resurs.Unknown" };
            keys.AddRange((await OfferedAsync(solution, provider)).Select(a => a.EquivalenceKey).Distinct());
            var first = solution.Projects.Single(p => p.Name == "A").Documents.OrderBy(d => d.Name).First();

            foreach (var key in keys)
            {
                foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
                {
                    var context = new FixAllContext(first, provider, scope, key!, provider.FixableDiagnosticIds, new AnalyzerDiagnostics(provider.FixableDiagnosticIds), CancellationToken.None);
                    var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
                    Assert.NotNull(action);
                    var fixedSolution = await ApplyAsync(action!);

                    var left = await DiagnosticsAsync(fixedSolution, provider);
                    var inScope = left.Where(d => InScope(scope, first, fixedSolution.GetDocument(d.Location.SourceTree)!)).ToList();
                    Assert.True(inScope.Count == 0, $"{scope} under {key ?? "no key"} left: " + string.Join(", ", inScope.Select(AnalyzerHarness.Describe)) + "\n" + await TextOf(fixedSolution));
                    var outside = (await DiagnosticsAsync(solution, provider)).Count(d => !InScope(scope, first, solution.GetDocument(d.Location.SourceTree)!));
                    Assert.Equal(outside, left.Count);
                    foreach (var project in solution.Projects)
                    {
                        Assert.Empty(await NewErrorsAsync(project, fixedSolution.GetProject(project.Id)!));
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Providers))]
        public async Task One_fix_all_per_rule_as_dotnet_format_asks_fixes_every_rule_in_either_order(string name)
        {
            var provider = Provider(name);
            foreach (var order in new[] { provider.FixableDiagnosticIds, provider.FixableDiagnosticIds.Reverse().ToImmutableArray() })
            {
                var solution = await CreateSolutionAsync(name);
                foreach (var id in order)
                {
                    // dotnet format: the key of the first action registered for the first diagnostic of any requested rule.
                    var diagnostics = await DiagnosticsAsync(solution, provider);
                    if (!diagnostics.Any(d => d.Id == id))
                    {
                        continue;
                    }

                    var firstDiagnostic = diagnostics[0];
                    var document = solution.GetDocument(firstDiagnostic.Location.SourceTree)!;
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, firstDiagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                    var context = new FixAllContext(document, provider, FixAllScope.Solution, actions.FirstOrDefault()?.EquivalenceKey!, new[] { id }, new AnalyzerDiagnostics(ImmutableArray.Create(id)), CancellationToken.None);
                    var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
                    Assert.NotNull(action);
                    solution = await ApplyAsync(action!);
                }

                var left = await DiagnosticsAsync(solution, provider);
                Assert.True(left.Count == 0, string.Join(", ", order) + " left: " + string.Join(", ", left.Select(AnalyzerHarness.Describe)) + "\n" + await TextOf(solution));
            }
        }

        private static bool InScope(FixAllScope scope, Document first, Document document) => scope switch
        {
            FixAllScope.Document => document.Id == first.Id,
            FixAllScope.Project => document.Project.Id == first.Project.Id,
            _ => true,
        };

        private static async Task<Solution> CreateSolutionAsync(string provider)
        {
            var references = await AnalyzerHarness.ReferencesAsync();
            var solution = new AdhocWorkspace().CurrentSolution;
            var n = 0;
            foreach (var (project, documents) in new[] { ("A", 2), ("B", 1) })
            {
                var id = ProjectId.CreateNewId(project);
                solution = solution.AddProject(ProjectInfo.Create(
                    id,
                    VersionStamp.Default,
                    project,
                    project,
                    LanguageNames.CSharp,
                    filePath: "/" + project + "/" + project + ".csproj",
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                    parseOptions: AnalyzerHarness.ParseOptions,
                    metadataReferences: references));
                for (var i = 0; i < documents; i++, n++)
                {
                    var file = "File" + n + ".cs";
                    solution = solution.AddDocument(DocumentId.CreateNewId(id, file), file, SourceText.From(Source(provider, n)), filePath: "/" + project + "/" + file);
                }

                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(id), ".editorconfig", SourceText.From(EditorConfig), filePath: "/" + project + "/.editorconfig");
            }

            return solution;
        }

        /// <summary>The diagnostics of the provider's rules in the whole solution, in file and source order.</summary>
        private static async Task<List<Diagnostic>> DiagnosticsAsync(Solution solution, CodeFixProvider provider)
        {
            var all = new List<Diagnostic>();
            foreach (var project in solution.Projects.OrderBy(p => p.Name))
            {
                all.AddRange((await AnalyzeAsync(project)).Where(d => provider.FixableDiagnosticIds.Contains(d.Id)));
            }

            return all;
        }

        private static async Task<List<CodeAction>> OfferedAsync(Solution solution, CodeFixProvider provider)
        {
            var actions = new List<CodeAction>();
            foreach (var diagnostic in await DiagnosticsAsync(solution, provider))
            {
                var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            }

            return actions;
        }
    }
}
