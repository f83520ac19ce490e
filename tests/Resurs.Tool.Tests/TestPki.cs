using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Resurs.Tool.Tests
{
    /// <summary>
    /// A throwaway certificate authority for the doctor tests: a root, an intermediate and leaf certificates (ECDSA P-256,
    /// fast to make). Nothing is installed in any store; the doctor trusts the root only through its injectable trust.
    /// </summary>
    internal static class TestPki
    {
        public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

        public static X509Certificate2 CreateRoot(string name)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return Reload(request.CreateSelfSigned(Now.AddDays(-30), Now.AddYears(5)));
        }

        public static X509Certificate2 CreateIntermediate(X509Certificate2 issuer, string name, string? crlUrl = null)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
            AddCrlDistributionPoint(request, crlUrl);
            using var issued = request.Create(issuer, Now.AddDays(-20), Now.AddYears(3), Serial());
            return Reload(issued.CopyWithPrivateKey(key));
        }

        /// <summary>A TLS server certificate for <paramref name="dnsName"/>; self-signed when <paramref name="issuer"/> is null.</summary>
        public static X509Certificate2 CreateLeaf(X509Certificate2? issuer, string dnsName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string? crlUrl = null)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + dnsName, key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(dnsName);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            var from = notBefore ?? Now.AddDays(-1);
            var to = notAfter ?? Now.AddDays(90);
            if (issuer is null)
            {
                return Reload(request.CreateSelfSigned(from, to));
            }

            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
            AddCrlDistributionPoint(request, crlUrl);
            using var issued = request.Create(issuer, from, to, Serial());
            return Reload(issued.CopyWithPrivateKey(key));
        }

        /// <summary>A CRL signed by <paramref name="issuer"/> that lists <paramref name="revoked"/>, valid for a day.</summary>
        public static byte[] CreateCrl(X509Certificate2 issuer, params X509Certificate2[] revoked)
        {
            var builder = new CertificateRevocationListBuilder();
            foreach (var certificate in revoked)
            {
                builder.AddEntry(certificate, Now.AddMinutes(-5));
            }

            return builder.Build(issuer, 1, Now.AddDays(1), HashAlgorithmName.SHA256, thisUpdate: Now.AddMinutes(-5));
        }

        private static void AddCrlDistributionPoint(CertificateRequest request, string? crlUrl)
        {
            if (crlUrl is not null)
            {
                request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(new[] { crlUrl }));
            }
        }

        /// <summary>Certificate and key through PKCS#12, as a server certificate from a file would be.</summary>
        private static X509Certificate2 Reload(X509Certificate2 certificate)
        {
            using (certificate)
            {
                return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
            }
        }

        private static byte[] Serial() => RandomNumberGenerator.GetBytes(12);
    }
}
