using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;

namespace Resurs.Analyzers.EndToEnd.Tests
{
    /// <summary>The result of one <c>dotnet</c> command.</summary>
    public sealed record CommandResult(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    /// <summary>Runs the .NET CLI in a clean environment (no MSBuild state leaking from the test host, no node reuse).</summary>
    public static class DotNet
    {
        public static string RepoRoot { get; } = Path.GetFullPath(Metadata("RepoRoot"));

        public static string NuGetPackageRoot { get; } =
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnvironment ? fromEnvironment : Metadata("NuGetPackageRoot");

        public static string Configuration { get; } = Metadata("Configuration");

        public static CommandResult Run(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
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

            foreach (var key in start.Environment.Keys.ToList())
            {
                if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || key.Equals("MSBuildSDKsPath", StringComparison.OrdinalIgnoreCase) || key.Equals("MSBuildExtensionsPath", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(key);
                }
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
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
            if (!process.WaitForExit((int)TimeSpan.FromMinutes(8).TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet " + string.Join(" ", arguments) + " did not finish\n" + output);
            }

            process.WaitForExit();
            lock (output)
            {
                return new CommandResult(process.ExitCode, output.ToString());
            }
        }

        /// <summary>Build options that keep no compiler server or MSBuild node alive after the test.</summary>
        public static readonly string[] NoServers = { "-nodeReuse:false", "-p:UseSharedCompilation=false" };

        private static string Metadata(string key) =>
            typeof(DotNet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }

    /// <summary>
    /// Packs src/Resurs.Analyzers.Package once per test run into a temporary folder feed, with a version no earlier run used
    /// (the global package cache never re-reads a version it already holds). Removes the package from the cache afterwards.
    /// </summary>
    public sealed class PackedPackage : IDisposable
    {
        public PackedPackage()
        {
            Root = Path.Combine(Path.GetTempPath(), "resurs-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Feed = Path.Combine(Root, "feed");
            Directory.CreateDirectory(Feed);
            Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Environment.ProcessId;
            PackResult = DotNet.Run(
                DotNet.RepoRoot,
                new[] { "pack", Path.Combine("src", "Resurs.Analyzers.Package", "Resurs.Analyzers.Package.csproj"), "-c", "Release", "-o", Feed, "-p:Version=" + Version }
                    .Concat(DotNet.NoServers).ToArray());
            NupkgPath = Path.Combine(Feed, $"Resurs.Analyzers.{Version}.nupkg");
        }

        public string Root { get; }

        public string Feed { get; }

        public string Version { get; }

        public CommandResult PackResult { get; }

        public string NupkgPath { get; }

        /// <summary>A new consumer project in its own folder, referencing the packed package from the folder feed.</summary>
        public Consumer CreateConsumer(string name, IReadOnlyDictionary<string, string> files, string extraProperties = "", string extraItems = "")
        {
            Assert.True(File.Exists(NupkgPath), "pack failed:\n" + PackResult);
            var directory = Path.Combine(Root, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <add key=""resurs-e2e"" value=""{Feed}"" />
  </packageSources>
</configuration>
");
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <NoWarn>$(NoWarn);SYSLIB0014;SYSLIB0039</NoWarn>
{extraProperties}
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""Resurs.Analyzers"" Version=""{Version}"" PrivateAssets=""all"" />
{extraItems}
  </ItemGroup>
</Project>
");
            foreach (var (fileName, content) in files)
            {
                File.WriteAllText(Path.Combine(directory, fileName), content);
            }

            return new Consumer(directory, name + ".csproj");
        }

        /// <summary>Extracts the analyzer DLLs from the nupkg, as NuGet would.</summary>
        public string ExtractAnalyzers()
        {
            var target = Path.Combine(Root, "extracted");
            if (!Directory.Exists(target))
            {
                ZipFile.ExtractToDirectory(NupkgPath, target);
            }

            return Path.Combine(target, "analyzers", "dotnet", "cs");
        }

        public void Dispose()
        {
            try
            {
                var cached = Path.Combine(DotNet.NuGetPackageRoot, "resurs.analyzers", Version.ToLowerInvariant());
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
    }

    /// <summary>A consumer project on disk.</summary>
    public sealed record Consumer(string Directory, string ProjectFile)
    {
        public CommandResult Build(params string[] extra) =>
            DotNet.Run(Directory, new[] { "build", ProjectFile, "--no-incremental" }.Concat(DotNet.NoServers).Concat(extra).ToArray());

        public string Read(string file) => File.ReadAllText(Path.Combine(Directory, file));
    }

    [CollectionDefinition(Name)]
    public sealed class PackageCollection : ICollectionFixture<PackedPackage>
    {
        public const string Name = "Packed package";
    }
}
