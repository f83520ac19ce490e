using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Resurs.Analyzers.Tests.Verifiers
{
    /// <summary>Where the repository and the restore-time reference packs are, and the reference sets tests compile against.</summary>
    internal static class TestEnvironment
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreReferences = new Lazy<ImmutableArray<MetadataReference>>(LoadAspNetCore);

        public static string RepoRoot { get; } = Path.GetFullPath(Metadata("RepoRoot"));

        public static string NuGetPackageRoot { get; } =
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnvironment ? fromEnvironment : Metadata("NuGetPackageRoot");

        /// <summary>.NET 8 reference assemblies, resolved from the global packages folder (downloaded at restore, never at test time).</summary>
        public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

        /// <summary>netstandard2.0: SslProtocols without Tls13, SecurityProtocolType without SystemDefault.</summary>
        public static ReferenceAssemblies NetStandard20 { get; } = ReferenceAssemblies.NetStandard.NetStandard20;

        /// <summary>ASP.NET Core 8 shared-framework reference assemblies (Kestrel, forwarded headers, HttpContext).</summary>
        public static ImmutableArray<MetadataReference> AspNetCore => AspNetCoreReferences.Value;

        private static ImmutableArray<MetadataReference> LoadAspNetCore()
        {
            var folder = Path.Combine(NuGetPackageRoot, "microsoft.aspnetcore.app.ref", "8.0.0", "ref", "net8.0");
            if (!Directory.Exists(folder))
            {
                throw new InvalidOperationException($"Reference pack not found at {folder}; run 'dotnet restore' first.");
            }

            return Directory.GetFiles(folder, "*.dll")
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }

        private static string Metadata(string key) =>
            typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException("Missing assembly metadata " + key);
    }
}
