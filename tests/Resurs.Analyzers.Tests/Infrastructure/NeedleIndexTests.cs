using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Resurs.Analyzers.Infrastructure.Replay;
using Xunit;

namespace Resurs.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The shared word search finds, for every word, the same hits as a search of its own (<c>IndexOf</c> from the end of
    /// the previous hit), whether the one-pass search (<see cref="PairSearch"/>) or a search per word does the work: words
    /// inside other words, words that start alike, words that overlap themselves, at the very start and end of the text,
    /// and characters outside ASCII that the vector loop cannot tell from ASCII ones ('ĺ' and ':' share their low byte).
    /// </summary>
    public class NeedleIndexTests
    {
        private static readonly string[] Words =
        {
            "Certificate", "ServerCertificate", "AuthenticateAs", "AuthenticateAsServer", "://", "Dns.", "aba", "ngrok",
            "loca.lt", "SslProtocols", "é", "Uri", "UriBuilder", "Återkoppling", "åter",
        };

        private static readonly string[] Pieces =
        {
            "Certificate", "ServerCert", "ificate", "AuthenticateAs", "Server", "://", "https", "Dns", ".", "ab", "a", "b",
            "ngrok", "loca", ".lt", "SslProtocols", "é", "\uD83D\uDE00", "Uri", "Builder", " ", "\n", "\"",
            "ĺ//", "Återkoppling", "\u0141ter", "åter", "ÅTER", "l\u0150",
        };

        public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 60).Select(seed => new object[] { seed });

        [Fact]
        public void The_test_runtime_searches_every_word_in_one_pass()
        {
            Assert.True(new NeedleIndex(Words).SearchesOnce);
        }

        [Theory]
        [MemberData(nameof(Seeds))]
        public void One_pass_and_a_search_per_word_find_what_each_word_finds_on_its_own(int seed)
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            var length = random.Next(0, 1200);
            while (text.Length < length)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            AssertAgree(text.ToString());
        }

        [Theory]
        [InlineData("")]
        [InlineData("a")]
        [InlineData("ababababa")]
        [InlineData("ServerCertificate")]
        [InlineData("://://:// Dns.Dns.")]
        [InlineData("AuthenticateAsServerAsync(AuthenticateAs")]
        [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef://")]
        [InlineData("://0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
        public void Edges(string text) => AssertAgree(text);

        [Fact]
        public void Words_at_both_ends_of_texts_of_every_length_around_the_vector_steps()
        {
            for (var length = 0; length <= 160; length++)
            {
                var filler = new string('x', length);
                AssertAgree("://" + filler + "Dns.");
                AssertAgree(filler + "ServerCertificate");
                AssertAgree("ngrok" + filler);
            }
        }

        [Fact]
        public void A_file_text_answers_declared_words_names_and_other_words_alike()
        {
            const string text = "var u = new UriBuilder(\"http://x\"); Dns.GetHostEntry(u); Callback.Url; CallbackUrl; aba";
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text);
            var names = new NeedleIndex(new[] { "Callback", "Url" });
            var file = new FileText(tree, text, new NeedleIndex(Words), names: () => names);
            foreach (var word in Words.Concat(new[] { "GetHostEntry", "x" }))
            {
                Assert.Equal(Reference(text, word), file.Hits(word));
            }

            var identifiers = new List<int>();
            file.FindAllIdentifiers(new[] { "Callback", "Url", "Dns" }, identifiers);
            Assert.Equal(new[] { text.IndexOf("Callback.", StringComparison.Ordinal), text.IndexOf("Url;", StringComparison.Ordinal), text.IndexOf("Dns", StringComparison.Ordinal) }, identifiers);
        }

        [Fact]
        public void A_file_without_any_declared_word_still_finds_the_words_searched_on_their_own()
        {
            // None of Words and no declared name occurs, so the searches may end early, but only for declared words.
            const string text = "class C { void M() { Callback(); GetHostEntry(); } }";
            var names = new NeedleIndex(new[] { "Url" });
            var file = new FileText(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text), text, new NeedleIndex(Words), names: () => names);

            var positions = new List<int>();
            file.FindAll(new[] { "Certificate", "Dns." }, positions);
            Assert.Empty(positions);
            file.FindAll(new[] { "Certificate", "GetHostEntry" }, positions);
            Assert.Equal(new[] { text.IndexOf("GetHostEntry", StringComparison.Ordinal) }, positions);

            positions.Clear();
            file.FindAllIdentifiers(new[] { "Url" }, positions);
            Assert.Empty(positions);
            file.FindAllIdentifiers(new[] { "Url", "Callback" }, positions);
            Assert.Equal(new[] { text.IndexOf("Callback", StringComparison.Ordinal) }, positions);
        }

        [Fact]
        public void An_index_knows_which_lists_hold_only_its_words()
        {
            var index = new NeedleIndex(Words);
            Assert.True(index.ContainsAll(new[] { "Certificate", "://" }));
            Assert.True(index.ContainsAll(new[] { "Dns.", string.Empty }));
            Assert.False(index.ContainsAll(new[] { "Certificate", "GetHostEntry" }));
            Assert.True(index.ContainsAll(Array.Empty<string>()));

            // A caller that makes a new list for every call still gets right answers once the memo is full.
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal(i % 2 == 0, index.ContainsAll(i % 2 == 0 ? new[] { "Uri" } : new[] { "Uri", "Url" + i }));
            }
        }

        [Fact]
        public void An_analyzer_keeps_the_search_for_the_same_words_and_makes_a_new_one_for_others()
        {
            var searches = new NeedleIndex.SearchCache();
            var pairable = Enumerable.Range(0, Words.Length).Where(id => Words[id].Length > 1).ToArray();
            var first = searches.For(Words.ToArray(), pairable);
            Assert.NotNull(first);
            Assert.Same(first, searches.For(Words.ToArray(), pairable));
            Assert.NotSame(first, searches.For(new[] { "Uri", "Url" }, new[] { 0, 1 }));

            const string text = "var u = new UriBuilder(Url); s.ServerCertificate = c; // https://aba.ngrok.io";
            foreach (var words in new[] { Words, new[] { "Uri", "Url" }, Words })
            {
                var index = new NeedleIndex(words, searches: searches);
                var hits = index.Scan(text);
                foreach (var word in words)
                {
                    Assert.Equal(Reference(text, word), hits[index.IdOf(word)] ?? new List<int>());
                }
            }
        }

        [Theory]
        [InlineData("app.UseHttpsRedirection();", new int[0])]
        [InlineData("listen.UseHttps(cert); app.UseHttpsRedirection();", new[] { 7 })]
        [InlineData("app.UseHttpsRedirectionFor(cert);", new[] { 4 })]
        [InlineData("o.ServerCertificate = c; s.AuthenticateAsServer(c);", new[] { 2, 27 })]
        public void The_served_certificate_anchors_skip_UseHttpsRedirection(string text, int[] expected)
        {
            var positions = new List<int>();
            Resurs.Analyzers.Rules.Certificates.SelfSignedCertificateAnalyzer.FindServedAnchors(
                new FileText(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text), text, new NeedleIndex(Words)), positions);
            positions.Sort();
            Assert.Equal(expected, positions);
        }

        private static void AssertAgree(string text)
        {
            var once = new NeedleIndex(Words).Scan(text);
            var each = new NeedleIndex(Words, oneSearch: false).Scan(text);
            var index = new NeedleIndex(Words);
            foreach (var word in Words)
            {
                var expected = Reference(text, word);
                var id = index.IdOf(word);
                Assert.Equal(expected, once[id] ?? new List<int>());
                Assert.Equal(expected, each[id] ?? new List<int>());
            }
        }

        private static List<int> Reference(string text, string word)
        {
            var hits = new List<int>();
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                hits.Add(at);
            }

            return hits;
        }
    }
}
