namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>
    /// Stable equivalence keys, all of the form <c>Resurs.&lt;rule ID&gt;.&lt;action&gt;</c>: FixAll groups fixes by
    /// these, and IDE telemetry and tests rely on them. A fix that serves two rules has one key per rule.
    /// </summary>
    internal static class EquivalenceKeys
    {
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

        /// <summary>RES2001, RES2002: drop the weak members from the value.</summary>
        public static string RemoveWeakProtocols(string id) => "Resurs." + id + ".RemoveWeakProtocols";

        /// <summary>RES2001, RES2002: let the operating system choose the protocol versions.</summary>
        public static string UseSystemDefaultProtocols(string id) => "Resurs." + id + ".UseSystemDefault";

        /// <summary>RES1001-RES1005: one key per rule, whatever the URL-specific title says.</summary>
        public static string CallbackUrl(string id) => "Resurs." + id + ".FixUrl";

        /// <summary>Fixes in appsettings*.json and .config files.</summary>
        public static string ConfigFile(string id) => "Resurs." + id + ".FixConfigFile";
    }
}
