using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Resurs.Analyzers.Infrastructure.Replay;
using Xunit;

namespace Resurs.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// A file's shared word search gives every word the hits a search of its own gives, whether the word was searched
    /// directly, found among the hits of a shorter word it contains, or asked for again, in any order.
    /// </summary>
    public class FileTextTests
    {
        private static readonly string[] Words =
        {
            "Certificate", "ServerCertificate", "AllowUnknownCertificateAuthority", "Revocation", "RevocationUnknown",
            "AuthenticateAs", "AuthenticateAsServer", "://", "aa", "aaa", "Get",
        };

        private static readonly string[] Pieces =
        {
            "Certificate", "Server", "ServerCertificate", "AllowUnknown", "Authority", "Revocation", "Unknown", "Authenticate",
            "As", "://", ":/", "a", "aa", "Get", "GetHost", " ", ".", "\n", "x", "\"",
        };

        public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 30).Select(seed => new object[] { seed });

        [Theory]
        [MemberData(nameof(Seeds))]
        public void Every_word_gets_the_hits_of_its_own_search(int seed)
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            var length = random.Next(0, 600);
            while (text.Length < length)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var source = text.ToString();
            var shared = seed % 2 == 0 ? new[] { "Certificate", "Revocation", "AuthenticateAs", "aa" } : null;
            var file = new FileText(CSharpSyntaxTree.ParseText(string.Empty), source, shared);
            foreach (var word in Words.OrderBy(_ => random.Next()).Concat(Words))
            {
                Assert.Equal(Reference(source, word), file.Hits(word));
            }
        }

        [Fact]
        public void Whole_identifiers_only()
        {
            var file = new FileText(CSharpSyntaxTree.ParseText(string.Empty), "Get(); GetHost(); _Get; x.Get; Get");
            var positions = new List<int>();
            file.FindAllIdentifiers(new[] { "Get" }, positions);
            Assert.Equal(new[] { 0, 26, 31 }, positions);
        }

        private static int[] Reference(string text, string word)
        {
            var hits = new List<int>();
            for (var at = 0; at + word.Length <= text.Length; at++)
            {
                if (string.CompareOrdinal(text, at, word, 0, word.Length) == 0)
                {
                    hits.Add(at);
                }
            }

            return hits.ToArray();
        }
    }
}
