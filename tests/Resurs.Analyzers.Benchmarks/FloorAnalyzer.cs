using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resurs.Analyzers.Benchmarks
{
    /// <summary>
    /// The floor: an analyzer that subscribes to seven operation kinds and does nothing. What it costs is what the host
    /// charges any operation analyzer for being called at all; no rule can be cheaper.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class FloorAnalyzer : DiagnosticAnalyzer
    {
        public const string Name = "Floor (7 operation kinds, no-op)";

        // Never reported. An analyzer without a supported, enabled diagnostic is skipped by the driver.
        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
            "FLOOR01", "Floor", "Floor", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(
                _ => { },
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.VariableDeclarator,
                OperationKind.FieldReference,
                OperationKind.Conversion,
                OperationKind.Literal);
        }
    }
}
