// Valid code: an outgoing Resurs client that keeps the platform's validation and adds public-key pinning on top.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;

namespace NordicGear.Shop.Payments
{
    public static class PinnedResursClient
    {
        // SHA-256 of the SubjectPublicKeyInfo of the current and the next Resurs API certificate.
        private static readonly HashSet<string> PinnedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "6F1A4C2B9D0E8F7A6B5C4D3E2F1A0B9C8D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A",
            "0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9",
        };

        public static void AddResursClient(this IServiceCollection services)
        {
            services.AddHttpClient("resurs", client => client.BaseAddress = new Uri("https://merchant-api.integration.resurs.com/"))
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    SslOptions =
                    {
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                        CertificateRevocationCheckMode = X509RevocationMode.Online,
                        RemoteCertificateValidationCallback = ValidateResursCertificate,
                    },
                });
        }

        /// <summary>The chain, name and revocation checks the platform made must all pass; then the key must be a pinned one.</summary>
        public static bool ValidateResursCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
        {
            if (sslPolicyErrors != SslPolicyErrors.None || certificate is null)
            {
                return false;
            }

            using var certificate2 = new X509Certificate2(certificate);
            var spki = certificate2.PublicKey.ExportSubjectPublicKeyInfo();
            var hash = Convert.ToHexString(SHA256.HashData(spki));
            return PinnedKeys.Contains(hash);
        }

        public static HttpClientHandler CreateLegacyHandler() => new HttpClientHandler
        {
            CheckCertificateRevocationList = true,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                errors == SslPolicyErrors.None
                && certificate != null
                && PinnedKeys.Contains(Convert.ToHexString(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()))),
        };

        /// <summary>A startup guard: fail fast when someone configured the accept-all validator.</summary>
        public static void EnsureValidated(HttpClientHandler handler)
        {
            if (handler.ServerCertificateCustomValidationCallback == HttpClientHandler.DangerousAcceptAnyServerCertificateValidator)
            {
                throw new InvalidOperationException("Certificate validation must not be disabled for Resurs.");
            }
        }

        public static IReadOnlyList<string> Describe(X509Chain chain) =>
            chain.ChainStatus.Select(status => status.Status + ": " + status.StatusInformation).ToList();
    }
}
