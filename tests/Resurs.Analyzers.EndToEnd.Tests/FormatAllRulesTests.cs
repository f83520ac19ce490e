using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Resurs.Analyzers.EndToEnd.Tests
{
    /// <summary>
    /// One <c>dotnet format analyzers</c> run with every RES ID, on a multi-file consumer with risky code from every
    /// fixable rule (several on overlapping spans, and a callback URL in a constants file used from another file): every
    /// fixable diagnostic goes, the output has no warning, the project still builds, and a second run changes nothing.
    /// Twice, with the IDs in two different orders.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class FormatAllRulesTests
    {
        /// <summary>Every rule ID the package ships, in ascending order.</summary>
        public static readonly string[] AllIds =
        {
            "RES1001", "RES1002", "RES1003", "RES1004", "RES1005", "RES2001", "RES2002", "RES2003", "RES3001", "RES3002",
            "RES3003", "RES3004", "RES3005", "RES4001", "RES4002", "RES4003", "RES4004", "RES4005", "RES9001", "RES9002",
        };

        /// <summary>The rules with a C# fix: each has at least one diagnostic in <see cref="Files"/>.</summary>
        public static readonly string[] FixableIds =
        {
            "RES1001", "RES1002", "RES1003", "RES1004", "RES1005", "RES2001", "RES2002", "RES2003", "RES3001", "RES3002",
            "RES3003", "RES3005", "RES4001", "RES4002",
        };

        public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
        {
            [".editorconfig"] = @"root = true

[*.cs]
resurs_analyzers.public_base_url = https://shop.nordicgear.se
",
            ["Tls.cs"] = @"using System;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;

namespace Consumer;

public static class TlsSetup
{
    private const SecurityProtocolType Tls11 = (SecurityProtocolType)768;

    public static HttpClientHandler Handler() => new HttpClientHandler
    {
        SslProtocols = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12,
    };

    public static void Configure()
    {
        ServicePointManager.SecurityProtocol = Tls11;
        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls;
        AppContext.SetSwitch(""Switch.System.Net.DontEnableSchUseStrongCrypto"", true);
    }
}
",
            ["Certificates.cs"] = @"using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Consumer;

public sealed class ClientOptions
{
    public bool AllowUntrusted { get; set; }
}

public static class CertificateSetup
{
    public static HttpClientHandler Handler(ClientOptions options)
    {
        var handler = new HttpClientHandler { CheckCertificateRevocationList = false };
        if (options.AllowUntrusted)
        {
            handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true;
        }

        return handler;
    }

    public static HttpClientHandler Lenient() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
            errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch,
    };

    public static X509ChainPolicy Policy() => new X509ChainPolicy
    {
        VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreInvalidName,
        TrustMode = X509ChainTrustMode.CustomRootTrust,
        RevocationMode = X509RevocationMode.NoCheck,
    };
}
",
            ["Callbacks.cs"] = @"namespace Consumer;

public sealed class BookingRequest
{
    public string? CallbackUrl { get; set; }
    public string? SuccessUrl { get; set; }
    public string? FailUrl { get; set; }
}

public static class Bookings
{
    public static BookingRequest Production() => new BookingRequest { CallbackUrl = ""http://shop.nordicgear.se:8080/resurs/callback"" };

    public static BookingRequest Tunnel() => new BookingRequest { CallbackUrl = ""https://merchant-dev.ngrok.io/resurs/callback"" };

    public static BookingRequest Office() => new BookingRequest { SuccessUrl = ""http://10.0.0.5/checkout/success"" };

    public static BookingRequest Local() => new BookingRequest { FailUrl = ""http://localhost:5000/checkout/fail"" };

    public static BookingRequest Shared(string orderId) => new BookingRequest { CallbackUrl = ResursConstants.CallbackBase + ""/resurs/callback?order="" + orderId };

    public static BookingRequest SharedRefund(string orderId) => new BookingRequest { CallbackUrl = ResursConstants.CallbackBase + ""/resurs/refund?order="" + orderId };
}
",
            ["ResursConstants.cs"] = @"namespace Consumer;

public static class ResursConstants
{
    public const string CallbackBase = ""http://shop.example.se"";
}
",
            ["Allowlist.cs"] = @"using System.Collections.Generic;

namespace Consumer;

public static class CallbackFilter
{
    public static readonly string[] CallbackIps = { ""192.121.110.100"", ""13.50.187.51"", ""51.21.32.255"" };

    public static readonly List<string> AllowedRanges = new List<string> { ""192.121.110.100/32"", ""13.50.187.51/32"", ""51.20.0.0/14"" };
}
",
        };

        private readonly PackedPackage package;

        public FormatAllRulesTests(PackedPackage package) => this.package = package;

        public static IEnumerable<object[]> Orders() => new[]
        {
            new object[] { "ascending", AllIds },
            new object[] { "shuffled", new[] { "RES3002", "RES1004", "RES4002", "RES2002", "RES1003", "RES3001", "RES9002", "RES1005", "RES4001", "RES2001", "RES3005", "RES1001", "RES4005", "RES3003", "RES2003", "RES1002", "RES3004", "RES4003", "RES4004", "RES9001" } },
        };

        [Theory]
        [MemberData(nameof(Orders))]
        public void One_run_fixes_every_rule_without_warnings_and_a_second_run_changes_nothing(string order, string[] ids)
        {
            Assert.Equal(AllIds.OrderBy(id => id, StringComparer.Ordinal), ids.OrderBy(id => id, StringComparer.Ordinal));
            var consumer = package.CreateConsumer("FormatAll" + order, Files);
            var restore = DotNet.Run(consumer.Directory, "restore", consumer.ProjectFile);
            Assert.True(restore.ExitCode == 0, restore.ToString());

            var before = consumer.Build();
            Assert.True(before.ExitCode == 0, before.ToString());
            foreach (var id in FixableIds)
            {
                Assert.Contains("warning " + id + ":", before.Output);
            }

            var format = Format(consumer, ids);
            Assert.True(format.ExitCode == 0, format.ToString());
            var warnings = format.Output.Split('\n').Where(line => Regex.IsMatch(line, @"\bwarn(ing)?\b|Unable to fix", RegexOptions.IgnoreCase)).ToList();
            Assert.True(warnings.Count == 0, "dotnet format warned:\n" + string.Join("\n", warnings) + "\n\n" + format);

            var after = consumer.Build();
            Assert.True(after.ExitCode == 0, after + "\n\n" + Sources(consumer));
            var left = FixableIds.Where(id => after.Output.Contains("warning " + id + ":", StringComparison.Ordinal)).ToList();
            Assert.True(left.Count == 0, "still reported: " + string.Join(", ", left) + "\n" + after + "\n\n" + Sources(consumer));

            var fixedTls = consumer.Read("Tls.cs");
            Assert.DoesNotContain("Tls11 =", fixedTls);
            var fixedCertificates = consumer.Read("Certificates.cs");
            Assert.DoesNotContain("if (options.AllowUntrusted)", fixedCertificates);
            Assert.Contains("\"https://shop.nordicgear.se/resurs/callback\"", consumer.Read("Callbacks.cs"));

            // Written in another file and used twice: fixed once, at the declaration; the uses are left as they are.
            Assert.Contains("CallbackBase = \"https://shop.example.se\";", consumer.Read("ResursConstants.cs"));
            Assert.Contains("CallbackUrl = ResursConstants.CallbackBase + ", consumer.Read("Callbacks.cs"));

            var again = Format(consumer, ids, "--verify-no-changes");
            Assert.True(again.ExitCode == 0, "the second run would change:\n" + again + "\n\n" + Sources(consumer));
        }

        private static CommandResult Format(Consumer consumer, string[] ids, params string[] extra) =>
            DotNet.Run(
                consumer.Directory,
                new[] { "format", "analyzers", consumer.ProjectFile, "--diagnostics" }.Concat(ids).Concat(new[] { "--severity", "warn", "--no-restore" }).Concat(extra).ToArray());

        private static string Sources(Consumer consumer) =>
            string.Join("\n", Files.Keys.Where(name => name.EndsWith(".cs", StringComparison.Ordinal)).Select(name => "// " + name + "\n" + consumer.Read(name)));
    }
}
