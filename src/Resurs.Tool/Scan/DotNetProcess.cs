using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Resurs.Tool.Scan
{
    /// <summary>The result of one process run: exit code and the interleaved standard output and error.</summary>
    internal sealed record ProcessResult(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    /// <summary>Runs the .NET CLI (the one running this tool when known, else <c>dotnet</c> on the PATH) or another program.</summary>
    internal static class DotNetProcess
    {
        /// <summary>The dotnet host: DOTNET_HOST_PATH when the SDK set it, else <c>dotnet</c> from the PATH.</summary>
        public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

        public static Task<ProcessResult> RunAsync(
            string workingDirectory,
            IReadOnlyList<string> arguments,
            IReadOnlyDictionary<string, string?> environment,
            CancellationToken cancellationToken) =>
            RunAsync(Host, workingDirectory, arguments, environment, cancellationToken);

        /// <summary>Runs <paramref name="fileName"/>; <paramref name="environment"/> sets variables, a null value removes one.</summary>
        public static async Task<ProcessResult> RunAsync(
            string fileName,
            string workingDirectory,
            IReadOnlyList<string> arguments,
            IReadOnlyDictionary<string, string?> environment,
            CancellationToken cancellationToken)
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

            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(key);
                }
                else
                {
                    start.Environment[key] = value;
                }
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            lock (output)
            {
                return new ProcessResult(process.ExitCode, output.ToString());
            }
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
