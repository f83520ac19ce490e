using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Resurs.Analyzers.Tests.Robustness
{
    /// <summary>Inputs built to hurt: huge literals, deep nesting, huge initializers, odd Unicode, malformed addresses.</summary>
    public class HostileInputTests
    {
        private const string Types = @"
public sealed class BookingRequest { public string? CallbackUrl { get; set; } public string? SuccessUrl { get; set; } }
";

        [Fact]
        public async Task A_megabyte_callback_literal_is_judged_and_finishes()
        {
            var source = Types + "class C { void M(BookingRequest r) { r.CallbackUrl = \"http://shop.nordicgear.se/" + new string('a', 1 << 20) + "\"; } }";
            var result = await RunAsync(source);
            Assert.Empty(result.Exceptions);
            Assert.Contains(result.Diagnostics, d => d.Id == "RES1004");
        }

        [Fact]
        public async Task A_megabyte_literal_full_of_separators_finishes()
        {
            var noise = string.Concat(Enumerable.Repeat("://a.b:1/", 100_000)) + new string('.', 1 << 19);
            var result = await RunAsync(Types + "class C { string S = \"" + noise + "\"; void M(BookingRequest r) => r.CallbackUrl = S; }");
            Assert.Empty(result.Exceptions);
        }

        [Fact]
        public async Task Ten_thousand_deep_expressions_do_not_overflow()
        {
            var depth = 10_000;
            var concat = "\"http://\"" + string.Concat(Enumerable.Repeat(" + \"a\"", depth));
            var parens = new string('(', depth) + "\"http://10.0.0.5/cb\"" + new string(')', depth);
            var sum = string.Join(" + ", Enumerable.Repeat("1", depth));
            var source = Types + "class C { void M(BookingRequest r) { r.CallbackUrl = " + concat + "; r.SuccessUrl = " + parens + "; var n = " + sum + "; } }";
            AnalyzerResult? result = null;
            var thread = new Thread(() => result = RunAsync(source).GetAwaiter().GetResult(), 256 * 1024 * 1024);
            thread.Start();
            thread.Join();
            Assert.NotNull(result);
            Assert.Empty(result!.Exceptions);
        }

        [Fact]
        public async Task A_fifty_thousand_element_cidr_initializer_finishes()
        {
            var items = string.Join(", ", Enumerable.Range(0, 50_000).Select(i => $"\"{13 + (i % 200)}.{i % 256}.0.0/16\""));
            var source = "class Firewall { static readonly string[] AllowedRanges = { \"51.21.0.0/16\", " + items + " }; bool Allowed(string ip) => System.Array.IndexOf(AllowedRanges, ip) >= 0; }";
            var result = await RunAsync(source);
            Assert.Empty(result.Exceptions);
            Assert.Contains(result.Diagnostics, d => d.Id == "RES4001");
        }

        [Theory]
        [InlineData("https://😀.ngrok.io/cb")]
        [InlineData("http://ｌｏｃａｌｈｏｓｔ/cb")]
        [InlineData("http://\\uD800.example/cb")]
        [InlineData("http://\\u202Egnp.evil/cb")]
        [InlineData("https://xn--/cb")]
        [InlineData("https://xn--zzzzzzzzzzzzzz.se/cb")]
        [InlineData("http://")]
        [InlineData("http://:80/cb")]
        [InlineData("http://[/cb")]
        [InlineData("http://[::1")]
        [InlineData("http://[zz::1]/cb")]
        [InlineData("http://1.2.3.4.5/cb")]
        [InlineData("http://999.999.999.999/cb")]
        [InlineData("http://0x/cb")]
        [InlineData("http://0x100000000/cb")]
        [InlineData("http://%31%30.0.0.1/cb")]
        [InlineData("https://a..b/cb")]
        [InlineData("https://.../cb")]
        [InlineData("https://shop.se:99999999999999/cb")]
        [InlineData("https://shop.se:/cb")]
        [InlineData("https://@/cb")]
        [InlineData("https://u:p@@@10.0.0.1/cb")]
        [InlineData("HtTpS://SHOP.SE:0443/cb")]
        [InlineData("13.50.0.0/")]
        [InlineData("/16")]
        [InlineData("::/0/1")]
        [InlineData("1.2.3.4/33")]
        [InlineData("1.2.3.4/-1")]
        [InlineData("0.0.0.0/0, ::/0, , ,")]
        [InlineData("51.21.0.0/16;;;192.121.110.100")]
        [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/64")]
        [InlineData("")]
        public async Task Malformed_urls_addresses_and_ranges_never_throw(string value)
        {
            var literal = "\"" + value.Replace("\"", "\\\"") + "\"";
            var source = Types + @"
class C
{
    static readonly string[] AllowedIps = { " + literal + @", ""192.121.110.100"", ""13.50.187.51"" };
    void M(BookingRequest r, System.Net.Http.HttpClient client)
    {
        r.CallbackUrl = " + literal + @";
        r.SuccessUrl = new System.UriBuilder(" + literal + @") { Port = 8443 }.ToString();
        client.BaseAddress = new System.Uri(" + literal + @", System.UriKind.RelativeOrAbsolute);
        var allowed = System.Array.IndexOf(AllowedIps, r.CallbackUrl) >= 0;
    }
}";
            var result = await RunAsync(source);
            Assert.Empty(result.Exceptions);
        }

        private static async Task<AnalyzerResult> RunAsync(string source) =>
            await AnalyzerRun.RunAsync(await AnalyzerRun.CompileAsync(CSharpSyntaxTree.ParseText(source)));
    }
}
