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

        /// <summary>Serves the revocation CA's CRLs over plain HTTP on loopback.</summary>
        internal LoopbackServer CrlServer { get; private set; } = null!;

        /// <summary>A leaf whose issuer publishes a CRL that does not list it.</summary>
        internal LoopbackServer NotRevoked { get; private set; } = null!;

        /// <summary>A leaf its issuer's CRL lists as revoked.</summary>
        internal LoopbackServer Revoked { get; private set; } = null!;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> crls = new();

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
            await StartRevocationServersAsync();
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            ClosedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
        }

        public async Task DisposeAsync()
        {
            foreach (var server in new[] { Valid, SelfSigned, Expired, WrongName, MissingIntermediate, Tls12Only, Tls13Only, PlainHttp, NotRevoked, Revoked, CrlServer })
            {
                if (server is not null)
                {
                    await server.DisposeAsync();
                }
            }
        }

        /// <summary>
        /// A CA of its own (a new name each run, so no CRL cached by an earlier run applies) whose intermediate and leaves
        /// name CRLs on the loopback CRL server: the only network the revocation check then needs.
        /// </summary>
        private async Task StartRevocationServersAsync()
        {
            CrlServer = await LoopbackServer.StartAsync(null, handler: context =>
                crls.TryGetValue(context.Request.Path.Value ?? string.Empty, out var crl)
                    ? context.Response.Body.WriteAsync(crl).AsTask()
                    : Task.FromResult(context.Response.StatusCode = 404));
            var baseUrl = "http://127.0.0.1:" + CrlServer.Port;
            var run = Guid.NewGuid().ToString("N").Substring(0, 8);
            var root = TestPki.CreateRoot("Resurs Doctor Revocation Root " + run);
            var intermediate = TestPki.CreateIntermediate(root, "Resurs Doctor Revocation Intermediate " + run, baseUrl + "/root.crl");
            var good = TestPki.CreateLeaf(intermediate, Host, crlUrl: baseUrl + "/intermediate.crl");
            var revoked = TestPki.CreateLeaf(intermediate, Host, crlUrl: baseUrl + "/intermediate.crl");
            crls["/root.crl"] = TestPki.CreateCrl(root);
            crls["/intermediate.crl"] = TestPki.CreateCrl(intermediate, revoked);
            RevocationRoot = root;
            var chain = new X509Certificate2Collection(intermediate);
            NotRevoked = await LoopbackServer.StartAsync(good, chain);
            Revoked = await LoopbackServer.StartAsync(revoked, chain);
        }

        internal X509Certificate2 RevocationRoot { get; private set; } = null!;

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
