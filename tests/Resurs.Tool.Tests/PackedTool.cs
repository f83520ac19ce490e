using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Threading;
using Resurs.Tool.Scan;
using Xunit;

namespace Resurs.Tool.Tests
{
    /// <summary>
    /// Packs src/Resurs.Tool (already built by the test build, so <c>--no-build</c>) into a folder feed under a version no
    /// earlier run used, and installs it with <c>dotnet tool install --tool-path</c>: the scan tests run the installed
    /// <c>resurs</c> command exactly as a user would. Same approach as the end-to-end tests' PackedPackage.
    /// </summary>
    public sealed class PackedTool : IDisposable
    {
        public PackedTool()
        {
            Root = Directory.CreateTempSubdirectory("resurs-tool-").FullName;
            var feed = Path.Combine(Root, "feed");
            ToolPath = Path.Combine(Root, "tools");
            Version = "0.0.0-tooltest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;
            var project = Path.Combine(RepoRoot, "src", "Resurs.Tool", "Resurs.Tool.csproj");
            Setup = Run(DotNetProcess.Host, RepoRoot, "pack", project, "-c", Metadata("Configuration"), "--no-build", "-o", feed, "-p:Version=" + Version).ToString();
            Setup += "\n" + Run(DotNetProcess.Host, Root, "tool", "install", "Resurs.Tool", "--tool-path", ToolPath, "--version", Version, "--add-source", feed);
            Command = Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "resurs.exe" : "resurs");
        }

        public static string RepoRoot { get; } = Path.GetFullPath(Metadata("RepoRoot"));

        public string Root { get; }

        public string ToolPath { get; }

        public string Version { get; }

        /// <summary>The installed command (tool-path shim).</summary>
        public string Command { get; }

        /// <summary>Output of pack and install, for failure messages.</summary>
        public string Setup { get; }

                /// <summary>Runs the installed <c>resurs</c> with <paramref name="arguments"/>.</summary>
        internal ProcessResult Resurs(string workingDirectory, params string[] arguments)
        {
            Assert.True(File.Exists(Command), "pack or install failed:\n" + Setup);
            return Run(Command, workingDirectory, arguments);
        }

        /// <summary>
        /// Runs a program through the tool's own process runner, in a clean environment: no MSBuild state leaking from the
        /// test host, no build nodes or compiler server left behind.
        /// </summary>
        internal static ProcessResult Run(string fileName, string workingDirectory, params string[] arguments)
        {
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
            {
                if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || key.Equals("MSBuildSDKsPath", StringComparison.OrdinalIgnoreCase) || key.Equals("MSBuildExtensionsPath", StringComparison.OrdinalIgnoreCase))
                {
                    environment[key] = null;
                }
            }

            // Environment variables are MSBuild properties too: these reach every build and dotnet format the tool starts.
            environment["MSBUILDDISABLENODEREUSE"] = "1";
            environment["UseSharedCompilation"] = "false";
            environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            return DotNetProcess.RunAsync(fileName, workingDirectory, arguments, environment, timeout.Token).GetAwaiter().GetResult();
        }

        /// <summary>
        /// Every file under <paramref name="directory"/> with a hash of its content: equal snapshots mean no file of the
        /// user's changed. bin/ and obj/ are build output, not the user's files (the end-to-end tests build the sample in
        /// place while these run); the consumer test checks separately that a scan writes no obj/.
        /// </summary>
        public static SortedDictionary<string, string> Snapshot(string directory) =>
            new(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(path => !Path.GetRelativePath(directory, path).Split(Path.DirectorySeparatorChar).Any(part => part is ".git" or "bin" or "obj"))
                .ToDictionary(path => Path.GetRelativePath(directory, path), path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))), StringComparer.Ordinal);

        public void Dispose()
        {
            try
            {
                var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnvironment ? fromEnvironment : Metadata("NuGetPackageRoot");
                var cached = Path.Combine(packages, "resurs.tool", Version.ToLowerInvariant());
                if (Directory.Exists(cached))
                {
                    Directory.Delete(cached, recursive: true);
                }

                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static string Metadata(string key) =>
            typeof(PackedTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }

    [CollectionDefinition(Name)]
    public sealed class PackedToolCollection : ICollectionFixture<PackedTool>
    {
        public const string Name = "Packed resurs tool";
    }
}
