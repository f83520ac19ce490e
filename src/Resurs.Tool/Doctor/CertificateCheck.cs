using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography.X509Certificates;

namespace Resurs.Tool.Doctor
{
    /// <summary>
    /// 5. The certificate the server presented: dates, name, self-signed, and a chain built from what the server sent with
    /// certificate downloads disabled (so a missing intermediate shows, as it does for a client that does not fetch it),
    /// ending in a trusted root. Revocation is a separate line because "unknown" is common and not the merchant's fault.
    /// </summary>
    internal sealed class CertificateCheck
    {
        private readonly X509Certificate2Collection? trustedRoots;
        private readonly DateTimeOffset now;
        private readonly TimeSpan timeout;

        public CertificateCheck(X509Certificate2Collection? trustedRoots, DateTimeOffset now, TimeSpan timeout)
        {
            this.trustedRoots = trustedRoots;
            this.now = now;
            this.timeout = timeout;
        }

        public CheckResult Check(string host, ServedCertificate served)
        {
            var leaf = served.Leaf;
            var problems = new List<string>();
            if (leaf.NotAfter.ToUniversalTime() < now.UtcDateTime)
            {
                problems.Add("expired on " + Date(leaf.NotAfter));
            }

            if (leaf.NotBefore.ToUniversalTime() > now.UtcDateTime)
            {
                problems.Add("not valid before " + Date(leaf.NotBefore));
            }

            if (!leaf.MatchesHostname(host.Trim('[', ']')))
            {
                problems.Add("issued for " + Names(leaf) + ", not " + host);
            }

            var selfSigned = leaf.SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData);
            if (selfSigned)
            {
                problems.Add("self-signed (" + leaf.Subject + ")");
            }

            using var chain = Build(served, X509RevocationMode.NoCheck);
            var flags = Flags(chain);
            if (!selfSigned)
            {
                if (flags.HasFlag(X509ChainStatusFlags.PartialChain) && chain.ChainElements.Count <= 1)
                {
                    problems.Add("the server does not send its intermediate certificate: the chain stops at the leaf, issued by " + leaf.Issuer + " (checked with certificate downloads disabled)");
                }
                else if (flags.HasFlag(X509ChainStatusFlags.PartialChain))
                {
                    var top = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
                    problems.Add("the chain ends at " + top.Subject + ", issued by " + top.Issuer + ", which is not a trusted root (an untrusted CA, or a further intermediate the server does not send)");
                }
                else if (flags.HasFlag(X509ChainStatusFlags.UntrustedRoot))
                {
                    problems.Add("the chain ends in " + Top(chain) + ", which is not a trusted root (untrusted CA)");
                }
            }

            var other = flags & ~(X509ChainStatusFlags.PartialChain | X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.NotTimeValid
                | X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation);
            if (other != X509ChainStatusFlags.NoError)
            {
                problems.Add("chain errors: " + other);
            }

            if (flags.HasFlag(X509ChainStatusFlags.NotTimeValid) && problems.Count == 0)
            {
                problems.Add("a certificate in the chain is outside its validity period");
            }

            var issuer = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: true);
            var details = ImmutableArray.Create(
                "subject: " + leaf.Subject + "; names: " + Names(leaf),
                "valid " + Date(leaf.NotBefore) + " to " + Date(leaf.NotAfter),
                "issued by " + issuer + "; chain: " + string.Join(" -> ", chain.ChainElements.Select(element => element.Certificate.GetNameInfo(X509NameType.SimpleName, false))),
                "the server sent " + served.Sent.Count.ToString(CultureInfo.InvariantCulture) + " certificate(s) besides its own",
                trustedRoots is null ? "trust: this machine's root store" : "trust: the given root certificates only");
            if (problems.Count > 0)
            {
                return new CheckResult(CheckIds.Certificate, "Certificate", CheckStatus.Fail, problems[0])
                {
                    Details = problems.Skip(1).Concat(details).ToImmutableArray(),
                    Faq = Faq.Certificate,
                    Advice = "Serve a certificate for " + host + " from a publicly trusted CA (e.g. Let's Encrypt, DigiCert) and configure the full chain (leaf plus intermediates).",
                };
            }

            return new CheckResult(CheckIds.Certificate, "Certificate", CheckStatus.Pass, "valid until " + Date(leaf.NotAfter) + ", issued by " + issuer + ", chain complete and trusted")
            {
                Details = details,
            };
        }

        /// <summary>Revocation through the CA's CRL or OCSP responder; unknown is a warning of its own.</summary>
        public CheckResult CheckRevocation(ServedCertificate served)
        {
            using var chain = Build(served, X509RevocationMode.Online);
            var flags = Flags(chain);
            if (flags.HasFlag(X509ChainStatusFlags.PartialChain))
            {
                return new CheckResult(CheckIds.Revocation, "Revocation", CheckStatus.Skip, "not checked: the chain does not reach a root");
            }

            if (flags.HasFlag(X509ChainStatusFlags.Revoked))
            {
                return new CheckResult(CheckIds.Revocation, "Revocation", CheckStatus.Fail, "the certificate or one of its issuers is revoked")
                {
                    Faq = Faq.Revoked,
                    Advice = "Replace the certificate.",
                };
            }

            if (flags.HasFlag(X509ChainStatusFlags.RevocationStatusUnknown) || flags.HasFlag(X509ChainStatusFlags.OfflineRevocation))
            {
                return new CheckResult(CheckIds.Revocation, "Revocation", CheckStatus.Warn, "unknown: no CRL or OCSP answer for the chain")
                {
                    Details = ImmutableArray.Create(Statuses(chain)),
                    Advice = "Usually harmless when the CA publishes no revocation endpoint reachable from here; a public CA's certificate should show as good.",
                };
            }

            return new CheckResult(CheckIds.Revocation, "Revocation", CheckStatus.Pass, "not revoked");
        }

        private X509Chain Build(ServedCertificate served, X509RevocationMode revocation)
        {
            var chain = new X509Chain();
            var policy = chain.ChainPolicy;
            policy.DisableCertificateDownloads = true;
            policy.RevocationMode = revocation;
            policy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
            policy.UrlRetrievalTimeout = timeout;
            policy.VerificationTime = now.UtcDateTime;
            policy.ExtraStore.AddRange(served.Sent);
            if (trustedRoots is not null)
            {
                policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                policy.CustomTrustStore.AddRange(trustedRoots);
            }

            chain.Build(served.Leaf);
            return chain;
        }

        private static X509ChainStatusFlags Flags(X509Chain chain)
        {
            var flags = X509ChainStatusFlags.NoError;
            foreach (var status in chain.ChainStatus)
            {
                flags |= status.Status;
            }

            return flags;
        }

        private static string Statuses(X509Chain chain) =>
            string.Join("; ", chain.ChainStatus.Select(status => status.Status + ": " + status.StatusInformation.Trim()).Distinct());

        private static string Top(X509Chain chain) =>
            chain.ChainElements.Count == 0 ? "the leaf" : chain.ChainElements[chain.ChainElements.Count - 1].Certificate.Subject;

        private static string Names(X509Certificate2 certificate)
        {
            var names = new List<string>();
            foreach (var extension in certificate.Extensions)
            {
                if (extension is X509SubjectAlternativeNameExtension san)
                {
                    names.AddRange(san.EnumerateDnsNames());
                    names.AddRange(san.EnumerateIPAddresses().Select(address => address.ToString()));
                }
            }

            return names.Count == 0 ? certificate.GetNameInfo(X509NameType.SimpleName, false) : string.Join(", ", names);
        }

        private static string Date(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }
}
