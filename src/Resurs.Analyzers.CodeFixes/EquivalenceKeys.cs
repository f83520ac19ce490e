namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>
    /// Stable equivalence keys: they name the fix a user picked, and IDE telemetry and tests rely on them. The scheme is
    /// <c>Resurs.&lt;scope&gt;.&lt;action&gt;</c>: the scope is the rule ID when a fix serves one rule, and the category
    /// (<c>Tls</c>) when one fix serves several rules.
    /// <para>
    /// Fix All does not filter by key (see <see cref="ResursCodeFixProvider"/>): each diagnostic gets the fix under the
    /// requested key where it is offered and its first fix otherwise. <c>dotnet format</c> asks for one Fix All per rule
    /// with the key of whatever fix the first diagnostic of the run offered, often another rule's; filtering by key made
    /// <c>--diagnostics RES3001 RES3002</c> fix only one of the two, and RES2001/RES2002 share their keys for the same
    /// reason from before.
    /// </para>
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
