using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers
{
    /// <summary>
    /// A code analyzer made of rules that share one pass per file (<see cref="CodePass"/>). The host loads
    /// <see cref="ResursAnalyzer"/>, which holds every code rule; each rule family's own analyzer type runs the same rule
    /// alone, for tests and for tools that want one family.
    /// </summary>
    public abstract class ResursCodeAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Which code the pass replays; tests set <see cref="ReplayScope.Everything"/> for the reference path.</summary>
        internal ReplayScope Scope { get; set; }

        /// <summary>The rules this analyzer runs.</summary>
        internal abstract ImmutableArray<ICodeRule> Rules { get; }

#pragma warning disable RS1025, RS1026 // CodePass.Initialize enables concurrent execution and configures generated code.
        public sealed override void Initialize(AnalysisContext context) => CodePass.Initialize(context, Scope, Rules);
#pragma warning restore RS1025, RS1026
    }
}
