namespace Resurs.Tool.Doctor
{
    /// <summary>
    /// Sentences from Resurs's FAQ "Environment unavailable for Resurs" and its firewall and certificate sections, quoted by
    /// the checks they stand for (typographic dashes and quotes made plain for terminals).
    /// </summary>
    internal static class Faq
    {
        public const string Https = "All callbacks are sent via HTTPS (port 443).";
        public const string Tunnels = "Tools such as ngrok, LocalTunnel, or similar tunneling services act as temporary reverse-proxy endpoints. These are frequently abused, considered insecure, blocked by Resurs' firewall.";
        public const string PrivateNetworks = "Resurs cannot reach systems hosted behind private IP ranges or behind internal-only DNS.";
        public const string PublicDns = "A hostname must resolve through public DNS to be reachable.";
        public const string Reachable = "If the environment is hosted behind a firewall or inside a private network, Resurs will not be able to access it.";
        public const string Tls = "Resurs requires TLS 1.2 or higher. Any TLS version below 1.2 is not supported.";
        public const string Certificate = "Your site must use a valid and trusted certificate. Not accepted: self-signed, expired, revoked; wrong domain, missing chain, untrusted CA.";
        public const string Revoked = "The following are not accepted: ... Revoked.";
        public const string Firewall = "Resurs Bank sends callbacks from the following IPs. These must be whitelisted.";
        public const string WholeRanges = "Do not whitelist entire AWS ranges. Only allow the specific IPs above.";
        public const string WebServer = "Make sure that web server access controls are not rejecting unknown sources.";
    }
}
