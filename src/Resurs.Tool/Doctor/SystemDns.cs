using System;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DnsClient;

namespace Resurs.Tool.Doctor
{
    /// <summary>
    /// Real DNS: the public resolvers are asked directly with DnsClient (UDP, TCP fallback, no cache), so a name that only a
    /// LAN resolver or the hosts file knows is told apart; the local resolver is the operating system's.
    /// </summary>
    internal sealed class SystemDns : IDoctorDns
    {
        /// <summary>Cloudflare, Google and Quad9.</summary>
        public static readonly ImmutableArray<IPEndPoint> DefaultPublicResolvers = ImmutableArray.Create(
            new IPEndPoint(IPAddress.Parse("1.1.1.1"), 53), new IPEndPoint(IPAddress.Parse("8.8.8.8"), 53), new IPEndPoint(IPAddress.Parse("9.9.9.9"), 53));

        private readonly ImmutableArray<IPEndPoint> servers;
        private readonly TimeSpan timeout;

        public SystemDns(ImmutableArray<IPEndPoint> servers, TimeSpan timeout)
        {
            this.servers = servers.IsDefaultOrEmpty ? DefaultPublicResolvers : servers;
            this.timeout = timeout;
        }

        public async Task<PublicDnsAnswer> QueryPublicAsync(string host, CancellationToken cancellationToken)
        {
            var names = string.Join(", ", servers.Select(server => server.Port == 53 ? server.Address.ToString() : server.ToString()));
            var options = new LookupClientOptions(servers.Select(server => new NameServer(server)).ToArray())
            {
                UseCache = false,
                Timeout = timeout,
                Retries = 1,
                UseTcpFallback = true,
                ThrowDnsErrors = false,
                ContinueOnDnsError = false,
                UseRandomNameServer = false,
            };
            var client = new LookupClient(options);
            try
            {
                var a = await client.QueryAsync(host, QueryType.A, QueryClass.IN, cancellationToken).ConfigureAwait(false);
                var aaaa = await client.QueryAsync(host, QueryType.AAAA, QueryClass.IN, cancellationToken).ConfigureAwait(false);
                var addresses = a.Answers.ARecords().Select(record => record.Address)
                    .Concat(aaaa.Answers.AaaaRecords().Select(record => record.Address))
                    .Distinct()
                    .ToImmutableArray();
                var error = a.HasError ? a.ErrorMessage : null;
                return new PublicDnsAnswer(true, addresses, names, error);
            }
            catch (DnsResponseException exception)
            {
                return new PublicDnsAnswer(false, ImmutableArray<IPAddress>.Empty, names, exception.Message);
            }
        }

        public async Task<ImmutableArray<IPAddress>> QueryLocalAsync(string host, CancellationToken cancellationToken)
        {
            try
            {
                return (await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false)).ToImmutableArray();
            }
            catch (SocketException)
            {
                return ImmutableArray<IPAddress>.Empty;
            }
        }
    }
}
