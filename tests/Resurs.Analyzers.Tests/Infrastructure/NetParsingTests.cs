using System.Collections.Immutable;
using System.Linq;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Rules.Callbacks;
using Xunit;

namespace Resurs.Analyzers.Tests.Infrastructure
{
    /// <summary>Edges of the shared URL, host, IP and CIDR parsing.</summary>
    public class NetParsingTests
    {
        [Theory]
        [InlineData("http://10.0.0.5/cb", "NonPublicAddress")]
        [InlineData("http://172.16.0.1/", "NonPublicAddress")]
        [InlineData("http://172.31.255.255/", "NonPublicAddress")]
        [InlineData("http://172.15.0.1/", "Reachable")]
        [InlineData("http://172.32.0.1/", "Reachable")]
        [InlineData("http://192.168.1.1:8080/", "NonPublicAddress")]
        [InlineData("http://127.0.0.1/", "NonPublicAddress")]
        [InlineData("http://0.0.0.0/", "NonPublicAddress")]
        [InlineData("http://169.254.169.254/", "NonPublicAddress")]
        [InlineData("http://100.64.0.1/", "NonPublicAddress")]
        [InlineData("http://100.128.0.1/", "Reachable")]
        [InlineData("http://2130706433/", "NonPublicAddress")]
        [InlineData("http://0x7f000001/", "NonPublicAddress")]
        [InlineData("http://0177.0.0.1/", "NonPublicAddress")]
        [InlineData("http://127.1/", "NonPublicAddress")]
        [InlineData("http://[::1]:8443/cb", "NonPublicAddress")]
        [InlineData("http://[::]/", "NonPublicAddress")]
        [InlineData("http://[fe80::1%25eth0]/", "NonPublicAddress")]
        [InlineData("http://[fd00::5]/", "NonPublicAddress")]
        [InlineData("http://[::ffff:10.0.0.5]/", "NonPublicAddress")]
        [InlineData("http://[::ffff:192.121.110.100]/", "Reachable")]
        [InlineData("http://[2001:4860::8888]/", "Reachable")]
        [InlineData("https://user:pw@10.0.0.1/", "NonPublicAddress")]
        [InlineData("https://10-0-0-5.nip.io/cb", "NonPublicAddress")]
        [InlineData("https://app.192.168.0.9.sslip.io/cb", "NonPublicAddress")]
        [InlineData("https://0a000005.nip.io/cb", "NonPublicAddress")]
        [InlineData("https://shop.localtest.me/cb", "NonPublicAddress")]
        [InlineData("https://lvh.me/cb", "NonPublicAddress")]
        [InlineData("https://8-8-8-8.nip.io/cb", "Reachable")]
        [InlineData("http://localhost:5000/cb", "InternalName")]
        [InlineData("http://LOCALHOST./cb", "InternalName")]
        [InlineData("http://shop.localhost/cb", "InternalName")]
        [InlineData("http://localhost.evil.com/cb", "Reachable")]
        [InlineData("http://mylocalhost.com/cb", "Reachable")]
        [InlineData("http://billing/cb", "InternalName")]
        [InlineData("http://printer.local/cb", "InternalName")]
        [InlineData("http://host.docker.internal/cb", "InternalName")]
        [InlineData("http://payments.default.svc.cluster.local/cb", "InternalName")]
        [InlineData("http://shop.tail1234.ts.net/cb", "InternalName")]
        [InlineData("http://router.home.arpa/cb", "InternalName")]
        [InlineData("http://SHOP.NordicGear.SE./cb", "Reachable")]
        [InlineData("https://bücher.example/cb", "Placeholder")]
        [InlineData("https://shop.example.com/cb", "Placeholder")]
        [InlineData("https://abc.ngrok-free.app/cb", "Tunnel")]
        [InlineData("https://xn--bcher-kva.se/cb", "Reachable")]
        [InlineData("https://bücher.se/cb", "Reachable")]
        public void Classifies_hosts(string url, string expected)
        {
            Assert.True(UrlScanner.TryParseAt(url, 0, url.IndexOf("://", System.StringComparison.Ordinal), out var parts));
            var host = UrlScanner.NormalizeHost(url, parts);
            Assert.NotNull(host);
            var empty = ImmutableArray<string>.Empty;
            Assert.Equal(expected, CallbackHost.Classify(host!, parts.Bracketed, empty, empty, empty, out _).ToString());
        }

        [Fact]
        public void Idn_hosts_are_normalised_to_punycode()
        {
            const string Url = "https://Bücher.SE./cb";
            Assert.True(UrlScanner.TryParseAt(Url, 0, 5, out var parts));
            Assert.Equal("xn--bcher-kva.se", UrlScanner.NormalizeHost(Url, parts));
        }

        [Theory]
        [InlineData("https://[::1]:8443/cb", "::1", 8443)]
        [InlineData("https://user@shop.se:8443/cb?x=1", "shop.se", 8443)]
        [InlineData("https://shop.se/cb", "shop.se", -1)]
        [InlineData("https://shop.se:443", "shop.se", 443)]
        public void Splits_authority(string url, string host, int port)
        {
            Assert.True(UrlScanner.TryParseAt(url, 0, 5, out var parts));
            Assert.Equal(host, url.Substring(parts.HostStart, parts.HostLength));
            Assert.Equal(port, UrlScanner.Port(url, parts));
        }

        [Theory]
        [InlineData("https://{host}/cb")]
        [InlineData("https://shop.se:{port}/cb")]
        [InlineData("https:///cb")]
        [InlineData("https://[::1/cb")]
        public void Rejects_what_is_not_a_judgeable_url(string url)
        {
            var parsed = UrlScanner.TryParseAt(url, 0, 5, out var parts);
            Assert.True(!parsed || UrlScanner.NormalizeHost(url, parts) is null);
        }

        [Fact]
        public void Scanning_a_megabyte_literal_finishes_and_finds_the_urls()
        {
            var text = new string('a', 1 << 20) + " https://abc.ngrok.io/cb " + new string(':', 1 << 19) + "//";
            var found = 0;
            var next = 0;
            while (UrlScanner.TryFindUrl(text, next, out var parts, out next))
            {
                found++;
                Assert.Equal("abc.ngrok.io", text.Substring(parts.HostStart, parts.HostLength));
            }

            Assert.Equal(1, found);
        }

        [Theory]
        [InlineData("13.50.0.0/16", "13.50.187.51", true)]
        [InlineData("51.20.0.0/14", "51.21.39.192", true)]
        [InlineData("192.121.110.0/24", "192.121.110.100", true)]
        [InlineData("192.121.110.100/32", "192.121.110.100", true)]
        [InlineData("192.121.110.101/32", "192.121.110.100", false)]
        [InlineData("0.0.0.0/0", "51.21.32.255", true)]
        [InlineData("10.0.0.0/8", "51.21.32.255", false)]
        [InlineData("::/0", "51.21.32.255", true)]
        [InlineData("::ffff:51.21.0.0/112", "51.21.32.255", true)]
        [InlineData("2001:db8::/32", "51.21.32.255", false)]
        public void Cidr_containment_is_computed(string cidr, string address, bool contains)
        {
            Assert.True(Cidr.TryParse(cidr, out var network));
            Assert.True(IPValue.TryParseStrictV4(address, 0, address.Length, out var ip));
            Assert.Equal(contains, network.Contains(ip));
        }

        [Theory]
        [InlineData("51.21.0.0/16", "65,536 addresses")]
        [InlineData("51.21.32.255/32", "1 address")]
        [InlineData("0.0.0.0/0", "every IPv4 address")]
        [InlineData("::/0", "every IPv6 address")]
        [InlineData("2a05:d016::/32", "2^96 addresses")]
        public void Cidr_sizes_are_described(string cidr, string expected)
        {
            Assert.True(Cidr.TryParse(cidr, out var network));
            Assert.Equal(expected, network.DescribeSize());
        }

        [Theory]
        [InlineData("51.21.0.0/16", 1, "")]
        [InlineData("192.121.110.100,13.50.187.51", 2, ",")]
        [InlineData("192.121.110.100, 13.50.187.51;51.21.32.255", 3, ", ")]
        [InlineData("2a05:d016::5 192.121.110.100/32", 2, " ")]
        public void Address_lists_are_parsed_strictly(string text, int count, string separator)
        {
            Assert.True(AddressList.TryParse(text, out var items, out var actualSeparator));
            Assert.Equal(count, items.Length);
            Assert.Equal(separator, actualSeparator);
            foreach (var item in items)
            {
                Assert.True(Cidr.TryParse(text.Substring(item.Start, item.Length), out _));
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("1")]
        [InlineData("v1.2.3.4")]
        [InlineData("https://192.121.110.100/")]
        [InlineData("192.121.110.100:443")]
        [InlineData("192.121.110.100, x")]
        [InlineData("1.2")]
        [InlineData("deadbeef")]
        [InlineData("Host=10.0.0.5;Database=callbacks")]
        public void Strings_that_are_not_address_lists_are_rejected(string text) => Assert.False(AddressList.TryParse(text, out _, out _));

        [Theory]
        [InlineData("192.121.110.100", false)]
        [InlineData("192.121.110.0/24", false)]
        [InlineData("hello world", true)]
        [InlineData("https://shop.example/cb", true)]
        [InlineData("1.0", false)]
        [InlineData("payments", true)]
        public void The_pre_filter_rejects_text_without_parsing_it(string text, bool rejected) => Assert.Equal(rejected, !AddressList.LooksLikeAddresses(text));

        [Fact]
        public void Resurs_facts_match_the_faq()
        {
            Assert.Equal(ResursNetworks.DefaultCallbackIpsText, string.Join(", ", ResursNetworks.DefaultCallbackIps));
            Assert.Equal(new[] { "13.50.187.51", "51.21.32.255", "51.21.206.32", "51.21.39.192" }, ResursNetworks.CloudIps(ResursNetworks.DefaultCallbackIps).Select(ip => ip.ToString()));
            Assert.True(ResursNetworks.IsResursAddress(new IPValue(0, 0xFFFF00000000UL | 0xC0796E14))); // ::ffff:192.121.110.20
        }

        [Theory]
        [InlineData("13.50.0.0/33")]
        [InlineData("13.50.0/16")]
        [InlineData("013.50.0.0/16")]
        [InlineData("256.1.1.1")]
        [InlineData("1.2.3.4/")]
        [InlineData("1.2.3.4/-1")]
        [InlineData("::1/129")]
        [InlineData("1.2.3.4 /24")]
        [InlineData("")]
        public void Strict_cidr_parsing_rejects_malformed_input(string text) => Assert.False(Cidr.TryParse(text, out _));

        [Theory]
        [InlineData("PaymentCreatedCallbackUrl", "specific")]
        [InlineData("CallBackUrlWhenFail", "specific")]
        [InlineData("Webhooks", "specific")]
        [InlineData("IpnListener", "specific")]
        [InlineData("notify_url", "specific")]
        [InlineData("uriTemplate", "generic")]
        [InlineData("successUrl", "generic")]
        [InlineData("FAIL_URL", "generic")]
        [InlineData("backUrl", "generic")]
        [InlineData("shop-url", "generic")]
        [InlineData("NotificationEndpoint", "generic")]
        [InlineData("ReturnUri", "generic")]
        [InlineData("RedirectUri", "generic")]
        [InlineData("ExternalLoginCallback", "sign-in")]
        [InlineData("OidcCallbackUrl", "sign-in")]
        [InlineData("SignInRedirectUri", "sign-in")]
        [InlineData("BaseUrl", "none")]
        [InlineData("Facebook", "none")]
        [InlineData("Hooked", "none")]
        [InlineData("Callable", "none")]
        [InlineData("HealthCheckUrl", "none")]
        public void Callback_names_are_specific_generic_or_sign_in(string name, string expected)
        {
            var names = CallbackNames.Default;
            var actual = names.IsSignIn(name) ? "sign-in" : names.IsCallbackName(name) ? "specific" : names.IsGenericCallbackName(name) ? "generic" : "none";
            Assert.Equal(expected, actual);
        }

        [Theory]
        [InlineData("returnUrl", "AccountController,Identity,Areas", false)]
        [InlineData("returnUrl", "PaymentController,Checkout,NordicGear", true)]
        [InlineData("NotificationUrl", "AppSettings,Notifications,Contoso", false)]
        [InlineData("NotificationUrl", "ResursOptions,Payments,NordicGear", true)]
        [InlineData("callbackUrl", "AppSettings,Contoso", true)]
        [InlineData("CallbackUrl", "OpenIdConnectSettings,Auth,Contoso", false)]
        [InlineData("RedirectUri", "MsalOptions,Contoso", false)]
        public void Generic_names_need_a_payment_context_and_sign_in_context_wins(string name, string context, bool expected) =>
            Assert.Equal(expected, CallbackNames.Default.IsCallbackIn(name, context.Split(',')));

        [Theory]
        [InlineData("Resurs:CallbackUrl", true)]
        [InlineData("Resurs:Callbacks:Authorization:Url", true)]
        [InlineData("Payments:ReturnUrl", true)]
        [InlineData("Notifications:Url", false)]
        [InlineData("NotificationService:BaseUrl", false)]
        [InlineData("Payments:Notifications:Url", true)]
        [InlineData("Authentication:OpenIdConnect:CallbackPath", false)]
        [InlineData("AzureAd:RedirectUri", false)]
        [InlineData("Auth0:CallbackUrl", false)]
        public void Configuration_paths_are_judged_with_their_sections(string path, bool expected) =>
            Assert.Equal(expected, CallbackNames.Default.IsCallbackPath(path.Split(':')));

        [Fact]
        public void Callback_names_option_adds_or_replaces()
        {
            Assert.True(CallbackNames.TryParse("orderReturnAddress, ping back", out var added));
            Assert.True(added.IsCallbackName("PingBackUrl"));
            Assert.True(added.IsCallbackName("callbackUrl"));
            Assert.True(CallbackNames.TryParse("-defaults, ping back", out var replaced));
            Assert.True(replaced.IsCallbackName("PingBackUrl"));
            Assert.False(replaced.IsCallbackName("callbackUrl"));
            Assert.False(CallbackNames.TryParse(" , ,", out _));
            Assert.False(CallbackNames.TryParse("-defaults", out _));
        }
    }
}
