namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>
    /// Stable equivalence keys: FixAll groups fixes by these, and IDE telemetry and tests rely on them. The scheme is
    /// <c>Resurs.&lt;scope&gt;.&lt;action&gt;</c>: the scope is the rule ID when a fix serves one rule, and the category
    /// (<c>Tls</c>) when one fix serves several rules, so that one Fix All (and one <c>dotnet format</c> run) fixes all of
    /// them; a key per rule made <c>dotnet format --diagnostics RES2001 RES2002</c> fix only one of the two.
    /// </summary>
    internal static class EquivalenceKeys
    {
        public const string RemoveWeakProtocols = "Resurs.Tls.RemoveWeakProtocols";
        public const string UseSystemDefaultProtocols = "Resurs.Tls.UseSystemDefault";
        public const string DisableCompatibilitySwitch = "Resurs.RES2003.SetSwitchFalse";
        public const string UseDefaultCertificateValidation = "Resurs.RES3001.UseDefaultValidation";
        public const string AcceptOnlyValidCertificates = "Resurs.RES3001.AcceptOnlyValid";
        public const string RejectCertificateErrors = "Resurs.RES3002.RequireNoErrors";
        public const string CheckRevocation = "Resurs.RES3003.CheckRevocation";
        public const string RemoveWeakeningFlags = "Resurs.RES3005.RemoveFlags";
        public const string UseSystemTrust = "Resurs.RES3005.UseSystemTrust";

        /// <summary>RES4001: replace a cloud range with the exact callback IPs it holds.</summary>
        public const string AllowExactCallbackIps = "Resurs.RES4001.AllowExactIps";

        /// <summary>RES4002: add the missing callback IPs to the list.</summary>
        public const string AddMissingCallbackIps = "Resurs.RES4002.AddMissingIps";

        /// <summary>RES1001-RES1005: one key per rule, whatever the URL-specific title says.</summary>
        public static string CallbackUrl(string id) => "Resurs." + id + ".FixUrl";

        /// <summary>Fixes in appsettings*.json and .config files.</summary>
        public static string ConfigFile(string id) => "Resurs." + id + ".FixConfigFile";
    }
}
