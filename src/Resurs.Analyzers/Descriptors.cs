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

        public static readonly DiagnosticDescriptor RES9001 = Create(
            RuleIds.InvalidOptionValue,
            "Invalid Resurs.Analyzers option value",
            "The value '{1}' of option '{0}' is not valid: expected {2}; the default '{3}' is used instead",
            RuleCategories.Configuration,
            DiagnosticSeverity.Warning,
            "A resurs_analyzers.* key in .editorconfig or a global analyzer config has a value that does not parse. The option falls back to its default value.",
            WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>Every descriptor, in ID order.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(RES2001, RES2002, RES2003, RES9001);

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
