using System;
using System.Threading;
using System.Threading.Tasks;

namespace Resurs.Tool
{
    /// <summary>Entry point of the <c>resurs</c> command.</summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            return await new ResursCli(Console.Out, Console.Error).RunAsync(args, cancel.Token).ConfigureAwait(false);
        }
    }
}
