using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Resurs.Tool.Tests
{
    /// <summary>
    /// One loopback server per certificate or protocol situation, started once for all doctor tests, plus the test CA they
    /// chain to. Every server presents itself as shop.example.se (except the wrong-name one).
    /// </summary>
    public sealed class DoctorServers : IAsyncLifetime
    {
        public const string Host = "shop.example.se";

        internal X509Certificate2 Root { get; } = TestPki.CreateRoot("Resurs Doctor Test Root");

        internal X509Certificate2 OtherRoot { get; } = TestPki.CreateRoot("Some Other Root");

        internal X509Certificate2 Intermediate { get; private set; } = null!;

        internal LoopbackServer Valid { get; private set; } = null!;

        internal LoopbackServer SelfSigned { get; private set; } = null!;

        internal LoopbackServer Expired { get; private set; } = null!;

        internal LoopbackServer WrongName { get; private set; } = null!;

        internal LoopbackServer MissingIntermediate { get; private set; } = null!;

        internal LoopbackServer Tls12Only { get; private set; } = null!;

        internal LoopbackServer Tls13Only { get; private set; } = null!;

        internal LoopbackServer PlainHttp { get; private set; } = null!;

        /// <summary>A loopback port nothing listens on.</summary>
        internal int ClosedPort { get; private set; }

        public async Task InitializeAsync()
        {
            Intermediate = TestPki.CreateIntermediate(Root, "Resurs Doctor Test Intermediate");
            var chain = new X509Certificate2Collection(Intermediate);
            var leaf = TestPki.CreateLeaf(Intermediate, Host);
            Valid = await LoopbackServer.StartAsync(leaf, chain, handler: Answer);
            SelfSigned = await LoopbackServer.StartAsync(TestPki.CreateLeaf(null, Host), new X509Certificate2Collection());
            Expired = await LoopbackServer.StartAsync(TestPki.CreateLeaf(Intermediate, Host, TestPki.Now.AddDays(-10), TestPki.Now.AddDays(-1)), chain);
            WrongName = await LoopbackServer.StartAsync(TestPki.CreateLeaf(Intermediate, "other.example.se"), chain);
            // A leaf of its own: the platform caches a server certificate's context (and chain) per certificate.
            MissingIntermediate = await LoopbackServer.StartAsync(TestPki.CreateLeaf(Intermediate, Host), new X509Certificate2Collection());
            Tls12Only = await LoopbackServer.StartAsync(leaf, chain, SslProtocols.Tls12);
            Tls13Only = await LoopbackServer.StartAsync(leaf, chain, SslProtocols.Tls13);
            PlainHttp = await LoopbackServer.StartAsync(null);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            ClosedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
        }

        public async Task DisposeAsync()
        {
            foreach (var server in new[] { Valid, SelfSigned, Expired, WrongName, MissingIntermediate, Tls12Only, Tls13Only, PlainHttp })
            {
                if (server is not null)
                {
                    await server.DisposeAsync();
                }
            }
        }

        /// <summary>/redirect sends Resurs to plain http on another host; /forbidden answers 403; anything else 200.</summary>
        private static Task Answer(HttpContext context)
        {
            switch (context.Request.Path.Value)
            {
                case "/redirect":
                    context.Response.Redirect("http://www.example.net/landing");
                    return Task.CompletedTask;
                case "/forbidden":
                    context.Response.StatusCode = 403;
                    return Task.CompletedTask;
                default:
                    return context.Response.WriteAsync("ok");
            }
        }
    }
}
