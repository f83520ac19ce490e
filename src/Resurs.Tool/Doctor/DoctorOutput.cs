using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Resurs.Tool.Doctor
{
    /// <summary>Writes a <see cref="DoctorReport"/> for people (one line per check, FAQ words and advice) or as JSON.</summary>
    internal static class DoctorOutput
    {
        private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };

        private static readonly string Indent = new string(' ', 21);

        public static void WriteHuman(DoctorReport report, TextWriter output)
        {
            foreach (var target in report.Targets)
            {
                output.WriteLine("resurs doctor " + target.Url + (target.Source is null ? string.Empty : "   (from " + target.Source + ")"));
                output.WriteLine();
                foreach (var check in target.Checks)
                {
                    WriteCheck(check, output);
                }

                output.WriteLine();
            }

            WriteCheck(report.Firewall, output);
            output.WriteLine();
            var all = report.Targets.SelectMany(target => target.Checks).ToList();
            var failed = all.Count(check => check.Status is CheckStatus.Fail or CheckStatus.Error);
            var warned = all.Count(check => check.Status == CheckStatus.Warn);
            output.WriteLine(failed == 0
                ? "All checks passed" + (warned > 0 ? " (" + warned + " warning" + (warned == 1 ? ")" : "s)") : string.Empty) + ". If Resurs still cannot reach you, contact onboarding@resurs.se with the URL, logs, timestamps and sample requests."
                : failed + " check" + (failed == 1 ? "" : "s") + " failed. Fix " + (failed == 1 ? "it" : "them") + " before contacting Resurs; the FAQ \"Environment unavailable for Resurs\" has the details.");
        }

        public static void WriteJson(DoctorReport report, TextWriter output)
        {
            var document = new
            {
                exitCode = report.ExitCode,
                targets = report.Targets,
                firewall = report.Firewall,
                callbackIps = AnalyzerModel.DefaultCallbackIps,
            };
            output.WriteLine(JsonSerializer.Serialize(document, JsonOptions));
        }

        private static void WriteCheck(CheckResult check, TextWriter output)
        {
            output.WriteLine("  " + Label(check.Status) + "  " + check.Title.PadRight(12) + check.Summary);
            foreach (var detail in check.Details)
            {
                output.WriteLine(Indent + "- " + detail);
            }

            if (check.Status is not (CheckStatus.Pass or CheckStatus.Skip))
            {
                if (check.Faq is not null)
                {
                    output.WriteLine(Indent + "FAQ: \"" + check.Faq + "\"");
                }

                if (check.Advice is not null)
                {
                    output.WriteLine(Indent + "Do:  " + check.Advice);
                }
            }
        }

        private static string Label(CheckStatus status) => status switch
        {
            CheckStatus.Pass => "PASS ",
            CheckStatus.Warn => "WARN ",
            CheckStatus.Info => "INFO ",
            CheckStatus.Skip => "SKIP ",
            CheckStatus.Fail => "FAIL ",
            _ => "ERROR",
        };
    }
}
