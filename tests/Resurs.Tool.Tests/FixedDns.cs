using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Resurs.Tool.Doctor;

namespace Resurs.Tool.Tests
{
    /// <summary>DNS with fixed answers: no query leaves the test.</summary>
    internal sealed class FixedDns : IDoctorDns
    {
        private readonly Dictionary<string, IPAddress[]> publicRecords = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, IPAddress[]> localRecords = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>When false, the public resolvers "do not answer".</summary>
        public bool Reachable { get; init; } = true;

        public FixedDns Public(string host, params string[] addresses)
        {
            publicRecords[host] = addresses.Select(IPAddress.Parse).ToArray();
            return this;
        }

        public FixedDns Local(string host, params string[] addresses)
        {
            localRecords[host] = addresses.Select(IPAddress.Parse).ToArray();
            return this;
        }

        public Task<PublicDnsAnswer> QueryPublicAsync(string host, CancellationToken cancellationToken) =>
            Task.FromResult(!Reachable
                ? new PublicDnsAnswer(false, ImmutableArray<IPAddress>.Empty, "192.0.2.53 (fixed)", "timed out")
                : new PublicDnsAnswer(true, (publicRecords.TryGetValue(host, out var found) ? found : Array.Empty<IPAddress>()).ToImmutableArray(), "192.0.2.53 (fixed)", null));

        public Task<ImmutableArray<IPAddress>> QueryLocalAsync(string host, CancellationToken cancellationToken) =>
            Task.FromResult((localRecords.TryGetValue(host, out var found) ? found : Array.Empty<IPAddress>()).ToImmutableArray());

        /// <summary>The doctor's connector for tests: refuses anything but loopback, so no test can reach a real host.</summary>
        public static async Task<Socket> LoopbackOnly(IPEndPoint endpoint, CancellationToken cancellationToken)
        {
            if (!IPAddress.IsLoopback(endpoint.Address))
            {
                throw new InvalidOperationException("A test tried to connect to " + endpoint + "; tests may only reach loopback.");
            }

            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(endpoint, cancellationToken);
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
