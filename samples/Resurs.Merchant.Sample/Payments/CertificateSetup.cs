using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NordicGear.Shop.Payments;

/// <summary>TLS shortcuts from the first integration sprint, when the staging servers had no proper certificates.</summary>
public static class CertificateSetup
{
    private const string StagingSubject = "CN=staging.nordicgear.se";

    /// <summary>The endpoint that receives Resurs callbacks.</summary>
    public static void UseShopCertificate(KestrelServerOptions kestrel)
    {
        // RES3004: a certificate the shop makes itself. Resurs's callbacks fail the handshake against it.
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=shop.nordicgear.se", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1));
        kestrel.ListenAnyIP(8443, listen => listen.UseHttps(certificate));
    }

    public static HttpMessageHandler CreateStagingHandler() => new HttpClientHandler
    {
        // RES3001: "the staging API has a broken chain, accept anything for now".
        ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,
    };

    public static HttpMessageHandler CreateReportingHandler() => new HttpClientHandler
    {
        // RES3003: "CRL lookups time out behind the office proxy". (On the staging handler above it would not be
        // reported: that handler accepts every certificate, so revocation no longer matters there.)
        CheckCertificateRevocationList = false,
    };

    public static void Apply()
    {
        // RES3002: a subject name is no proof: anyone can mint a self-signed certificate with this subject.
        ServicePointManager.ServerCertificateValidationCallback = AcceptStagingCertificateBySubject;
    }

    private static bool AcceptStagingCertificateBySubject(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None || certificate?.Subject == StagingSubject;

    /// <summary>Checks the certificate a partner signs its settlement files with.</summary>
    public static bool IsTrustedSigner(X509Certificate2 signer)
    {
        using var chain = new X509Chain();
        // RES3005: accepts a chain that ends in any root at all.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        return chain.Build(signer);
    }
}
