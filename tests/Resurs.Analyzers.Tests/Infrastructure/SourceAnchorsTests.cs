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

        private static List<int> AllHits(string word)
        {
            var hits = new List<int>();
            SourceAnchors.AddHits(Shop, word, hits);
            return hits;
        }
    }
}
