using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Authentication;

namespace Robustness.Shop
{
    /// <summary>Ordinary code around the risky bits: nothing here may be reported.</summary>
    public sealed class Catalog
    {
        private static readonly string[] Blocked = { "webhook.site", "ngrok.io", "10.0.0.0/8", "192.168.0.0/16" };
        private readonly Dictionary<string, string> texts = new Dictionary<string, string>
        {
            ["title"] = "Tack för din beställning.",
            ["help"] = "Read more at https://www.nordicgear.se/help.",
        };

        public string ImageUrl { get; set; } = "https://cdn.nordicgear.se/images/boots.png";

        public IEnumerable<string> Titles(IEnumerable<string> names) =>
            names.Where(name => name.Length > 3).Select(name => texts["title"] + " " + name).OrderBy(name => name, StringComparer.Ordinal);

        public bool IsBlocked(string host) => Blocked.Any(entry => host.EndsWith(entry, StringComparison.OrdinalIgnoreCase));

        public static bool IsLegacy(SslProtocols protocols) => protocols == SslProtocols.Tls11 || protocols.HasFlag(SslProtocols.Tls);

        public static HttpClient Client() => new HttpClient { BaseAddress = new Uri("https://merchant-api.integration.resurs.com/") };
    }
}
