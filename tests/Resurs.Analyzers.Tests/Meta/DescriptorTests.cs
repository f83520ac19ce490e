using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Resurs.Analyzers.Tests.Verifiers;
using Xunit;

namespace Resurs.Analyzers.Tests.Meta
{
    public class DescriptorTests
    {
        public static TheoryData<string> Ids() => new TheoryData<string>(Catalog.Descriptors.Select(d => d.Id));

        [Fact]
        public void Ids_are_unique_and_follow_the_family_scheme()
        {
            var ids = Catalog.Descriptors.Select(d => d.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            foreach (var descriptor in Catalog.Descriptors)
            {
                Assert.Matches(new Regex("^RES[1-49][0-9]{3}$"), descriptor.Id);
                var expectedCategory = descriptor.Id[3] switch
                {
                    '1' => RuleCategories.Callbacks,
                    '2' => RuleCategories.Tls,
                    '3' => RuleCategories.Certificates,
                    '4' => RuleCategories.Network,
                    _ => RuleCategories.Configuration,
                };
                Assert.Equal(expectedCategory, descriptor.Category);
            }
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Descriptor_text_follows_the_conventions(string id)
        {
            var descriptor = Catalog.Descriptors.Single(d => d.Id == id);
            Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault);
            var title = descriptor.Title.ToString();
            var message = descriptor.MessageFormat.ToString();
            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.False(title.EndsWith(".", StringComparison.Ordinal), "titles have no trailing period");
            Assert.False(message.EndsWith(".", StringComparison.Ordinal), "messages have no trailing period");
            Assert.True(descriptor.Description.ToString().Length > 40, "every rule has a real description");
        }

        [Fact]
        public void Every_analyzer_descriptor_comes_from_the_table()
        {
            var supported = Catalog.Analyzers.SelectMany(a => a.SupportedDiagnostics).ToList();
            foreach (var descriptor in supported)
            {
                var main = Catalog.Descriptors.Single(d => d.Id == descriptor.Id);
                if (!ReferenceEquals(main, descriptor))
                {
                    Assert.Contains(descriptor, Descriptors.ReturnAddressVariants);
                }
            }

            Assert.Equal(Catalog.Descriptors.Select(d => d.Id).OrderBy(x => x), supported.Select(d => d.Id).Distinct().OrderBy(x => x));
        }

        [Fact]
        public void Return_address_wordings_share_everything_but_the_message_with_their_rule()
        {
            foreach (var variant in Descriptors.ReturnAddressVariants)
            {
                var main = Catalog.Descriptors.Single(d => d.Id == variant.Id);
                Assert.Same(variant, Descriptors.ForReturnAddress(main));
                Assert.Equal(main.Title, variant.Title);
                Assert.Equal(main.Category, variant.Category);
                Assert.Equal(main.DefaultSeverity, variant.DefaultSeverity);
                Assert.Equal(main.HelpLinkUri, variant.HelpLinkUri);
                Assert.Equal(main.CustomTags, variant.CustomTags);
                Assert.Contains("customer's return address", variant.MessageFormat.ToString(), System.StringComparison.Ordinal);
                Assert.Equal(Placeholders(main), Placeholders(variant));
            }

            static int Placeholders(DiagnosticDescriptor d) => Regex.Matches(d.MessageFormat.ToString(), @"\{\d\}").Count;
        }

        [Fact]
        public void Every_rule_has_a_code_fix_or_a_stated_reason()
        {
            var fixable = Catalog.FixableIds.ToHashSet();
            foreach (var descriptor in Catalog.Descriptors)
            {
                Assert.True(
                    fixable.Contains(descriptor.Id) ^ Catalog.NoCodeFix.ContainsKey(descriptor.Id),
                    descriptor.Id + " needs either a code fix or an entry in Catalog.NoCodeFix (not both)");
            }
        }

        [Fact]
        public void Code_fixes_have_export_names_and_fix_all_providers()
        {
            foreach (var fix in Catalog.CodeFixes)
            {
                var export = fix.GetType().GetCustomAttribute<Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute>();
                Assert.NotNull(export);
                Assert.Equal(fix.GetType().Name, export!.Name);

                // dotnet format warns about a provider without Fix All in solution, once per rule it lists.
                Assert.Contains(Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Solution, fix.GetFixAllProvider()!.GetSupportedFixAllScopes());
            }
        }

        [Fact]
        public void Shipped_assemblies_reference_roslyn_4_8_at_most()
        {
            // A newer reference makes older compilers and dotnet format skip the analyzers silently (CS9057).
            foreach (var assembly in new[] { typeof(Descriptors).Assembly, typeof(CodeFixes.EquivalenceKeys).Assembly })
            {
                foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
                {
                    Assert.True(reference.Version <= new Version(4, 8, 0, 0), $"{assembly.GetName().Name} references {reference.Name} {reference.Version}");
                }
            }

            Assert.DoesNotContain(
                typeof(Descriptors).Assembly.GetReferencedAssemblies(),
                r => r.Name!.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal) || r.Name == "Microsoft.CodeAnalysis.CSharp.Workspaces");
        }

        [Fact]
        public void Analysis_mode_configs_cover_every_rule()
        {
            // default keeps each rule's own level (warning, or suggestion for informational ones); strict makes all errors.
            foreach (var (mode, severity) in new[] { ("default", "warning"), ("strict", "error"), ("none", "none") })
            {
                var text = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "build", "config", mode + ".globalconfig"));
                Assert.Contains("is_global = true", text);
                Assert.Contains("global_level = -100", text);
                foreach (var descriptor in Catalog.Descriptors)
                {
                    var expected = mode == "default" && descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Info ? "suggestion" : severity;
                    Assert.Contains($"dotnet_diagnostic.{descriptor.Id}.severity = {expected}", text);
                }
            }
        }
    }
}
