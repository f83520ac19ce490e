using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Resurs.Tool.Doctor
{
    /// <summary>
    /// Runs the FAQ's checklist against each URL: URL, public DNS, TCP, TLS, certificate, revocation, the optional HTTP
    /// probe, and once at the end the firewall reminder. Every network step has its own timeout.
    /// </summary>
    internal sealed class DoctorRunner
    {
        private readonly DoctorRequest request;
        private readonly DoctorServices services;
        private readonly TlsProbe tls;

        public DoctorRunner(DoctorRequest request, DoctorServices services)
        {
            this.request = request;
            this.services = services;
            tls = new TlsProbe(request.StepTimeout, services.Connect);
        }

        public async Task<DoctorReport> RunAsync(CancellationToken cancellationToken)
        {
            var targets = ImmutableArray.CreateBuilder<TargetReport>();
            foreach (var target in request.Targets)
            {
                targets.Add(await CheckAsync(target, cancellationToken).ConfigureAwait(false));
            }

            return new DoctorReport(targets.ToImmutable(), FirewallCheck());
        }

        private async Task<TargetReport> CheckAsync(DoctorTarget target, CancellationToken cancellationToken)
        {
            var checks = new List<CheckResult>();
            var url = AnalyzerModel.ParseUrl(target.Url);
            checks.Add(UrlCheck(target.Url, url));
            if (url is null)
            {
                return new TargetReport(target.Url, target.Source, checks.ToImmutableArray());
            }

            var (dns, addresses) = await DnsCheckAsync(url, cancellationToken).ConfigureAwait(false);
            checks.Add(dns);

            var (tcp, endpoint) = await TcpCheckAsync(url, addresses, cancellationToken).ConfigureAwait(false);
            checks.Add(tcp);

            if (url.Scheme != "https" || endpoint is null)
            {
                var why = endpoint is null ? "no TCP connection to try it on" : "the URL is not https";
                checks.Add(new CheckResult(CheckIds.Tls, "TLS", CheckStatus.Skip, why));
                checks.Add(new CheckResult(CheckIds.Certificate, "Certificate", CheckStatus.Skip, why));
            }
            else
            {
                services.Progress("TLS: handshakes with " + endpoint + " (TLS 1.2, TLS 1.3, then TLS 1.0/1.1)");
                var (tlsCheck, served) = await tls.CheckAsync(url.Host, endpoint, cancellationToken).ConfigureAwait(false);
                checks.Add(tlsCheck);
                if (served is null)
                {
                    checks.Add(new CheckResult(CheckIds.Certificate, "Certificate", CheckStatus.Skip, "no handshake completed, so no certificate was seen"));
                }
                else
                {
                    services.Progress("Certificate: building the chain with downloads disabled, then checking revocation");
                    var certificates = new CertificateCheck(services.TrustedRoots, services.Now(), request.StepTimeout);
                    checks.Add(await Task.Run(() => certificates.Check(url.Host, served), cancellationToken).ConfigureAwait(false));
                    checks.Add(await Task.Run(() => certificates.CheckRevocation(served), cancellationToken).ConfigureAwait(false));
                    served.Dispose();
                }
            }

            if (request.ProbeMethod is { } method)
            {
                checks.Add(endpoint is null
                    ? new CheckResult(CheckIds.Http, "HTTP", CheckStatus.Skip, "no TCP connection to send the request on")
                    : await HttpCheckAsync(method, url, endpoint, cancellationToken).ConfigureAwait(false));
            }

            return new TargetReport(target.Url, target.Source, checks.ToImmutableArray());
        }

        /// <summary>1. https, port 443, and a host Resurs can reach by its name alone.</summary>
        private static CheckResult UrlCheck(string text, ParsedUrl? url)
        {
            if (url is null)
            {
                return new CheckResult(CheckIds.Url, "URL", CheckStatus.Fail, "'" + text + "' is not an absolute URL")
                {
                    Advice = "Give the full callback URL, e.g. https://shop.example.se/resurs/callback.",
                };
            }

            var problems = new List<string>();
            string? faq = null;
            string? advice = null;
            var kind = AnalyzerModel.ClassifyHost(url.Host, url.Bracketed, out var reason);
            switch (kind)
            {
                case HostKind.Tunnel:
                    problems.Add(reason);
                    faq = Faq.Tunnels;
                    advice = "Use the shop's own public host name; expose a publicly reachable staging environment instead of a tunnel.";
                    break;
                case HostKind.NonPublicAddress:
                    problems.Add(url.Host + " is " + reason + " that Resurs cannot reach");
                    faq = Faq.PrivateNetworks;
                    advice = "Use a public host name that resolves to a publicly routable address.";
                    break;
                case HostKind.InternalName:
                    problems.Add(url.Host + " is " + reason + " that public DNS cannot resolve");
                    faq = Faq.PrivateNetworks;
                    advice = "Use a host name published in public DNS.";
                    break;
                case HostKind.Placeholder:
                    problems.Add(url.Host + " is " + reason);
                    faq = Faq.PublicDns;
                    advice = "Replace the placeholder with the shop's real public host name.";
                    break;
            }

            if (url.Scheme != "https")
            {
                problems.Add("uses " + url.Scheme + "; Resurs sends callbacks only over HTTPS");
                faq ??= Faq.Https;
                advice ??= "Serve the callback over https:// on port 443.";
            }

            if (url.Port != 443)
            {
                problems.Add("uses port " + url.Port.ToString(CultureInfo.InvariantCulture) + "; Resurs calls port 443 only");
                faq ??= Faq.Https;
                advice ??= "Drop the explicit port and serve the callback on 443.";
            }

            if (problems.Count == 0)
            {
                return new CheckResult(CheckIds.Url, "URL", CheckStatus.Pass, "https on port 443; " + url.Host + " is not a tunnel, private address or internal name");
            }

            return new CheckResult(CheckIds.Url, "URL", CheckStatus.Fail, problems[0]) { Details = problems.Skip(1).ToImmutableArray(), Faq = faq, Advice = advice };
        }

        /// <summary>
        /// What to do about a name public DNS does not know: publish a record for it, unless it is a name no public
        /// record can exist for (localhost, a single label, an internal suffix) or a placeholder, which the URL check has
        /// already explained.
        /// </summary>
        private static string PublicDnsAdvice(ParsedUrl url) => AnalyzerModel.ClassifyHost(url.Host, url.Bracketed, out _) switch
        {
            HostKind.InternalName => "Use a host name published in public DNS; " + url.Host + " cannot be published there.",
            HostKind.Placeholder => "Replace the placeholder with the shop's real public host name.",
            _ => "Publish an A or AAAA record for " + url.Host + " in public DNS.",
        };

        /// <summary>2. The public resolvers know the name and every A/AAAA record is publicly routable.</summary>
        private async Task<(CheckResult Check, ImmutableArray<IPAddress> Addresses)> DnsCheckAsync(ParsedUrl url, CancellationToken cancellationToken)
        {
            if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal))
            {
                return (new CheckResult(CheckIds.Dns, "Public DNS", CheckStatus.Skip, url.Host + " is an IP address; nothing to resolve"), ImmutableArray.Create(literal));
            }

            services.Progress("Public DNS: asking public resolvers for " + url.Host + " (A, AAAA)");
            PublicDnsAnswer answer;
            using (var timeout = Timeout(cancellationToken))
            {
                try
                {
                    answer = await services.Dns.QueryPublicAsync(url.Host, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    answer = new PublicDnsAnswer(false, ImmutableArray<IPAddress>.Empty, "public resolvers", "timed out after " + Seconds(request.StepTimeout));
                }
            }

            if (!answer.Answered)
            {
                return (new CheckResult(CheckIds.Dns, "Public DNS", CheckStatus.Error, "the public resolvers (" + answer.Servers + ") did not answer: " + answer.Error)
                {
                    Advice = "Check this machine's outbound DNS (UDP/TCP 53), or name reachable resolvers with --dns-server.",
                }, ImmutableArray<IPAddress>.Empty);
            }

            if (answer.Addresses.IsEmpty)
            {
                ImmutableArray<IPAddress> local;
                using (var timeout = Timeout(cancellationToken))
                {
                    local = await services.Dns.QueryLocalAsync(url.Host, timeout.Token).ConfigureAwait(false);
                }

                var summary = local.IsEmpty
                    ? url.Host + " has no A or AAAA record in public DNS"
                    : url.Host + " resolves only through this machine's resolver (" + string.Join(", ", local) + "): an internal-only name";
                return (new CheckResult(CheckIds.Dns, "Public DNS", CheckStatus.Fail, summary)
                {
                    Details = answer.Error is null ? ImmutableArray<string>.Empty : ImmutableArray.Create("public resolvers said: " + answer.Error),
                    Faq = Faq.PublicDns,
                    Advice = PublicDnsAdvice(url),
                }, ImmutableArray<IPAddress>.Empty);
            }

            var bad = answer.Addresses
                .Select(address => (Address: address, Problem: AnalyzerModel.AddressProblem(address)))
                .Where(entry => entry.Problem is not null)
                .Select(entry => entry.Address + " is " + entry.Problem)
                .ToImmutableArray();
            var list = string.Join(", ", answer.Addresses);
            if (!bad.IsEmpty)
            {
                return (new CheckResult(CheckIds.Dns, "Public DNS", CheckStatus.Fail, url.Host + " resolves publicly to an address Resurs cannot reach: " + bad[0])
                {
                    Details = bad.Skip(1).Append("all records: " + list).ToImmutableArray(),
                    Faq = Faq.PrivateNetworks,
                    Advice = "Every public A and AAAA record must point at a publicly routable address.",
                }, answer.Addresses);
            }

            return (new CheckResult(CheckIds.Dns, "Public DNS", CheckStatus.Pass, url.Host + " resolves publicly to " + list), answer.Addresses);
        }

        /// <summary>3. The port answers within the timeout, on the first address that does.</summary>
        private async Task<(CheckResult Check, IPEndPoint? Endpoint)> TcpCheckAsync(ParsedUrl url, ImmutableArray<IPAddress> addresses, CancellationToken cancellationToken)
        {
            var endpoints = Endpoints(url, addresses);
            var overridden = request.Overrides.Any(entry => Matches(entry, url));
            if (endpoints.IsEmpty)
            {
                return (new CheckResult(CheckIds.Tcp, "TCP", CheckStatus.Skip, "no public address to connect to"), null);
            }

            var failures = new List<string>();
            foreach (var endpoint in endpoints)
            {
                services.Progress("TCP: connecting to " + endpoint + " (timeout " + Seconds(request.StepTimeout) + ")");
                using var timeout = Timeout(cancellationToken);
                try
                {
                    using var socket = await services.Connect(endpoint, timeout.Token).ConfigureAwait(false);
                    var note = overridden ? " (address from --resolve/--connect-to)" : string.Empty;
                    return (new CheckResult(CheckIds.Tcp, "TCP", CheckStatus.Pass, "port " + url.Port.ToString(CultureInfo.InvariantCulture) + " answers on " + endpoint + note)
                    {
                        Details = failures.ToImmutableArray(),
                    }, endpoint);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failures.Add(endpoint + ": no answer within " + Seconds(request.StepTimeout));
                }
                catch (SocketException exception)
                {
                    failures.Add(endpoint + ": " + exception.Message);
                }
            }

            return (new CheckResult(CheckIds.Tcp, "TCP", CheckStatus.Fail, "port " + url.Port.ToString(CultureInfo.InvariantCulture) + " does not answer: " + failures[0])
            {
                Details = failures.Skip(1).ToImmutableArray(),
                Faq = Faq.Reachable,
                Advice = "Open port 443 to the internet (firewall, security group, load balancer) and check the server listens on it.",
            }, null);
        }

        /// <summary>6. One request without following redirects: the status, and where a redirect would have sent Resurs.</summary>
        private async Task<CheckResult> HttpCheckAsync(string method, ParsedUrl url, IPEndPoint endpoint, CancellationToken cancellationToken)
        {
            if (!Uri.TryCreate(url.Text, UriKind.Absolute, out var uri))
            {
                return new CheckResult(CheckIds.Http, "HTTP", CheckStatus.Skip, "'" + url.Text + "' cannot be sent as a request");
            }

            services.Progress("HTTP: " + method + " " + uri);
            using var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = async (_, token) => new NetworkStream(await services.Connect(endpoint, token).ConfigureAwait(false), ownsSocket: true),
            };

            // The certificate is judged by its own check; the probe only wants the HTTP answer.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
            using var client = new HttpClient(handler) { Timeout = request.StepTimeout };
            using var message = new HttpRequestMessage(new HttpMethod(method), uri);
            if (method == "POST")
            {
                message.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            try
            {
                using var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var line = method + " answered " + status.ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase;
                if (status >= 300 && status < 400)
                {
                    var location = response.Headers.Location;
                    var target = location is null ? null : location.IsAbsoluteUri ? location : new Uri(uri, location);
                    var details = new List<string>();
                    if (target is not null && target.Scheme == Uri.UriSchemeHttp)
                    {
                        details.Add("the redirect goes to plain http: " + target);
                    }

                    if (target is not null && !string.Equals(target.Host, uri.Host, StringComparison.OrdinalIgnoreCase))
                    {
                        details.Add("the redirect goes to another host: " + target.Host);
                    }

                    return new CheckResult(CheckIds.Http, "HTTP", CheckStatus.Fail, line + " (redirect to " + (target?.ToString() ?? "nowhere") + ")")
                    {
                        Details = details.ToImmutableArray(),
                        Advice = "Resurs does not follow redirects: register the final https URL as the callback.",
                    };
                }

                return status < 300
                    ? new CheckResult(CheckIds.Http, "HTTP", CheckStatus.Pass, line)
                    : new CheckResult(CheckIds.Http, "HTTP", CheckStatus.Warn, line)
                    {
                        Faq = Faq.WebServer,
                        Advice = "Resurs counts only a status below 300 as delivered; check the endpoint accepts Resurs's " + method + " (a WAF or IP filter may answer 403).",
                    };
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return new CheckResult(CheckIds.Http, "HTTP", CheckStatus.Fail, method + " failed: " + exception.Message)
                {
                    Advice = "The server accepted the connection but did not answer the request.",
                };
            }
        }

        /// <summary>7. Cannot be tested from outside Resurs: the IPs to allow, and the warning against whole cloud ranges.</summary>
        private CheckResult FirewallCheck() =>
            new CheckResult(CheckIds.Firewall, "Firewall", CheckStatus.Info, "cannot be tested from here: allow inbound HTTPS from " + string.Join(", ", request.CallbackIps))
            {
                Details = ImmutableArray.Create(
                    "Resurs-owned networks (AS35814), fine to allow: " + string.Join(", ", AnalyzerModel.OwnedNetworks),
                    Faq.WholeRanges),
                Faq = Faq.Firewall,
                Advice = "Allow exactly these addresses on 443 in the firewall, WAF and web server; not the cloud provider's ranges.",
            };

        private ImmutableArray<IPEndPoint> Endpoints(ParsedUrl url, ImmutableArray<IPAddress> addresses)
        {
            var overrides = request.Overrides.Where(entry => Matches(entry, url)).ToList();
            if (overrides.Count > 0)
            {
                return overrides.Select(entry => new IPEndPoint(entry.Address, entry.ConnectPort)).ToImmutableArray();
            }

            return addresses.Select(address => new IPEndPoint(address, url.Port)).ToImmutableArray();
        }

        private static bool Matches(EndpointOverride entry, ParsedUrl url) =>
            entry.Port == url.Port && string.Equals(entry.Host, url.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);

        private CancellationTokenSource Timeout(CancellationToken cancellationToken)
        {
            var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            source.CancelAfter(request.StepTimeout);
            return source;
        }

        internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
    }

    /// <summary>Stable check identifiers, used in the JSON output.</summary>
    internal static class CheckIds
    {
        public const string Url = "url";
        public const string Dns = "dns";
        public const string Tcp = "tcp";
        public const string Tls = "tls";
        public const string Certificate = "certificate";
        public const string Revocation = "revocation";
        public const string Http = "http";
        public const string Firewall = "firewall";
    }
}
