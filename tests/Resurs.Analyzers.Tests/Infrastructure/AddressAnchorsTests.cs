using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Infrastructure.Replay;
using Xunit;

namespace Resurs.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The allowlist anchor search finds the same positions with the vector loop, the scalar loop and a plain reference
    /// implementation, whatever the text: anchors at the very start and end, straddling vector boundaries, and dense.
    /// </summary>
    public class AddressAnchorsTests
    {
        private static readonly string[] Pieces =
        {
            "\"51.21.0.0/16\"", "\"192.121.110.100, 13.50.187.51\"", "\"::ffff:10.0.0.1\"", "\"fe80::1\"", "\"Fd00::/8\"",
            "IPAddress", "IPAddres", "IPNetwork", "\"10.0.19045.1\"", "\"abc\"", "\"", "\"1", "\":\"", "x", " ", ".", "0",
            "\"application/json\"", "\"Bearer\"", "var a = ", "\n", "\"9", "I", "P", "\"\"", "é", "\uD83D\uDE00",
            "\u0122", "\u0149\u0150", "\u0122\u0131", // a quote, "IP" and a digit once narrowed to bytes

        };

        public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 40).Select(seed => new object[] { seed });

        [Theory]
        [MemberData(nameof(Seeds))]
        public void Vector_scalar_and_reference_searches_agree(int seed)
        {
            var random = new Random(seed);
            var text = new StringBuilder();
            var length = random.Next(0, 400);
            while (text.Length < length)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            AssertAgree(text.ToString());
        }

        [Theory]
        [InlineData("")]
        [InlineData("\"")]
        [InlineData("\"1")]
        [InlineData("IPAddress")]
        [InlineData("\"10.0.0.1\"")]
        [InlineData("0123456789abcdef\"10.0.0.1\"")]
        [InlineData("0123456789abcde\"10.0.0.1\"")]
        [InlineData("0123456789abcdefghijklmnopqrstu\"10.0.0.1\" IPAddress")]
        [InlineData("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopq\"10.0.0.1\" IPAddress")]
        [InlineData("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop\"10.0.0.1\"")]
        [InlineData("\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\u0122\u0131\"1.2.3.4\"")]
        public void Edges_agree(string text) => AssertAgree(text);

        private static void AssertAgree(string text)
        {
            var expected = Reference(text);
            var vector = new List<int>();
            AddressAnchors.FindAll(text, vector, vectorized: true);
            var scalar = new List<int>();
            AddressAnchors.FindAll(text, scalar, vectorized: false);
            Assert.Equal(expected, vector.OrderBy(p => p));
            Assert.Equal(expected, scalar.OrderBy(p => p));
        }

        /// <summary>Every "IPAddress", and the text start of every quote-opened run that looks like addresses.</summary>
        private static List<int> Reference(string text)
        {
            var found = new List<int>();
            for (var i = 0; i < text.Length; i++)
            {
                if (string.CompareOrdinal(text, i, "IPAddress", 0, 9) == 0)
                {
                    found.Add(i);
                }

                if (text[i] == '"' && i + 1 < text.Length)
                {
                    var close = text.IndexOf('"', i + 1, Math.Min(text.Length - i - 1, AddressList.MaxLength + 1));
                    if (close > i && AddressList.LooksLikeAddresses(text, i + 1, close - i - 1))
                    {
                        found.Add(i + 1);
                    }
                }
            }

            return found;
        }
    }
}
