using System;
using System.Linq;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Resurs.Tool.Tests
{
    /// <summary>A Kestrel server on 127.0.0.1 with a port of its own: HTTPS with a given certificate (and chain), or plain HTTP.</summary>
    internal sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly WebApplication app;

        private LoopbackServer(WebApplication app, int port)
        {
            this.app = app;
            Port = port;
        }

        public int Port { get; }

        /// <summary>
        /// Starts a server. <paramref name="chain"/> is what it sends besides the leaf (empty: only the leaf, the "missing
        /// intermediate" mistake). <paramref name="handler"/> answers every request (default 200 "ok").
        /// </summary>
        public static async Task<LoopbackServer> StartAsync(
            X509Certificate2? certificate,
            X509Certificate2Collection? chain = null,
            SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            RequestDelegate? handler = null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (certificate is not null)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = certificate,
                        ServerCertificateChain = chain ?? new X509Certificate2Collection(),
                        SslProtocols = protocols,
                    });
                }
            }));
            var app = builder.Build();
            app.Run(handler ?? (context => context.Response.WriteAsync("ok")));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new LoopbackServer(app, new Uri(address).Port);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
