using System.Runtime.CompilerServices;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>JIT hints for the few loops that read every character or URL of every file.</summary>
    internal static class Jit
    {
        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name. The .NET runtime then
        /// compiles the method fully optimized at once instead of starting with unoptimized tier-0 code: in a build,
        /// an analyzer's text scan runs only a few thousand times, mostly before tiered compilation would have promoted
        /// it, and at tier 0 the URL triage cost 3.5 times as much. Runtimes without tiering (.NET Framework) ignore the flag.
        /// </summary>
        public const MethodImplOptions Optimize = (MethodImplOptions)512;
    }
}
