namespace Resurs.Analyzers
{
    /// <summary>Every diagnostic ID the package reports. A shipped ID is never reused.</summary>
    internal static class RuleIds
    {
        // RES1xxx: callback reachability.
        public const string TunnelUrl = "RES1001";
        public const string NonPublicCallbackAddress = "RES1002";
        public const string InternalCallbackHost = "RES1003";
        public const string InsecureCallbackScheme = "RES1004";
        public const string NonStandardCallbackPort = "RES1005";

        // RES2xxx: TLS versions.
        public const string WeakSslProtocols = "RES2001";
        public const string WeakSecurityProtocolType = "RES2002";
        public const string TlsHardeningSwitchDisabled = "RES2003";

        // RES3xxx: certificates.
        public const string CertificateValidationDisabled = "RES3001";
        public const string CertificateErrorsAccepted = "RES3002";
        public const string RevocationCheckDisabled = "RES3003";
        public const string SelfSignedServerCertificate = "RES3004";
        public const string ChainTrustWeakened = "RES3005";
        // RES4xxx: allowlists, proxies and DNS.
        public const string CloudRangeAllowlisted = "RES4001";
        public const string IncompleteCallbackAllowlist = "RES4002";
        public const string ReverseDnsTrust = "RES4003";
        public const string ResursCalledByIp = "RES4004";
        public const string ForwardedHeadersTrustAll = "RES4005";

        // RES9xxx: the analyzer's own configuration.
        public const string InvalidOptionValue = "RES9001";
        public const string UnreadableConfigFile = "RES9002";
    }

    /// <summary>Namespaced categories, so users can bulk-configure ours with <c>dotnet_analyzer_diagnostic.category-Resurs.Tls.severity</c>.</summary>
    internal static class RuleCategories
    {
        public const string Callbacks = "Resurs.Callbacks";
        public const string Tls = "Resurs.Tls";
        public const string Certificates = "Resurs.Certificates";
        public const string Network = "Resurs.Network";
        public const string Configuration = "Resurs.Configuration";
    }
}
