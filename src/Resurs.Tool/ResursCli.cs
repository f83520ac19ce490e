using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Resurs.Tool.Doctor;
using Resurs.Tool.Scan;

namespace Resurs.Tool
{
    /// <summary>The settings a doctor run's services are made from (the tests swap the whole factory).</summary>
    internal sealed record DoctorSettings(TimeSpan Timeout, ImmutableArray<IPEndPoint> DnsServers, X509Certificate2Collection? TrustedRoots, bool Human, TextWriter Progress);

    /// <summary>
    /// The command line: <c>resurs doctor</c> and <c>resurs scan</c> on System.CommandLine. Output goes to the given
    /// writers; exit codes are 0 (all passed), 1 (a check or, in strict mode, a rule failed) and 2 (bad usage, public DNS
    /// unreachable, or a build that failed for other reasons).
    /// </summary>
    internal sealed class ResursCli
    {
        private readonly TextWriter output;
        private readonly TextWriter error;
        private readonly Func<DoctorSettings, DoctorServices> doctorServices;
        private readonly string toolDirectory;

        public ResursCli(TextWriter output, TextWriter error, Func<DoctorSettings, DoctorServices>? doctorServices = null, string? toolDirectory = null)
        {
            this.output = output;
            this.error = error;
            this.doctorServices = doctorServices ?? DefaultServices;
            this.toolDirectory = toolDirectory ?? AppContext.BaseDirectory;
        }

        public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
        {
            // A plain command named like the installed tool, not a RootCommand: a RootCommand's help names the entry
            // assembly ("Resurs.Tool"), which is not what users type.
            var root = new Command("resurs", "Resurs Bank integration checks: doctor tests a live callback endpoint against Resurs's FAQ; scan runs the Resurs.Analyzers rules on code without adding the package.")
            {
                CreateDoctor(),
                CreateScan(),
            };
            root.Options.Add(new HelpOption());
            root.Options.Add(new VersionOption());
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var parseError in parsed.Errors)
                {
                    error.WriteLine(parseError.Message);
                }

                error.WriteLine("Run 'resurs --help' for usage.");
                return 2;
            }

            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
        }

        private Command CreateDoctor()
        {
            var urls = new Argument<string[]>("url") { Arity = ArgumentArity.ZeroOrMore, Description = "Callback URL(s) to check, e.g. https://shop.example.se/resurs/callback." };
            var config = new Option<FileInfo?>("--config") { Description = "Check every callback URL in this appsettings*.json or web.config/app.config (found with the analyzers' key logic)." };
            var json = new Option<bool>("--json") { Description = "Write the results as JSON (no progress lines)." };
            var timeout = new Option<double>("--timeout") { Description = "Seconds each network step may take.", DefaultValueFactory = _ => 10 };
            var resolve = new Option<string[]>("--resolve") { Description = "HOST:PORT:ADDRESS, as curl has it: connect to ADDRESS for HOST:PORT instead of resolving it (check a server before DNS points at it)." };
            var connectTo = new Option<string[]>("--connect-to") { Description = "HOST:PORT:ADDRESS:PORT2, as curl has it: connect to ADDRESS:PORT2 for HOST:PORT (the URL is still judged on its own port)." };
            var probe = new Option<string?>("--probe") { Description = "Also send one GET or POST and report the status and any redirect." };
            probe.AcceptOnlyFromAmong("GET", "POST");
            var callbackIps = new Option<string?>("--callback-ips") { Description = "The callback IPs to allow, comma-separated (default: the five from Resurs's FAQ)." };
            var dnsServers = new Option<string[]>("--dns-server") { Description = "Public resolver to query directly (ADDRESS or ADDRESS:PORT, repeatable; default 1.1.1.1, 8.8.8.8, 9.9.9.9)." };
            var trustRoots = new Option<FileInfo[]>("--trust-root") { Description = "PEM file of root certificates to trust instead of this machine's store (for a test CA)." };
            var command = new Command("doctor", "Walk through Resurs's \"Environment unavailable\" checklist against a live callback URL: URL, public DNS, TCP 443, TLS 1.2/1.3, certificate chain, HTTP, firewall IPs.")
            {
                urls, config, json, timeout, resolve, connectTo, probe, callbackIps, dnsServers, trustRoots,
            };
            command.SetAction((parse, cancellationToken) => RunDoctorAsync(
                parse.GetValue(urls) ?? Array.Empty<string>(),
                parse.GetValue(config),
                parse.GetValue(json),
                parse.GetValue(timeout),
                (parse.GetValue(resolve) ?? Array.Empty<string>()).Select(text => (text, false))
                    .Concat((parse.GetValue(connectTo) ?? Array.Empty<string>()).Select(text => (text, true))).ToList(),
                parse.GetValue(probe),
                parse.GetValue(callbackIps),
                parse.GetValue(dnsServers) ?? Array.Empty<string>(),
                parse.GetValue(trustRoots) ?? Array.Empty<FileInfo>(),
                cancellationToken));
            return command;
        }

        private Command CreateScan()
        {
            var target = new Argument<string>("target") { Description = "A solution, a C# project, or a folder (a folder without a project is scanned file by file).", DefaultValueFactory = _ => "." };
            var sarif = new Option<string?>("--output", "-o") { Description = "Write the findings as SARIF 2.1 to this file." };
            var fix = new Option<bool>("--fix") { Description = "Apply the Resurs code fixes first (dotnet format analyzers with the injected analyzers), then report what is left." };
            var mode = new Option<string>("--mode") { Description = "default: findings are warnings, exit code 0; strict: findings are errors and exit code 1 (a CI gate).", DefaultValueFactory = _ => "default" };
            mode.AcceptOnlyFromAmong("default", "strict");
            var verbose = new Option<bool>("--verbose") { Description = "Show the output of the build and of dotnet format." };
            var command = new Command("scan", "Run the Resurs.Analyzers rules on a solution, project or folder without adding the package: summary per rule, findings, SARIF, fixes.")
            {
                target, sarif, fix, mode, verbose,
            };
            command.SetAction((parse, cancellationToken) => new ScanCommand(toolDirectory, output, error).RunAsync(
                new ScanRequest(parse.GetValue(target) ?? ".", parse.GetValue(sarif), parse.GetValue(fix), parse.GetValue(mode) == "strict", parse.GetValue(verbose)),
                cancellationToken));
            return command;
        }

        private async Task<int> RunDoctorAsync(
            string[] urls,
            FileInfo? config,
            bool json,
            double timeoutSeconds,
            List<(string Text, bool WithPort)> overrides,
            string? probe,
            string? callbackIpText,
            string[] dnsServerTexts,
            FileInfo[] trustRootFiles,
            CancellationToken cancellationToken)
        {
            var targets = urls.Select(url => new DoctorTarget(url, null)).ToList();
            if (config is not null)
            {
                if (!config.Exists)
                {
                    return Usage("the configuration file '" + config.FullName + "' does not exist.");
                }

                var found = AnalyzerModel.FindCallbackUrls(config.Name, File.ReadAllText(config.FullName), out var readError);
                if (readError is not null)
                {
                    return Usage("cannot read " + config.Name + ": " + readError);
                }

                if (found.Count == 0)
                {
                    return Usage("no callback URL found in " + config.Name + " (keys named like callback, webhook, notification, return/success/fail url).");
                }

                targets.AddRange(found.Select(entry => new DoctorTarget(entry.Url, config.Name + ":" + entry.Line + " " + entry.Key)));
            }

            if (targets.Count == 0)
            {
                return Usage("give a callback URL or --config <file>.");
            }

            if (timeoutSeconds <= 0 || timeoutSeconds > 600)
            {
                return Usage("--timeout must be between 0 and 600 seconds.");
            }

            var parsedOverrides = ImmutableArray.CreateBuilder<EndpointOverride>();
            foreach (var (text, withPort) in overrides)
            {
                if (!EndpointOverride.TryParse(text, withPort, out var value, out var message))
                {
                    return Usage((withPort ? "--connect-to '" : "--resolve '") + text + "': " + message + ".");
                }

                parsedOverrides.Add(value!);
            }

            var callbackIps = AnalyzerModel.DefaultCallbackIps;
            if (callbackIpText is not null && !AnalyzerModel.TryParseCallbackIps(callbackIpText, out callbackIps, out var ipError))
            {
                return Usage("--callback-ips: " + ipError + ".");
            }

            var dnsServers = ImmutableArray.CreateBuilder<IPEndPoint>();
            foreach (var text in dnsServerTexts)
            {
                if (IPAddress.TryParse(text, out var address))
                {
                    dnsServers.Add(new IPEndPoint(address, 53));
                }
                else if (IPEndPoint.TryParse(text, out var endpoint))
                {
                    dnsServers.Add(endpoint);
                }
                else
                {
                    return Usage("--dns-server '" + text + "' is not an IP address (optionally with :port).");
                }
            }

            X509Certificate2Collection? trusted = null;
            foreach (var file in trustRootFiles)
            {
                trusted ??= new X509Certificate2Collection();
                try
                {
                    trusted.ImportFromPemFile(file.FullName);
                }
                catch (Exception exception) when (exception is IOException or CryptographicException)
                {
                    return Usage("--trust-root '" + file.FullName + "': " + exception.Message);
                }
            }

            var timeout = TimeSpan.FromSeconds(timeoutSeconds);
            var services = doctorServices(new DoctorSettings(timeout, dnsServers.ToImmutable(), trusted, !json, error));
            var request = new DoctorRequest(targets.ToImmutableArray())
            {
                StepTimeout = timeout,
                Overrides = parsedOverrides.ToImmutable(),
                ProbeMethod = probe,
                CallbackIps = callbackIps,
            };
            var report = await new DoctorRunner(request, services).RunAsync(cancellationToken).ConfigureAwait(false);
            if (json)
            {
                DoctorOutput.WriteJson(report, output);
            }
            else
            {
                DoctorOutput.WriteHuman(report, output);
            }

            return report.ExitCode;
        }

        private static DoctorServices DefaultServices(DoctorSettings settings) =>
            new DoctorServices(new SystemDns(settings.DnsServers, settings.Timeout), settings.TrustedRoots)
            {
                Progress = settings.Human ? line => settings.Progress.WriteLine("  ... " + line) : _ => { },
            };

        private int Usage(string message)
        {
            error.WriteLine("resurs doctor: " + message);
            return 2;
        }
    }
}
