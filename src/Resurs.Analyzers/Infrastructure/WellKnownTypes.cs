using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>
    /// Every framework type a rule needs, resolved once per compilation in one place, on first use (a missing type is
    /// null: its rules do nothing). The code fixes resolve their types here too. Elsewhere <c>GetTypeByMetadataName</c> is
    /// banned in both assemblies (BannedSymbols.txt), so two rules never resolve the same type twice, and a type's name is
    /// written once.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        /// <summary>Also compared with a parameter type's display string by the certificate fix.</summary>
        public const string SslPolicyErrorsName = "System.Net.Security.SslPolicyErrors";

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> resolved = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

        private WellKnownTypes(Compilation compilation) => this.compilation = compilation;

        public INamedTypeSymbol? AppContext => Get("System.AppContext");

        public INamedTypeSymbol? Environment => Get("System.Environment");

        public INamedTypeSymbol? GeneratedCodeAttribute => Get("System.CodeDom.Compiler.GeneratedCodeAttribute");

        public INamedTypeSymbol? SslProtocols => Get("System.Security.Authentication.SslProtocols");

        public INamedTypeSymbol? SecurityProtocolType => Get("System.Net.SecurityProtocolType");

        public INamedTypeSymbol? SslPolicyErrors => Get(SslPolicyErrorsName);

        public INamedTypeSymbol? X509Certificate => Get("System.Security.Cryptography.X509Certificates.X509Certificate");

        public INamedTypeSymbol? X509Chain => Get("System.Security.Cryptography.X509Certificates.X509Chain");

        public INamedTypeSymbol? X509RevocationMode => Get("System.Security.Cryptography.X509Certificates.X509RevocationMode");

        public INamedTypeSymbol? X509VerificationFlags => Get("System.Security.Cryptography.X509Certificates.X509VerificationFlags");

        public INamedTypeSymbol? X509ChainTrustMode => Get("System.Security.Cryptography.X509Certificates.X509ChainTrustMode");

        public INamedTypeSymbol? CertificateRequest => Get("System.Security.Cryptography.X509Certificates.CertificateRequest");

        public INamedTypeSymbol? CertificatePolicy => Get("System.Net.ICertificatePolicy");

        public INamedTypeSymbol? WcfValidationMode => Get("System.ServiceModel.Security.X509CertificateValidationMode");

        public INamedTypeSymbol? X509CertificateValidator => Get("System.IdentityModel.Selectors.X509CertificateValidator");

        public INamedTypeSymbol? HttpClient => Get("System.Net.Http.HttpClient");

        public INamedTypeSymbol? HttpClientHandler => Get("System.Net.Http.HttpClientHandler");

        public INamedTypeSymbol? HttpRequestMessage => Get("System.Net.Http.HttpRequestMessage");

        public INamedTypeSymbol? WebRequest => Get("System.Net.WebRequest");

        public INamedTypeSymbol? EndpointAddress => Get("System.ServiceModel.EndpointAddress");

        public INamedTypeSymbol? Dns => Get("System.Net.Dns");

        public INamedTypeSymbol? IPAddress => Get("System.Net.IPAddress");

        public INamedTypeSymbol? SystemIPNetwork => Get("System.Net.IPNetwork");

        public INamedTypeSymbol? AspNetIPNetwork => Get("Microsoft.AspNetCore.HttpOverrides.IPNetwork");

        public INamedTypeSymbol? ForwardedHeadersOptions => Get("Microsoft.AspNetCore.Builder.ForwardedHeadersOptions");

        public static WellKnownTypes Create(Compilation compilation) => new WellKnownTypes(compilation);

        /// <summary>
        /// Whether <paramref name="type"/> is the top-level type <c>System.&lt;name&gt;</c>, by its name: for types a rule
        /// meets in every file (<c>Uri</c>), where resolving the symbol first would make every compilation pay for a
        /// look-up in the biggest namespace there is.
        /// </summary>
        public static bool IsSystemType(ITypeSymbol? type, string name) =>
            type is INamedTypeSymbol { ContainingType: null } named
            && named.Name == name
            && named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

        /// <summary>Resolved on first use, so a compilation pays only for the types of rules whose anchors turn up.</summary>
        private INamedTypeSymbol? Get(string metadataName) => resolved.GetOrAdd(metadataName, name => Find(compilation, name));

        /// <summary>
        /// The one public (or own-assembly) top-level type of that name, through the compilation's merged namespaces,
        /// which the compiler has already built while binding. <c>Compilation.GetTypeByMetadataName</c> scans every
        /// reference for each name instead: on Newtonsoft.Json it cost about 7 ms per build for 26 names, a third of the
        /// analyzers' time (docs/benchmark.md). As with that method, the compilation's own type wins, and two referenced candidates give null.
        /// </summary>
        private static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
            INamespaceSymbol? current = compilation.GlobalNamespace;
            var start = 0;
            while (true)
            {
                var dot = metadataName.IndexOf('.', start);
                if (dot < 0)
                {
                    break;
                }

                current = Namespace(current, metadataName.Substring(start, dot - start));
                if (current is null)
                {
                    return null;
                }

                start = dot + 1;
            }

            INamedTypeSymbol? found = null;
            var ambiguous = false;
            foreach (var type in current.GetTypeMembers(metadataName.Substring(start), 0))
            {
                if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
                {
                    return type;
                }

                if (type.DeclaredAccessibility == Accessibility.Public)
                {
                    ambiguous |= found is not null;
                    found = type;
                }
            }

            return ambiguous ? null : found;
        }

        private static INamespaceSymbol? Namespace(INamespaceSymbol parent, string name)
        {
            foreach (var member in parent.GetMembers(name))
            {
                if (member is INamespaceSymbol child)
                {
                    return child;
                }
            }

            return null;
        }
    }
}
