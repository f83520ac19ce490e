using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Resurs.Analyzers.Infrastructure.Replay;
using Xunit;

namespace Resurs.Analyzers.Tests.Infrastructure
{
    /// <summary>Which code an anchor hit makes a rule replay: the member around it, the whole file, or nothing at all.</summary>
    public class SourceAnchorsTests
    {
        private const string Shop = @"// Copyright Shop AB. Docs: http://intranet.shop.local/licence
#if LEGACY
using Legacy = http://old;
#endif
namespace Shop
{
    /// <summary>Posts to <see href=""http://docs.shop.local/callbacks""/>.</summary>
    public class Callbacks
    {
        // http://localhost/cb was the old address
        public string Hook() => ""http://localhost/cb"";

        public string Other() => ""fine"";
    }
}
";

        [Fact]
        public void Anchors_in_comments_and_disabled_text_replay_nothing()
        {
            var root = CSharpSyntaxTree.ParseText(Shop).GetRoot();
            var positions = AllHits("http://");
            Assert.Equal(5, positions.Count);

            var scopes = SourceAnchors.EnclosingScopes(root, positions);

            var method = Assert.IsType<MethodDeclarationSyntax>(Assert.Single(scopes));
            Assert.Equal("Hook", method.Identifier.ValueText);
        }

        [Fact]
        public void Only_code_holds_an_anchor()
        {
            var root = CSharpSyntaxTree.ParseText(Shop).GetRoot();
            var inCode = AllHits("http://").Where(at => SourceAnchors.TryFindCode(root, at, out _)).ToList();

            var literal = Assert.Single(inCode);
            Assert.True(SourceAnchors.TryFindCode(root, literal, out var token));
            Assert.True(token.IsKind(SyntaxKind.StringLiteralToken));
        }

        [Fact]
        public void An_anchor_outside_any_member_in_code_still_replays_the_whole_file()
        {
            const string aliased = "using Proto = System.Security.Authentication.SslProtocols;\nclass C { object P() => Proto.Tls; }\n";
            var root = CSharpSyntaxTree.ParseText(aliased).GetRoot();

            var scopes = SourceAnchors.EnclosingScopes(root, new List<int> { aliased.IndexOf("SslProtocols", System.StringComparison.Ordinal) });

            Assert.Same(root, Assert.Single(scopes));
        }

        [Fact]
        public void An_anchor_in_a_delegate_declaration_replays_that_declaration_only()
        {
            const string source = "using System.Security.Cryptography.X509Certificates;\npublic delegate void ProvideClientCertificates(X509CertificateCollection certificates);\nclass C { int M() => 1; }\n";
            var root = CSharpSyntaxTree.ParseText(source).GetRoot();

            var scopes = SourceAnchors.EnclosingScopes(root, new List<int> { source.IndexOf("X509CertificateCollection", System.StringComparison.Ordinal) });

            Assert.IsType<DelegateDeclarationSyntax>(Assert.Single(scopes));
        }

        [Fact]
        public void Members_mentioning_a_name_are_found_by_their_code_only()
        {
            const string source = @"
namespace Shop
{
    /// <summary>Allowed holds the list.</summary>
    class Firewall
    {
        private static readonly string[] Allowed = { ""10.0.0.1"" };

        // Allowed is filled here
        public void Fill() => Log(""Allowed"");

        public bool Check(string ip) => System.Array.IndexOf(@Allowed, ip) >= 0;

        public bool NotAllowed(string ip) => false;

        class Nested { int Count() => Allowed.Length; }

        enum Kind { Allowed }

        void Log(string s) { }
    }
}
";
            var root = CSharpSyntaxTree.ParseText(source).GetRoot();

            var members = SourceAnchors.MembersMentioning(root, new HashSet<string> { "Allowed" });

            Assert.Equal(new[] { "Allowed", "Check", "Count" }, members.Select(Name));
        }

        [Fact]
        public void A_name_written_with_a_unicode_escape_is_still_found()
        {
            const string source = "class C { static string[] Allowed = { }; int M() => \\u0041llowed.Length; int N() => 0; }";
            var root = CSharpSyntaxTree.ParseText(source).GetRoot();

            var members = SourceAnchors.MembersMentioning(root, new HashSet<string> { "Allowed" });

            Assert.Equal(new[] { "Allowed", "M" }, members.Select(Name));
        }

        [Fact]
        public void A_mention_in_top_level_code_gives_the_whole_file()
        {
            const string source = "var n = Lists.Allowed.Length;\nstatic class Lists { public static string[] Allowed = { }; }\n";
            var root = CSharpSyntaxTree.ParseText(source).GetRoot();

            Assert.Same(root, Assert.Single(SourceAnchors.MembersMentioning(root, new HashSet<string> { "Allowed" })));
        }

        private static string Name(SyntaxNode member) => member switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            FieldDeclarationSyntax field => field.Declaration.Variables[0].Identifier.ValueText,
            _ => member.Kind().ToString(),
        };

        private static List<int> AllHits(string word)
        {
            var hits = new List<int>();
            SourceAnchors.AddHits(Shop, word, hits);
            return hits;
        }

        /// <summary>
        /// An escape or a formatting character is seen wherever it stands: in the screened stretches, across the edge of
        /// one (the "u" of an escape in the next stretch), and in the tail after the last whole stretch; a plain escape
        /// such as \n and a non-ASCII letter are not.
        /// </summary>
        [Theory]
        [InlineData("\\u0041", true)]
        [InlineData("\\U00000041", true)]
        [InlineData("\u200B", true)]
        [InlineData("\\n", false)]
        [InlineData("\u00E5", false)]
        public void Finds_escapes_and_formatting_characters_at_any_position(string mark, bool expected)
        {
            for (var length = 1; length <= 80; length++)
            {
                for (var at = 0; at + mark.Length <= length; at++)
                {
                    var text = new string('x', at) + mark + new string('y', length - at - mark.Length);
                    Assert.True(expected == SourceAnchors.MaySpellIdentifiersOtherwise(text), $"'{mark}' at {at} of {length}");
                }
            }

            Assert.False(SourceAnchors.MaySpellIdentifiersOtherwise(new string('x', 100)));
        }
    }
}
