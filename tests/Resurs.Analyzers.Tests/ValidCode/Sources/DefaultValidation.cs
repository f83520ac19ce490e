// Valid code: handlers and streams that leave certificate validation to the platform.
using System;
using System.IO;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace NordicGear.Shop.Infrastructure
{
    public static class DefaultValidation
    {
        public static HttpClient CreateClient() => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

        public static async Task<SslStream> ConnectAsync(Stream inner, CancellationToken cancellationToken)
        {
            var stream = new SslStream(inner, leaveInnerStreamOpen: false);
            await stream.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = "merchant-api.resurs.com",
                    EnabledSslProtocols = SslProtocols.None,
                    CertificateRevocationCheckMode = X509RevocationMode.Online,
                },
                cancellationToken);
            if (stream.SslProtocol == SslProtocols.Tls11 || stream.NegotiatedCipherSuite.ToString().Length == 0)
            {
                throw new AuthenticationException("Negotiated a protocol Resurs does not accept.");
            }

            return stream;
        }

        public static void AuthenticateLegacy(SslStream stream) =>
            stream.AuthenticateAsClient("merchant-api.resurs.com", null, SslProtocols.Tls12 | SslProtocols.Tls13, checkCertificateRevocation: true);

        /// <summary>Checks a downloaded settlement file's signing certificate against the system roots.</summary>
        public static bool IsTrustedSigner(X509Certificate2 signer)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
            chain.ChainPolicy.RevocationFlag = X509RevocationFlag.EntireChain;
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.NoFlag;
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.System;
            return chain.Build(signer);
        }

        /// <summary>A self-signed client certificate for a partner's mutual-TLS test endpoint: it is sent, never served.</summary>
        public static HttpClientHandler CreateClientCertificateHandler()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=nordicgear-client", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var clientCertificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30));
            var handler = new HttpClientHandler { ClientCertificateOptions = ClientCertificateOption.Manual };
            handler.ClientCertificates.Add(clientCertificate);
            return handler;
        }

        public static bool IsWeakened(X509ChainPolicy policy) =>
            (policy.VerificationFlags & X509VerificationFlags.AllowUnknownCertificateAuthority) != 0
            || policy.VerificationFlags.HasFlag(X509VerificationFlags.IgnoreNotTimeValid)
            || policy.RevocationMode == X509RevocationMode.NoCheck
            || policy.TrustMode == X509ChainTrustMode.CustomRootTrust;
    }
}
