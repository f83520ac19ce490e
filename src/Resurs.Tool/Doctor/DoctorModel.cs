using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Resurs.Tool.Doctor
{
    /// <summary>The outcome of one check. Only <see cref="Fail"/> and <see cref="Error"/> change the exit code.</summary>
    internal enum CheckStatus
    {
        Pass,
        Warn,
        Info,
        Skip,
        Fail,

        /// <summary>The check itself could not run (the public DNS resolvers did not answer): exit code 2.</summary>
        Error,
    }

    /// <summary>One line of the checklist: status, what was found, the FAQ's own words and what to do.</summary>
    internal sealed record CheckResult(string Id, string Title, CheckStatus Status, string Summary)
    {
        public ImmutableArray<string> Details { get; init; } = ImmutableArray<string>.Empty;

        /// <summary>The FAQ sentence this check stands for ("Resurs requires TLS 1.2 or higher.").</summary>
        public string? Faq { get; init; }

        /// <summary>What to do about a failure or warning.</summary>
        public string? Advice { get; init; }
    }

    /// <summary>Every check for one URL.</summary>
    internal sealed record TargetReport(string Url, string? Source, ImmutableArray<CheckResult> Checks);

    /// <summary>The whole run: one report per URL, the firewall reminder and the exit code.</summary>
    internal sealed record DoctorReport(ImmutableArray<TargetReport> Targets, CheckResult Firewall)
    {
        public int ExitCode
        {
            get
            {
                var code = 0;
                foreach (var target in Targets)
                {
                    foreach (var check in target.Checks)
                    {
                        code = Math.Max(code, check.Status == CheckStatus.Error ? 2 : check.Status == CheckStatus.Fail ? 1 : 0);
                    }
                }

                return code;
            }
        }
    }

    /// <summary>A URL to check and where it came from (the command line, or a key in a configuration file).</summary>
    internal sealed record DoctorTarget(string Url, string? Source);

    /// <summary>
    /// Curl's <c>--resolve HOST:PORT:ADDRESS</c> (connect to ADDRESS instead of resolving HOST) and
    /// <c>--connect-to HOST:PORT:ADDRESS:PORT2</c> (also to another port). The URL, its name and its port are still the
    /// ones judged; only where the TCP connection goes changes.
    /// </summary>
    internal sealed record EndpointOverride(string Host, int Port, IPAddress Address, int ConnectPort)
    {
        public static bool TryParse(string text, bool withPort, out EndpointOverride? value, out string error)
        {
            value = null;
            error = withPort ? "expected HOST:PORT:ADDRESS:PORT2" : "expected HOST:PORT:ADDRESS";
            var first = text.IndexOf(':');
            var second = first < 0 ? -1 : text.IndexOf(':', first + 1);
            if (first <= 0 || second < 0 || !TryPort(text.Substring(first + 1, second - first - 1), out var port))
            {
                return false;
            }

            var rest = text.Substring(second + 1);
            var connectPort = port;
            if (withPort)
            {
                var last = rest.LastIndexOf(':');
                if (last <= 0 || !TryPort(rest.Substring(last + 1), out connectPort))
                {
                    return false;
                }

                rest = rest.Substring(0, last);
            }

            if (!IPAddress.TryParse(rest.Trim('[', ']'), out var address))
            {
                error = "'" + rest + "' is not an IP address";
                return false;
            }

            value = new EndpointOverride(text.Substring(0, first).TrimEnd('.').ToLowerInvariant(), port, address, connectPort);
            return true;
        }

        private static bool TryPort(string text, out int port) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port > 0 && port <= 65535;
    }

    /// <summary>What <c>resurs doctor</c> was asked to do.</summary>
    internal sealed record DoctorRequest(ImmutableArray<DoctorTarget> Targets)
    {
        public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(10);

        public ImmutableArray<EndpointOverride> Overrides { get; init; } = ImmutableArray<EndpointOverride>.Empty;

        /// <summary>GET or POST for the optional HTTP probe; null skips it.</summary>
        public string? ProbeMethod { get; init; }

        public ImmutableArray<string> CallbackIps { get; init; } = AnalyzerModel.DefaultCallbackIps;
    }

    /// <summary>The answer of the public resolvers for one name.</summary>
    internal sealed record PublicDnsAnswer(bool Answered, ImmutableArray<IPAddress> Addresses, string Servers, string? Error);

    /// <summary>DNS as the doctor sees it: public resolvers queried directly, and the machine's own resolver.</summary>
    internal interface IDoctorDns
    {
        /// <summary>A and AAAA records from public resolvers, bypassing the machine's resolver.</summary>
        System.Threading.Tasks.Task<PublicDnsAnswer> QueryPublicAsync(string host, System.Threading.CancellationToken cancellationToken);

        /// <summary>What the machine's own resolver says (hosts file, search domains, a LAN DNS server).</summary>
        System.Threading.Tasks.Task<ImmutableArray<IPAddress>> QueryLocalAsync(string host, System.Threading.CancellationToken cancellationToken);
    }

    /// <summary>What the doctor talks to: replaceable so tests use fixed DNS answers and their own certificate authority.</summary>
    internal sealed class DoctorServices
    {
        public DoctorServices(IDoctorDns dns, X509Certificate2Collection? trustedRoots = null)
        {
            Dns = dns;
            TrustedRoots = trustedRoots;
        }

        public IDoctorDns Dns { get; }

        /// <summary>Roots to trust instead of the machine's store; null uses the system trust.</summary>
        public X509Certificate2Collection? TrustedRoots { get; }

        /// <summary>The clock certificates are judged against.</summary>
        public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

        /// <summary>Opens every TCP connection the doctor makes (tests put a loopback-only guard here).</summary>
        public Func<IPEndPoint, System.Threading.CancellationToken, System.Threading.Tasks.Task<System.Net.Sockets.Socket>> Connect { get; init; } = ConnectAsync;

        /// <summary>Progress lines while waiting on the network (human output only).</summary>
        public Action<string> Progress { get; init; } = _ => { };

        private static async System.Threading.Tasks.Task<System.Net.Sockets.Socket> ConnectAsync(IPEndPoint endpoint, System.Threading.CancellationToken cancellationToken)
        {
            var socket = new System.Net.Sockets.Socket(endpoint.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
