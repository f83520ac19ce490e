using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>
    /// Every framework type a rule needs, resolved once per compilation in one place (a missing type is null: its
    /// rules do nothing). Elsewhere <c>GetTypeByMetadataName</c> is banned (BannedSymbols.txt), so two rules never
    /// resolve the same type twice, and a type's name is written once.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        public const string SslProtocolsName = "System.Security.Authentication.SslProtocols";
        public const string SecurityProtocolTypeName = "System.Net.SecurityProtocolType";
        public const string SslPolicyErrorsName = "System.Net.Security.SslPolicyErrors";

        private WellKnownTypes(Compilation compilation)
        {
            Uri = Find(compilation, "System.Uri");
            UriBuilder = Find(compilation, "System.UriBuilder");
            AppContext = Find(compilation, "System.AppContext");
            Environment = Find(compilation, "System.Environment");
            GeneratedCodeAttribute = Find(compilation, "System.CodeDom.Compiler.GeneratedCodeAttribute");

            SslProtocols = Find(compilation, SslProtocolsName);
            SecurityProtocolType = Find(compilation, SecurityProtocolTypeName);

            SslPolicyErrors = Find(compilation, SslPolicyErrorsName);
            X509Certificate = Find(compilation, "System.Security.Cryptography.X509Certificates.X509Certificate");
            X509Chain = Find(compilation, "System.Security.Cryptography.X509Certificates.X509Chain");
            X509RevocationMode = Find(compilation, "System.Security.Cryptography.X509Certificates.X509RevocationMode");
            X509VerificationFlags = Find(compilation, "System.Security.Cryptography.X509Certificates.X509VerificationFlags");
            X509ChainTrustMode = Find(compilation, "System.Security.Cryptography.X509Certificates.X509ChainTrustMode");
            CertificateRequest = Find(compilation, "System.Security.Cryptography.X509Certificates.CertificateRequest");
            CertificatePolicy = Find(compilation, "System.Net.ICertificatePolicy");
            WcfValidationMode = Find(compilation, "System.ServiceModel.Security.X509CertificateValidationMode");

            HttpClient = Find(compilation, "System.Net.Http.HttpClient");
            HttpClientHandler = Find(compilation, "System.Net.Http.HttpClientHandler");
            HttpRequestMessage = Find(compilation, "System.Net.Http.HttpRequestMessage");
            WebRequest = Find(compilation, "System.Net.WebRequest");
            EndpointAddress = Find(compilation, "System.ServiceModel.EndpointAddress");
            Dns = Find(compilation, "System.Net.Dns");
            IPAddress = Find(compilation, "System.Net.IPAddress");
            SystemIPNetwork = Find(compilation, "System.Net.IPNetwork");
            AspNetIPNetwork = Find(compilation, "Microsoft.AspNetCore.HttpOverrides.IPNetwork");
            ForwardedHeadersOptions = Find(compilation, "Microsoft.AspNetCore.Builder.ForwardedHeadersOptions");
        }

        public INamedTypeSymbol? Uri { get; }

        public INamedTypeSymbol? UriBuilder { get; }

        public INamedTypeSymbol? AppContext { get; }

        public INamedTypeSymbol? Environment { get; }

        public INamedTypeSymbol? GeneratedCodeAttribute { get; }

        public INamedTypeSymbol? SslProtocols { get; }

        public INamedTypeSymbol? SecurityProtocolType { get; }

        public INamedTypeSymbol? SslPolicyErrors { get; }

        public INamedTypeSymbol? X509Certificate { get; }

        public INamedTypeSymbol? X509Chain { get; }

        public INamedTypeSymbol? X509RevocationMode { get; }

        public INamedTypeSymbol? X509VerificationFlags { get; }

        public INamedTypeSymbol? X509ChainTrustMode { get; }

        public INamedTypeSymbol? CertificateRequest { get; }

        public INamedTypeSymbol? CertificatePolicy { get; }

        public INamedTypeSymbol? WcfValidationMode { get; }

        public INamedTypeSymbol? HttpClient { get; }

        public INamedTypeSymbol? HttpClientHandler { get; }

        public INamedTypeSymbol? HttpRequestMessage { get; }

        public INamedTypeSymbol? WebRequest { get; }

        public INamedTypeSymbol? EndpointAddress { get; }

        public INamedTypeSymbol? Dns { get; }

        public INamedTypeSymbol? IPAddress { get; }

        public INamedTypeSymbol? SystemIPNetwork { get; }

        public INamedTypeSymbol? AspNetIPNetwork { get; }

        public INamedTypeSymbol? ForwardedHeadersOptions { get; }

        public static WellKnownTypes Create(Compilation compilation) => new WellKnownTypes(compilation);

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
