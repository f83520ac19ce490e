using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Benchmarks
{
    /// <summary>One targeting pack of the installed SDK: its name, version and reference assemblies.</summary>
    internal sealed record ReferencePack(string Name, string Version, string TargetFramework, ImmutableArray<string> Assemblies);

    /// <summary>
    /// Finds the SDK's reference packs (Microsoft.NETCore.App.Ref, Microsoft.AspNetCore.App.Ref) from the dotnet root of the
    /// running runtime: &lt;root&gt;/packs/&lt;pack&gt;/&lt;highest version&gt;/ref/&lt;highest netX.Y&gt;/*.dll. Nothing is hard-coded or downloaded.
    /// </summary>
    internal static class ReferencePacks
    {
        public static readonly ImmutableArray<string> Names = ImmutableArray.Create("Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref");

        public static ImmutableArray<ReferencePack> Find()
        {
            var root = DotnetRoot();
            return Names.Select(name => Find(root, name)).ToImmutableArray();
        }

        public static ImmutableArray<MetadataReference> References(ImmutableArray<ReferencePack> packs) =>
            packs.SelectMany(pack => pack.Assemblies)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();

        /// <summary>The runtime lives in &lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/; DOTNET_ROOT is the fallback.</summary>
        private static string DotnetRoot()
        {
            var candidates = new[]
            {
                Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")),
                Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? string.Empty,
            };
            return candidates.FirstOrDefault(root => root.Length > 0 && Directory.Exists(Path.Combine(root, "packs")))
                ?? throw new InvalidOperationException("No dotnet root with a 'packs' folder found near " + RuntimeEnvironment.GetRuntimeDirectory() + " or in DOTNET_ROOT.");
        }

        private static ReferencePack Find(string root, string name)
        {
            var packFolder = Path.Combine(root, "packs", name);
            var versionFolder = Highest(packFolder, folder => folder)
                ?? throw new InvalidOperationException("Reference pack " + name + " is not installed under " + packFolder + ".");
            var frameworkFolder = Highest(Path.Combine(versionFolder, "ref"), folder => folder.StartsWith("net", StringComparison.Ordinal) ? folder.Substring(3) : string.Empty)
                ?? throw new InvalidOperationException("No ref/netX.Y folder in " + versionFolder + ".");
            var assemblies = Directory.GetFiles(frameworkFolder, "*.dll").OrderBy(path => path, StringComparer.Ordinal).ToImmutableArray();
            return new ReferencePack(name, Path.GetFileName(versionFolder), Path.GetFileName(frameworkFolder), assemblies);
        }

        /// <summary>The subfolder whose name (through <paramref name="versionOf"/>) is the highest version; a release beats its previews.</summary>
        private static string? Highest(string folder, Func<string, string> versionOf)
        {
            if (!Directory.Exists(folder))
            {
                return null;
            }

            return Directory.GetDirectories(folder)
                .Select(path => (Path: path, Key: VersionKey(versionOf(Path.GetFileName(path)))))
                .Where(entry => entry.Key.Version is not null)
                .OrderByDescending(entry => entry.Key.Version)
                .ThenBy(entry => entry.Key.Prerelease)
                .ThenByDescending(entry => entry.Path, StringComparer.Ordinal)
                .Select(entry => entry.Path)
                .FirstOrDefault();
        }

        private static (Version? Version, bool Prerelease) VersionKey(string text)
        {
            var dash = text.IndexOf('-');
            var core = dash < 0 ? text : text.Substring(0, dash);
            return (Version.TryParse(core.Contains('.') ? core : core + ".0", out var version) ? version : null, dash >= 0);
        }
    }
}
