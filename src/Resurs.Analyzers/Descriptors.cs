using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers
{
    /// <summary>
    /// The single descriptor table: ID, title, message, category, default severity, description and help link of every rule.
    /// Tests check this table against docs/rules, the README rule table and the release-tracking files.
    /// </summary>
    internal static class Descriptors
    {
        public const string HelpLinkBase = "https://github.com/resurs-analyzers/Resurs.Analyzers/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor RES1001 = Create(
            RuleIds.TunnelUrl,
            "URL points at a tunnel or request-capture service",
            "'{0}' points at {1}{2}",
            RuleCategories.Callbacks,
            DiagnosticSeverity.Warning,
            "Tunnels such as ngrok and LocalTunnel are temporary reverse-proxy endpoints that Resurs's FAQ calls frequently abused and insecure, and that Resurs's firewall blocks. Request-capture services such as webhook.site deliver callbacks to a stranger's inbox. Neither belongs in shipped code.");

        public static readonly DiagnosticDescriptor RES1002 = Create(
            RuleIds.NonPublicCallbackAddress,
            "Callback URL uses a non-public IP address",
            "'{0}' is used as a callback URL ({1}) but {2} is {3} that Resurs cannot reach{4}",
            RuleCategories.Callbacks,
            DiagnosticSeverity.Warning,
            "Resurs sends callbacks from the internet. Private (10/8, 172.16/12, 192.168/16), loopback, link-local, carrier-grade NAT and unique-local addresses are not publicly routable, so callback traffic to them always fails.");

        public static readonly DiagnosticDescriptor RES1003 = Create(
            RuleIds.InternalCallbackHost,
            "Callback URL uses an internal-only host name",
            "'{0}' is used as a callback URL ({1}) but '{2}' is {3} that public DNS cannot resolve{4}",
            RuleCategories.Callbacks,
            DiagnosticSeverity.Warning,
            "A callback host must resolve through public DNS. localhost, single-label names and LAN, container or tailnet zones (.local, .lan, .internal, .corp, .home.arpa, .svc.cluster.local, .ts.net) cannot be resolved by Resurs.");

        public static readonly DiagnosticDescriptor RES1004 = Create(
            RuleIds.InsecureCallbackScheme,
            "Callback URL does not use HTTPS",
            "'{0}' is used as a callback URL ({1}) over plain http; Resurs sends callbacks only over HTTPS on port 443{2}",
            RuleCategories.Callbacks,
            DiagnosticSeverity.Warning,
            "All Resurs callbacks are sent via HTTPS on port 443, and Resurs does not follow redirects, so an http:// callback URL never receives a callback.");

        public static readonly DiagnosticDescriptor RES1005 = Create(
            RuleIds.NonStandardCallbackPort,
            "Callback URL uses a port other than 443",
            "'{0}' is used as a callback URL ({1}) on port {2}; Resurs sends callbacks only over HTTPS on port 443{3}",
            RuleCategories.Callbacks,
            DiagnosticSeverity.Warning,
            "All Resurs callbacks are sent via HTTPS on port 443. A callback URL with another explicit port is never called.");

        /// <summary>RES1002 for a customer's return address (a success, back or fail URL): the browser, not Resurs, goes there.</summary>
        public static readonly DiagnosticDescriptor RES1002Return = Create(
            RuleIds.NonPublicCallbackAddress,
            "Callback URL uses a non-public IP address",
            "'{0}' is the customer's return address ({1}) but {2} is {3} that the customer's browser cannot reach from the internet{4}",
            RuleCategories.Callbacks,
            DiagnosticSeverity.Warning,
            "Success, back and fail URLs send the customer's browser back to the shop after the payment. Private, loopback, link-local, carrier-grade NAT and unique-local addresses are not reachable from the customer's network, so the customer never gets back.");

        /// <summary>RES1003 for a customer's return address.</summary>
        public static readonly DiagnosticDescriptor RES1003Return = Create(
            RuleIds.InternalCallbackHost,
            "Callback URL uses an internal-only host name",
            "'{0}' is the customer's return address ({1}) but '{2}' is {3} that public DNS cannot resolve, so the customer's browser cannot get back to the shop{4}",
            RuleCategories.Callbacks,
            DiagnosticSeverity.Warning,
            "Success, back and fail URLs send the customer's browser back to the shop after the payment. localhost, single-label names and LAN, container or tailnet zones do not resolve on the customer's device.");

        /// <summary>RES1004 for a customer's return address.</summary>
        public static readonly DiagnosticDescriptor RES1004Return = Create(
            RuleIds.InsecureCallbackScheme,
            "Callback URL does not use HTTPS",
            "'{0}' is the customer's return address ({1}) over plain http; the customer's browser comes back to the shop unencrypted{2}",
            RuleCategories.Callbacks,
            DiagnosticSeverity.Warning,
            "Success, back and fail URLs send the customer's browser back to the shop after the payment, often with the order or payment reference in the URL. Over http that trip is unencrypted and can be read or redirected on the way.");

        /// <summary>RES1005 for a customer's return address.</summary>
        public static readonly DiagnosticDescriptor RES1005Return = Create(
            RuleIds.NonStandardCallbackPort,
            "Callback URL uses a port other than 443",
            "'{0}' is the customer's return address ({1}) on port {2}; networks that allow only the standard HTTPS port keep the customer from getting back to the shop{3}",
            RuleCategories.Callbacks,
            DiagnosticSeverity.Warning,
            "Success, back and fail URLs send the customer's browser back to the shop after the payment. Company and guest networks often allow only the standard web ports, so a return address on another port strands some customers.");

        public static readonly DiagnosticDescriptor RES2001 = Create(
            RuleIds.WeakSslProtocols,
            "SslProtocols value enables a TLS version below 1.2",
            "'{0}' enables {1}; Resurs accepts only TLS 1.2 or higher",
            RuleCategories.Tls,
            DiagnosticSeverity.Warning,
            "Resurs requires TLS 1.2 or higher: any version below 1.2 fails during the handshake. An SslProtocols value that turns on SSL 2.0, SSL 3.0, TLS 1.0 or TLS 1.1 (Ssl2, Ssl3, Tls, Tls11, Default, a numeric cast or a negation) must not configure a connection.");

        public static readonly DiagnosticDescriptor RES2002 = Create(
            RuleIds.WeakSecurityProtocolType,
            "SecurityProtocolType value enables a TLS version below 1.2",
            "'{0}' enables {1}; Resurs accepts only TLS 1.2 or higher",
            RuleCategories.Tls,
            DiagnosticSeverity.Warning,
            "Resurs requires TLS 1.2 or higher: any version below 1.2 fails during the handshake. A SecurityProtocolType value that turns on SSL 3.0, TLS 1.0 or TLS 1.1 must not reach ServicePointManager.SecurityProtocol.");

        public static readonly DiagnosticDescriptor RES2003 = Create(
            RuleIds.TlsHardeningSwitchDisabled,
            "AppContext switch turns off TLS hardening",
            "AppContext switch '{0}' set to true {1}; Resurs accepts only TLS 1.2 or higher",
            RuleCategories.Tls,
            DiagnosticSeverity.Warning,
            "These .NET Framework compatibility switches let the runtime fall back to SSL 3.0, TLS 1.0 or TLS 1.1, stop it from following the operating system's TLS settings, or hide why a handshake failed. Resurs rejects any TLS version below 1.2 during the handshake.");

        public static readonly DiagnosticDescriptor RES3001 = Create(
            RuleIds.CertificateValidationDisabled,
            "Certificate validation is disabled",
            "{0} accepts every certificate, so the connection is open to interception and certificate faults go unnoticed{1}",
            RuleCategories.Certificates,
            DiagnosticSeverity.Warning,
            "Resurs requires a valid and trusted certificate and rejects self-signed, expired, revoked, wrong-domain, missing-chain and untrusted-CA ones. A validation callback that returns true on every path (or DangerousAcceptAnyServerCertificateValidator, an always-true ICertificatePolicy, WCF X509CertificateValidationMode.None) hides exactly these faults until production, and lets anyone on the network path read the API credentials and payment data.");

        public static readonly DiagnosticDescriptor RES3002 = Create(
            RuleIds.CertificateErrorsAccepted,
            "Certificate validation callback accepts some certificate errors",
            "{0} lets through {1}; {2}{3}",
            RuleCategories.Certificates,
            DiagnosticSeverity.Warning,
            "A validation callback that returns true for some SslPolicyErrors value other than None accepts a certificate for the wrong domain, with a broken chain or an untrusted CA, or no certificate at all. Resurs rejects such certificates, and the callback lets an attacker who holds one intercept the connection. Accepting a certificate because its subject, issuer or name matches, or because the request goes to a chosen host, is the same bypass: anyone can issue a self-signed certificate with any subject. So is a custom X509CertificateValidator that throws only when such a property differs.");

        public static readonly DiagnosticDescriptor RES3003 = Create(
            RuleIds.RevocationCheckDisabled,
            "Certificate revocation checking is disabled",
            "'{0}' turns off certificate revocation checking{1}, so a revoked certificate is accepted{2}",
            RuleCategories.Certificates,
            DiagnosticSeverity.Warning,
            "Resurs rejects revoked certificates. Setting CheckCertificateRevocationList or checkCertificateRevocation to false, or a revocation mode to X509RevocationMode.NoCheck, makes the connection accept a certificate that its CA has revoked, for example after its private key leaked.");

        public static readonly DiagnosticDescriptor RES3004 = Create(
            RuleIds.SelfSignedServerCertificate,
            "Self-signed certificate served over TLS",
            "This self-signed certificate is served by {0}; Resurs rejects self-signed certificates, so serve one from a publicly trusted CA{1}",
            RuleCategories.Certificates,
            DiagnosticSeverity.Warning,
            "A certificate made with CertificateRequest.CreateSelfSigned is trusted by nobody. When Kestrel or an SslStream serves it, Resurs's callbacks fail the TLS handshake: the FAQ lists self-signed certificates first among those it does not accept.");

        public static readonly DiagnosticDescriptor RES3005 = Create(
            RuleIds.ChainTrustWeakened,
            "Certificate chain trust is weakened",
            "'{0}' {1}; Resurs accepts only valid certificates from a trusted CA{2}",
            RuleCategories.Certificates,
            DiagnosticSeverity.Warning,
            "X509VerificationFlags such as AllowUnknownCertificateAuthority, IgnoreNotTimeValid, IgnoreInvalidName or the Ignore...RevocationUnknown flags, and X509ChainTrustMode.CustomRootTrust with a root the code creates itself, make a chain build succeed for certificates that are untrusted, expired, for the wrong name or of unknown revocation status: the ones Resurs rejects.");
        public static readonly DiagnosticDescriptor RES4001 = Create(
            RuleIds.CloudRangeAllowlisted,
            "Allowlist admits a whole cloud range",
            "'{0}' admits {1}; {2}",
            RuleCategories.Network,
            DiagnosticSeverity.Warning,
            "Resurs's cloud callback IPs sit in AWS EC2 eu-north-1 blocks (13.50.0.0/16, 51.21.0.0/16) that any AWS customer can send from. Resurs's FAQ says: \"Do not whitelist entire AWS ranges. Only allow the specific IPs above.\" A range that contains a cloud callback IP, whatever its mask, and 0.0.0.0/0 or ::/0 let strangers through the allowlist.");

        public static readonly DiagnosticDescriptor RES4002 = Create(
            RuleIds.IncompleteCallbackAllowlist,
            "Resurs callback allowlist is incomplete",
            "This allowlist holds {0} of Resurs's {1} callback IPs but not {2}; callbacks from the missing addresses will be dropped",
            RuleCategories.Network,
            DiagnosticSeverity.Warning,
            "Resurs sends callbacks from several addresses (192.121.110.100, 13.50.187.51, 51.21.32.255, 51.21.206.32 and 51.21.39.192) and its FAQ says they must all be allowed. A list that names some of them but not all drops the callbacks that come from the others.");

        public static readonly DiagnosticDescriptor RES4003 = Create(
            RuleIds.ReverseDnsTrust,
            "Reverse DNS used to trust an inbound caller",
            "'{0}' turns the caller's address ({1}) into a host name that {2}; reverse DNS names of inbound traffic are not guaranteed and should not be relied upon",
            RuleCategories.Network,
            DiagnosticSeverity.Warning,
            "Resurs's FAQ: \"for inbound traffic, reverse DNS names are not guaranteed and should not be relied upon\". Whoever controls the reverse zone of an address chooses its PTR name, so checking that a caller's host name ends with resurs.se proves nothing. Allow Resurs's callback IPs instead.");

        public static readonly DiagnosticDescriptor RES4004 = Create(
            RuleIds.ResursCalledByIp,
            "Outbound call to Resurs uses an IP address",
            "'{0}' calls Resurs at the IP address {1} ({2}); use the host name Resurs provides, such as {3}",
            RuleCategories.Network,
            DiagnosticSeverity.Warning,
            "Resurs recommends accessing its services through the FQDNs it provides: the IP addresses behind them change. A URL whose host is an address in Resurs's networks (192.121.110.0/24, 194.68.237.0/24, 91.198.202.0/24) or a callback IP breaks when Resurs moves the service, and fails certificate validation because the certificate names the host name.");

        public static readonly DiagnosticDescriptor RES4005 = Create(
            RuleIds.ForwardedHeadersTrustAll,
            "Forwarded headers are trusted from any address",
            "{0}, so X-Forwarded-For is accepted from any address; a client can claim to be 192.121.110.100 and pass an IP allowlist",
            RuleCategories.Network,
            DiagnosticSeverity.Warning,
            "The forwarded-headers middleware replaces the connection's remote address with the X-Forwarded-For value sent by a trusted proxy. With KnownNetworks and KnownProxies cleared, or 0.0.0.0/0 or ::/0 trusted, every client is a trusted proxy: anyone can send X-Forwarded-For: 192.121.110.100 and pass an allowlist of Resurs's callback IPs.");

        public static readonly DiagnosticDescriptor RES9001 = Create(
            RuleIds.InvalidOptionValue,
            "Invalid Resurs.Analyzers option value",
            "The value '{1}' of option '{0}' is not valid: expected {2}; the default '{3}' is used instead",
            RuleCategories.Configuration,
            DiagnosticSeverity.Warning,
            "A resurs_analyzers.* key in .editorconfig or a global analyzer config has a value that does not parse. The option falls back to its default value.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor RES9002 = Create(
            RuleIds.UnreadableConfigFile,
            "Configuration file could not be read",
            "'{0}' could not be read: {1}; Resurs.Analyzers did not check it",
            RuleCategories.Configuration,
            DiagnosticSeverity.Info,
            "An appsettings*.json, web.config or app.config file added for analysis is not valid JSON or XML. The application could not load it either; nothing else is reported for that file until it parses.");

        /// <summary>Every descriptor, in ID order.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            RES1001, RES1002, RES1003, RES1004, RES1005, RES2001, RES2002, RES2003, RES3001, RES3002, RES3003, RES3004, RES3005,
            RES4001, RES4002, RES4003, RES4004, RES4005, RES9001, RES9002);

        /// <summary>The customer's-return-address wordings of RES1002–RES1005, beside the callback ones (same IDs).</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> ReturnAddressVariants = ImmutableArray.Create(
            RES1002Return, RES1003Return, RES1004Return, RES1005Return);

        /// <summary>The wording of a callback-URL rule for a customer's return address; other descriptors unchanged.</summary>
        public static DiagnosticDescriptor ForReturnAddress(DiagnosticDescriptor descriptor) => descriptor.Id switch
        {
            RuleIds.NonPublicCallbackAddress => RES1002Return,
            RuleIds.InternalCallbackHost => RES1003Return,
            RuleIds.InsecureCallbackScheme => RES1004Return,
            RuleIds.NonStandardCallbackPort => RES1005Return,
            _ => descriptor,
        };

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string message,
            string category,
            DiagnosticSeverity severity,
            string description,
            params string[] customTags)
        {
#pragma warning disable RS0030 // The one place that may call the descriptor constructor.
            return new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLink(id), customTags);
#pragma warning restore RS0030
        }
    }
}
