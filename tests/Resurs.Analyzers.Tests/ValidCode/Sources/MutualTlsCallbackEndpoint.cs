// Valid code: the Kestrel endpoint that receives callbacks, with a CA-issued certificate and checked client certificates.
using System;
using System.Collections.Generic;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NordicGear.Shop.Hosting
{
    public sealed class MutualTlsCallbackEndpoint
    {
        private static readonly HashSet<string> PartnerThumbprints = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "3B0E2A5F9C7D1E4F6A8B0C2D4E6F8A0B1C3D5E7F",
        };

        private readonly ILogger logger;

        public MutualTlsCallbackEndpoint(ILogger logger) => this.logger = logger;

        public void Configure(KestrelServerOptions kestrel, IHostEnvironment environment, string certificatePath, string certificatePassword)
        {
            // Issued by a public CA (Let's Encrypt via the hosting provider), loaded from disk.
            var serverCertificate = new X509Certificate2(certificatePath, certificatePassword);
            kestrel.ConfigureHttpsDefaults(https =>
            {
                https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                https.ServerCertificate = serverCertificate;
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.CheckCertificateRevocation = true;
                https.ClientCertificateValidation = ValidatePartner;
            });

            kestrel.ListenAnyIP(443, listen => listen.UseHttps(serverCertificate));
            if (environment.IsDevelopment())
            {
                // The ASP.NET Core development certificate, never deployed.
                kestrel.ListenLocalhost(5001, listen => listen.UseHttps());
            }
        }

        private bool ValidatePartner(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (errors != SslPolicyErrors.None)
            {
                logger.LogWarning("Rejected client certificate {Subject}: {Errors}", certificate.Subject, errors);
                return false;
            }

            switch (certificate.NotAfter < DateTime.UtcNow.AddDays(14))
            {
                case true:
                    logger.LogInformation("Client certificate {Subject} expires soon", certificate.Subject);
                    break;
            }

            return PartnerThumbprints.Contains(certificate.Thumbprint);
        }

        public static bool ThrowingValidator(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (errors != SslPolicyErrors.None)
            {
                throw new AuthenticationException("Certificate rejected: " + errors);
            }

            return true;
        }
    }
}
