using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Inputs no one writes on purpose: megabyte literals, 10,000-deep expressions, 50,000-element initializers, odd Unicode.
    /// Every one must finish, report what is there, and never throw.
    /// </summary>
    public class HostileInputTests
    {
        private const string Request = "class PaymentRequest { public string? CallbackUrl { get; set; } }\n";

        private static readonly string Megabyte = new string('a', 1 << 20);

        [Fact]
        public async Task Megabyte_literals_are_scanned_with_bounded_work()
        {
            var source = Request + "class C {\n"
                + "    const string Big = \"" + Megabyte + "\";\n"
                + "    const string Urls = \"" + Repeat("https://x.ngrok.io/cb ", 1 << 20) + "\";\n"
                + "    const string Separators = \"" + Repeat("a://", 1 << 20) + "\";\n"
                + "    const string LongHost = \"https://" + Megabyte + ".ngrok.io/cb\";\n"
                + "    void M(PaymentRequest r) {\n"
                + "        r.CallbackUrl = \"http://10.0.0.1/\" + Big;\n"
                + "        r.CallbackUrl = Big + Big + Big + Big;\n"
                + "        r.CallbackUrl = \"https://" + Megabyte + "\";\n"
                + "    }\n}\n";

            var run = await RunLargeAsync(source);

            Assert.Empty(run.Exceptions);
            Assert.Single(run.Diagnostics, d => d.Id == "RES1002");
            Assert.Single(run.Diagnostics, d => d.Id == "RES1001");
        }

        [Fact]
        public async Task Ten_thousand_deep_expressions_finish_and_report_what_is_there()
        {
            const int depth = 10_000;
            var source = Request + "using System.Net.Http; using System.Security.Authentication;\nclass C {\n"
                + "    int Sum() => " + string.Join(" + ", Enumerable.Repeat("1", depth)) + ";\n"
                + "    int Nested() => " + new string('(', depth) + "1" + new string(')', depth) + ";\n"
                + "    void M(PaymentRequest r, HttpClientHandler h, string id) {\n"
                + "        r.CallbackUrl = \"http://10.0.0.1/\" + " + string.Join(" + ", Enumerable.Repeat("id", depth)) + ";\n"
                + "        h.SslProtocols = " + string.Join(" | ", Enumerable.Repeat("SslProtocols.Tls12", depth)) + " | SslProtocols.Tls11;\n"
                + "    }\n}\n";

            var run = await RunLargeAsync(source);

            // The 10,000-member mask is one constant the compiler folds; it must not throw, whatever the compiler makes of it.
            Assert.Empty(run.Exceptions);
            Assert.Single(run.Diagnostics, d => d.Id == "RES1002");
        }

        [Fact]
        public async Task Fifty_thousand_cidr_strings_in_one_initializer()
        {
            var entries = Enumerable.Range(0, 50_000).Select(i => i % 10_000 == 0 ? "\"https://t" + i + ".ngrok.io/cb\"" : "\"10." + (i % 256) + "." + (i / 256 % 256) + ".0/24\"");
            var source = "class C { static readonly string[] Allowed = { " + string.Join(", ", entries) + " }; }";

            var run = await RunLargeAsync(source);

            Assert.Empty(run.Exceptions);
            Assert.Equal(5, run.Diagnostics.Count(d => d.Id == "RES1001"));
        }

        [Fact]
        public async Task Unusual_unicode_and_surrogates_in_urls()
        {
            var urls = new[]
            {
                "https://bücher.ngrok.io/cb", "https://\\uD800.ngrok.io/cb", "https://\\uDC00\\uD800/cb", "https://😀.example.se/cb",
                "https://\\U0001D522\\U0001D535.ngrok.io/cb", "https://abc\\u3002ngrok\\u3002io/cb", "https://\\uFF11\\uFF10.0.0.1/cb",
                "https://shop\\u200B.nordicgear.se/cb", "https://\\u202Eoi.korgn.evil/cb", "http\\u0000s://10.0.0.1/cb", "https://a\\u0301.local/cb",
                "https://[::1\\uD83D]/cb", "https://xn--/cb", "https://xn--zz.ngrok.io/cb", "https://" + new string('é', 300) + ".se/cb",
            };
            var source = Request + "class C { void M(PaymentRequest r) {\n"
                + string.Concat(urls.Select(url => "        r.CallbackUrl = \"" + url + "\";\n"))
                + "    }\n    string[] All = { " + string.Join(", ", urls.Select(url => "\"" + url + "\"")) + " };\n}\n";

            var run = await AnalyzerHarness.RunAsync(source);

            Assert.Empty(run.Exceptions);
            Assert.Contains(run.Diagnostics, d => d.Id == "RES1001" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("bücher", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Malformed_urls_addresses_and_cidrs_in_every_position()
        {
            var values = MalformedAddressTests.Malformed;
            var builder = new StringBuilder(Request + "using System; using System.Collections.Generic;\nclass C { void M(PaymentRequest r, Dictionary<string, string> d) {\n");
            foreach (var value in values)
            {
                var literal = SymbolDisplay(value);
                builder.Append("        r.CallbackUrl = ").Append(literal).Append(";\n");
                builder.Append("        r.CallbackUrl = ").Append(literal).Append(" + \"/path\";\n");
                builder.Append("        d[\"callbackUrl\"] = $\"").Append(literal.Substring(1, literal.Length - 2).Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)).Append("\";\n");
                builder.Append("        _ = new Uri(").Append(literal).Append(");\n");
            }

            var run = await AnalyzerHarness.RunAsync(builder.Append("    }\n}\n").ToString());

            Assert.Empty(run.Exceptions);
        }

        internal static string SymbolDisplay(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);

        private static string Repeat(string text, int length)
        {
            var builder = new StringBuilder(length + text.Length);
            while (builder.Length < length)
            {
                builder.Append(text);
            }

            return builder.ToString();
        }

        /// <summary>On a thread with a large stack: the compiler recurses on deeply nested syntax before any analyzer runs.</summary>
        private static Task<AnalysisRun> RunLargeAsync(string source)
        {
            var completion = new TaskCompletionSource<AnalysisRun>();
            var thread = new Thread(
                () =>
                {
                    try
                    {
                        completion.SetResult(AnalyzerHarness.RunAsync(source).GetAwaiter().GetResult());
                    }
                    catch (Exception e)
                    {
                        completion.SetException(e);
                    }
                },
                256 * 1024 * 1024);
            thread.Start();
            return completion.Task;
        }
    }
}
