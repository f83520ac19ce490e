using System;
using System.Collections.Immutable;
using System.Text;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Rules.Callbacks;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>The URL, IP and CIDR parsers on every malformed form we could think of, and on fixed-seed random strings.</summary>
    public class MalformedAddressTests
    {
        /// <summary>Broken URLs, hosts, ports, IPs and CIDRs; also used as callback values by <see cref="HostileInputTests"/>.</summary>
        public static readonly string[] Malformed =
        {
            string.Empty, ":", "://", ":///", "http://", "https://", "http:///", "http:/10.0.0.1", "http:\\\\10.0.0.1", "HTTP://10.0.0.1",
            "http://:443", "http://@", "http://@:", "http://user:pass@", "http://a@b@c", "http://[", "http://[]", "http://[::1", "http://[::1]:",
            "http://[::1]x", "http://[::1]:99999", "http://[fe80::1%25eth0]/", "http://[::ffff:10.0.0.1]/", "http://[1:2:3:4:5:6:7:8:9]/",
            "http://10.0.0.1:", "http://10.0.0.1:0", "http://10.0.0.1:00000443", "http://10.0.0.1:65536", "http://10.0.0.1:-1",
            "http://10.0.0.1:99999999999999999999", "http://10.0.0.1:{port}", "http://256.256.256.256", "http://1.2.3.4.5", "http://0x",
            "http://0xffffffffff", "http://0x7f.1", "http://0177.0.0.1", "http://127.1", "http://4294967296", "http://1e3", "http://..",
            "http://.", "http://.local", "http://-.-", "http://%zz", "http://{host}/cb", "http://a b/", "http://\"q\"/", "http://" + new string('9', 400),
            "http://" + new string('.', 300), "http://a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.nip.io", "http://10-0-0.nip.io",
            "http://ffffffff.nip.io", "http://zzzzzzzz.nip.io", "http://.nip.io", "https://a.lvh.me:", "10.0.0.0/33", "10.0.0.0/", "/8", "::/129",
            "1.2.3/8", "10.0.0.1/08", "::ffff:1.2.3.4/200", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0//8", "fe80::/10%eth0", "*.ngrok.io",
            ".ngrok.io", "ngrok.io.", "NGROK.IO", "a://b://c://", "x:y://z", new string('/', 50), "https://a:b:c:d", "https://[::1]:443:443",
        };

        public static TheoryData<string> Forms() => new TheoryData<string>(Malformed);

        [Theory]
        [MemberData(nameof(Forms))]
        public void Parsers_never_throw_on_malformed_forms(string text) => ParseEverything(text);

        [Fact]
        public void Parsers_never_throw_on_random_url_like_strings()
        {
            const string alphabet = "hts:/p.[]@%:0123456789abcdefx-_{}?#\\ \u00E9\u3002\uD800\uDC00ngrokliv";
            var random = new Random(20261124);
            for (var i = 0; i < 20_000; i++)
            {
                var builder = new StringBuilder(i % 7 == 0 ? "https://" : string.Empty);
                for (int k = 0, length = random.Next(0, 40); k < length; k++)
                {
                    builder.Append(alphabet[random.Next(alphabet.Length)]);
                }

                ParseEverything(builder.ToString());
            }
        }

        private static void ParseEverything(string text)
        {
            for (var next = 0; next < text.Length && UrlScanner.TryFindUrl(text, next, out var url, out next);)
            {
                _ = UrlScanner.Port(text, url);
                _ = UrlScanner.IsHttpScheme(text, url, out _);
                if (UrlScanner.NormalizeHost(text, url) is { } host)
                {
                    _ = CallbackHost.Classify(host, url.Bracketed, ImmutableArray.Create("tunnel.example"), ImmutableArray.Create("corp"), ImmutableArray<string>.Empty, out _);
                }
            }

            if (UrlScanner.TryParseBareHost(text, out var bare))
            {
                _ = UrlScanner.NormalizeHost(text, bare);
            }

            _ = Cidr.TryParse(text, out _);
            _ = IPValue.TryParseUrlHostV4(text, out _);
            _ = IPValue.TryParseUrlHostV6(text, out _);
            _ = HostFacts.TryDecodeWildcardDns(text, out _);
            _ = HostFacts.TryGetTunnel(text, ImmutableArray<string>.Empty, out _);
        }
    }
}
