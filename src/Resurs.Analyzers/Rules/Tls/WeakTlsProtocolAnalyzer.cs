using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
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
#pragma warning disable RS1001 // A rule view: the host loads ResursAnalyzer, which runs this rule with the others in one pass.
    public sealed class WeakTlsProtocolAnalyzer : ResursCodeAnalyzer, ICodeRule
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES2001, Descriptors.RES2002);

        internal override ImmutableArray<ICodeRule> Rules => ImmutableArray.Create<ICodeRule>(this);

        void ICodeRule.Start(CodePass pass)
        {
            pass.Words(EnumNames);
            pass.Add(() => Setup(pass), FindWeakValueAnchors, gate: EnumNames);
        }

        private static ReplaySetup? Setup(CodePass pass)
        {
            var sslProtocols = pass.Types.SslProtocols;
            var securityProtocolType = pass.Types.SecurityProtocolType;
            if (sslProtocols is null && securityProtocolType is null)
            {
                return null;
            }

            var analysis = new CompilationAnalysis(sslProtocols, securityProtocolType, pass.Policy);
            var replay = new OperationReplay()
                .On(analysis.AnalyzeFieldReference, OperationKind.FieldReference)
                .On(analysis.AnalyzeConversion, OperationKind.Conversion)
                .On(analysis.AnalyzeUnary, OperationKind.UnaryOperator);
            return new ReplaySetup(replay);
        }

        private static readonly string[] EnumNames = { "SslProtocols", "SecurityProtocolType" };

        /// <summary>
        /// Every weak value names its enum type: a member other than Tls12, Tls13, None and SystemDefault
        /// ("SslProtocols.Tls11"), a cast ("(SslProtocols)192"), a negation ("~SslProtocols.Tls12"), or an alias or
        /// static using that ends in the type name (then the whole file is replayed). Property names, declarations and
        /// the strong members are skipped on their text.
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        internal static void FindWeakValueAnchors(FileText file, List<int> positions)
        {
            var text = file.Text;
            foreach (var name in EnumNames)
            {
                foreach (var at in file.Hits(name))
                {
                    var after = at + name.Length;
                    var next = after < text.Length ? text[after] : ';';
                    var weak = next switch
                    {
                        '.' => !IsStrongMember(file, after + 1) || (at > 0 && text[at - 1] == '~'),
                        ')' or ';' => true,
                        _ => false,
                    };
                    if (weak)
                    {
                        positions.Add(at);
                    }
                }
            }
        }

        private static bool IsStrongMember(FileText file, int start)
        {
            foreach (var member in TlsProtocolFacts.StrongMemberNames)
            {
                if (file.IsIdentifierAt(start, member))
                {
                    return true;
                }
            }

            return false;
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
                    Prose.Quote(candidate.Syntax),
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
