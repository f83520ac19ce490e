using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace Resurs.Tool.Doctor
{
    /// <summary>The certificate a server presented and the other certificates it sent with it (its intermediates).</summary>
    internal sealed class ServedCertificate : IDisposable
    {
        public ServedCertificate(X509Certificate2 leaf, X509Certificate2Collection sent)
        {
            Leaf = leaf;
            Sent = sent;
        }

        public X509Certificate2 Leaf { get; }

        public X509Certificate2Collection Sent { get; }

        public void Dispose()
        {
            Leaf.Dispose();
            foreach (var certificate in Sent)
            {
                certificate.Dispose();
            }
        }
    }

    /// <summary>
    /// 4. TLS: one handshake offering only TLS 1.2 and one offering only TLS 1.3 (the check fails when neither completes),
    /// then one offering only TLS 1.0/1.1, reported when accepted and when this platform can offer those versions at all.
    /// </summary>
    internal sealed class TlsProbe
    {
        private static readonly Lazy<Task<bool>> LegacyTestable = new Lazy<Task<bool>>(CanOfferLegacyAsync);
        private readonly TimeSpan timeout;
        private readonly Func<IPEndPoint, CancellationToken, Task<Socket>> connect;

        public TlsProbe(TimeSpan timeout, Func<IPEndPoint, CancellationToken, Task<Socket>> connect)
        {
            this.timeout = timeout;
            this.connect = connect;
        }

        public async Task<(CheckResult Check, ServedCertificate? Served)> CheckAsync(string host, IPEndPoint endpoint, CancellationToken cancellationToken)
        {
            var tls12 = await HandshakeAsync(host, endpoint, SslProtocols.Tls12, cancellationToken).ConfigureAwait(false);
            var tls13 = await HandshakeAsync(host, endpoint, SslProtocols.Tls13, cancellationToken).ConfigureAwait(false);
            var details = new List<string>
            {
                "TLS 1.2: " + (tls12.Error ?? "accepted (" + tls12.Cipher + ")"),
                "TLS 1.3: " + (tls13.Error ?? "accepted (" + tls13.Cipher + ")"),
            };
            var served = tls13.Served ?? tls12.Served;
            if (tls12.Served is not null && tls13.Served is not null)
            {
                tls12.Served.Dispose();
            }

            if (served is null)
            {
                return (new CheckResult(CheckIds.Tls, "TLS", CheckStatus.Fail, "neither a TLS 1.2 nor a TLS 1.3 handshake completed")
                {
                    Details = details.ToImmutableArray(),
                    Faq = Faq.Tls,
                    Advice = "Enable TLS 1.2 and TLS 1.3 on the server or load balancer that terminates HTTPS for this host.",
                }, null);
            }

            var status = CheckStatus.Pass;
            string? advice = null;
            if (!await LegacyTestable.Value.ConfigureAwait(false))
            {
                details.Add("TLS 1.0/1.1: not tested; this platform's TLS library cannot offer them");
            }
            else
            {
#pragma warning disable CA5397, CA5398 // deliberately weak: finds servers that still accept TLS 1.0/1.1
                var legacy = await HandshakeAsync(host, endpoint, SslProtocols.Tls | SslProtocols.Tls11, cancellationToken).ConfigureAwait(false);
#pragma warning restore CA5397, CA5398
                legacy.Served?.Dispose();
                if (legacy.Error is null)
                {
                    status = CheckStatus.Warn;
                    advice = "Turn off TLS 1.0 and 1.1: Resurs never uses them, and they weaken the endpoint.";
                    details.Add("TLS 1.0/1.1: still accepted (" + legacy.Protocol + ")");
                }
                else
                {
                    details.Add("TLS 1.0/1.1: refused");
                }
            }

            var accepted = tls12.Error is null && tls13.Error is null ? "TLS 1.2 and TLS 1.3" : tls12.Error is null ? "TLS 1.2 (not 1.3)" : "TLS 1.3 (not 1.2)";
            return (new CheckResult(CheckIds.Tls, "TLS", status, "accepts " + accepted + (status == CheckStatus.Warn ? ", and still TLS 1.0/1.1" : string.Empty))
            {
                Details = details.ToImmutableArray(),
                Faq = status == CheckStatus.Pass ? null : Faq.Tls,
                Advice = advice,
            }, served);
        }

        private async Task<Handshake> HandshakeAsync(string host, IPEndPoint endpoint, SslProtocols protocols, CancellationToken cancellationToken)
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            X509Certificate2? leaf = null;
            var sent = new X509Certificate2Collection();
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = host.Trim('[', ']'),
                EnabledSslProtocols = protocols,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,

                // Nothing is judged here: the certificate check builds its own chain from what the server sent.
                RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
                {
                    if (certificate is not null)
                    {
                        leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    }

                    // The platform puts everything the server sent into the extra store, the leaf included.
                    if (chain is not null && certificate is not null)
                    {
                        foreach (var extra in chain.ChainPolicy.ExtraStore)
                        {
                            if (!extra.RawData.AsSpan().SequenceEqual(certificate.GetRawCertData()))
                            {
                                sent.Add(X509CertificateLoader.LoadCertificate(extra.RawData));
                            }
                        }
                    }

                    return true;
                },
            };

            try
            {
                using var socket = await connect(endpoint, timeoutSource.Token).ConfigureAwait(false);
                using var stream = new SslStream(new NetworkStream(socket, ownsSocket: false));
                await stream.AuthenticateAsClientAsync(options, timeoutSource.Token).ConfigureAwait(false);
                var served = leaf is null ? null : new ServedCertificate(leaf, sent);
                return new Handshake(null, stream.SslProtocol.ToString(), stream.NegotiatedCipherSuite.ToString(), served);
            }
            catch (Exception exception) when (exception is AuthenticationException or IOException or SocketException
                || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                leaf?.Dispose();
                var message = exception is OperationCanceledException ? "no handshake within " + DoctorRunner.Seconds(timeout) : Describe(exception);
                return new Handshake("refused (" + message + ")", string.Empty, string.Empty, null);
            }
        }

        private static string Describe(Exception exception)
        {
            var message = exception.Message.TrimEnd('.');
            return exception.InnerException is { } inner && inner.Message.Length > 0 && inner.Message != exception.Message
                ? message + ": " + inner.Message.TrimEnd('.')
                : message;
        }

        /// <summary>
        /// Whether this machine can speak TLS 1.0/1.1 at all (many Linux OpenSSL builds refuse): one handshake with itself
        /// over loopback, with a throwaway certificate.
        /// </summary>
        private static async Task<bool> CanOfferLegacyAsync()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var now = DateTimeOffset.UtcNow;
            using var ephemeral = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256).CreateSelfSigned(now.AddMinutes(-5), now.AddMinutes(5));
            using var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
#pragma warning disable CA5397, CA5398
                const SslProtocols legacy = SslProtocols.Tls | SslProtocols.Tls11;
#pragma warning restore CA5397, CA5398
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var server = Task.Run(async () =>
                {
                    using var accepted = await listener.AcceptTcpClientAsync(cancel.Token).ConfigureAwait(false);
                    using var stream = new SslStream(accepted.GetStream());
                    await stream.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = legacy }, cancel.Token).ConfigureAwait(false);
                });
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, cancel.Token).ConfigureAwait(false);
                using var ssl = new SslStream(client.GetStream());
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = "localhost",
                    EnabledSslProtocols = legacy,
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
                }, cancel.Token).ConfigureAwait(false);
                await server.ConfigureAwait(false);
                return true;
            }
            catch (Exception exception) when (exception is AuthenticationException or IOException or SocketException or OperationCanceledException)
            {
                return false;
            }
            finally
            {
                listener.Stop();
            }
        }

        private sealed record Handshake(string? Error, string Protocol, string Cipher, ServedCertificate? Served);
    }
}
