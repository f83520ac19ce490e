using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace Resurs.Tool.Tests
{
    /// <summary>The result of one process run: exit code and the interleaved output.</summary>
    public sealed record ProcessRun(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

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
            Setup = Run(DotNetHost, RepoRoot, "pack", project, "-c", Metadata("Configuration"), "--no-build", "-o", feed, "-p:Version=" + Version).ToString();
            Setup += "\n" + Run(DotNetHost, Root, "tool", "install", "Resurs.Tool", "--tool-path", ToolPath, "--version", Version, "--add-source", feed);
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

        private static string DotNetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

        /// <summary>Runs the installed <c>resurs</c> with <paramref name="arguments"/>.</summary>
        public ProcessRun Resurs(string workingDirectory, params string[] arguments)
        {
            Assert.True(File.Exists(Command), "pack or install failed:\n" + Setup);
            return Run(Command, workingDirectory, arguments);
        }

        /// <summary>
        /// Runs a program in a clean environment: no MSBuild state leaking from the test host, no build nodes or compiler
        /// server left behind.
        /// </summary>
        public static ProcessRun Run(string fileName, string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || key.Equals("MSBuildSDKsPath", StringComparison.OrdinalIgnoreCase)
                || key.Equals("MSBuildExtensionsPath", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(key);
            }

            // Environment variables are MSBuild properties too: these reach every build and dotnet format the tool starts.
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["UseSharedCompilation"] = "false";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(fileName + " " + string.Join(" ", arguments) + " did not finish\n" + output);
            }

            process.WaitForExit();
            lock (output)
            {
                return new ProcessRun(process.ExitCode, output.ToString());
            }
        }

        /// <summary>Every file under <paramref name="directory"/> with a hash of its content: equal snapshots mean nothing changed.</summary>
        public static SortedDictionary<string, string> Snapshot(string directory) =>
            new(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(path => !path.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
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
