using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Replay;

namespace Resurs.Analyzers.Rules.Tls
{
    /// <summary>
    /// RES2001 (SslProtocols) and RES2002 (SecurityProtocolType): a value that enables a protocol below TLS 1.2 and
    /// configures a connection. Candidates are weak enum members, numeric casts and negations; each is judged by where
    /// the value ends up (<see cref="ValueUse"/>), so comparisons, case labels, HasFlag and removal masks stay silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WeakTlsProtocolAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES2001, Descriptors.RES2002);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var sslProtocols = context.Compilation.GetTypeByMetadataName(TlsProtocolFacts.SslProtocolsMetadataName);
            var securityProtocolType = context.Compilation.GetTypeByMetadataName(TlsProtocolFacts.SecurityProtocolTypeMetadataName);
            if (sslProtocols is null && securityProtocolType is null)
            {
                return;
            }

            var analysis = new CompilationAnalysis(sslProtocols, securityProtocolType, AnalysisPolicy.Create(context.Compilation, context.Options));
            var replay = new OperationReplay()
                .On(analysis.AnalyzeFieldReference, OperationKind.FieldReference)
                .On(analysis.AnalyzeConversion, OperationKind.Conversion)
                .On(analysis.AnalyzeUnary, OperationKind.UnaryOperator);

            // Every weak value names its enum type: a member, a cast, or an alias or static using declared in the file.
            AnchoredReplay.Register(context, replay, "SslProtocols", "SecurityProtocol");
        }

        private sealed class CompilationAnalysis
        {
            private readonly INamedTypeSymbol? sslProtocols;
            private readonly INamedTypeSymbol? securityProtocolType;
            private readonly AnalysisPolicy policy;

            public CompilationAnalysis(INamedTypeSymbol? sslProtocols, INamedTypeSymbol? securityProtocolType, AnalysisPolicy policy)
            {
                this.sslProtocols = sslProtocols;
                this.securityProtocolType = securityProtocolType;
                this.policy = policy;
            }

            public void AnalyzeFieldReference(OperationContext context)
            {
                var reference = (IFieldReferenceOperation)context.Operation;
                var field = reference.Field;
                var enumType = Match(field.ContainingType);
                if (enumType is null || !field.HasConstantValue || !TlsProtocolFacts.TryGetBits(field.ConstantValue, out var bits))
                {
                    return;
                }

                AnalyzeCandidate(context, reference, enumType, bits);
            }

            public void AnalyzeConversion(OperationContext context)
            {
                var conversion = (IConversionOperation)context.Operation;
                var enumType = Match(conversion.Type);
                if (enumType is null
                    || conversion.Operand.Type is null
                    || conversion.Operand.Type.TypeKind == TypeKind.Enum
                    || !conversion.Operand.ConstantValue.HasValue
                    || !TlsProtocolFacts.TryGetBits(conversion.Operand.ConstantValue.Value, out var bits))
                {
                    return;
                }

                AnalyzeCandidate(context, conversion, enumType, bits);
            }

            public void AnalyzeUnary(OperationContext context)
            {
                var unary = (IUnaryOperation)context.Operation;
                if (unary.OperatorKind != UnaryOperatorKind.BitwiseNegation
                    || !unary.ConstantValue.HasValue
                    || !TlsProtocolFacts.TryGetBits(unary.ConstantValue.Value, out var bits))
                {
                    return;
                }

                var enumType = Match(unary.Type);
                if (enumType is not null)
                {
                    AnalyzeCandidate(context, unary, enumType, bits);
                }
            }

            private void AnalyzeCandidate(OperationContext context, IOperation candidate, INamedTypeSymbol enumType, long bits)
            {
                if (!TlsProtocolFacts.IsWeak(bits))
                {
                    return;
                }

                var descriptor = SymbolEqualityComparer.Default.Equals(enumType, sslProtocols) ? Descriptors.RES2001 : Descriptors.RES2002;
                if (!policy.ShouldReport(descriptor.Id, candidate.Syntax.SyntaxTree))
                {
                    return;
                }

                if (ValueUse.Classify(candidate, enumType, out var consumer) != ValueUseKind.Configuring)
                {
                    return;
                }

                var local = ValueUse.WrittenLocal(consumer);
                if (local is not null && !ValueUse.LocalFlowsIntoConfiguration(candidate, local, enumType))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    descriptor,
                    candidate.Syntax.GetLocation(),
                    TlsProtocolFacts.Quote(candidate.Syntax),
                    TlsProtocolFacts.DescribeWeak(bits)));
            }

            private INamedTypeSymbol? Match(ITypeSymbol? type)
            {
                if (type is null || type.TypeKind != TypeKind.Enum)
                {
                    return null;
                }

                if (SymbolEqualityComparer.Default.Equals(type, sslProtocols))
                {
                    return sslProtocols;
                }

                return SymbolEqualityComparer.Default.Equals(type, securityProtocolType) ? securityProtocolType : null;
            }
        }
    }
}
