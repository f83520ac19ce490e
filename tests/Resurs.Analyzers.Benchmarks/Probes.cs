using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resurs.Analyzers.Benchmarks
{
    internal abstract class ProbeAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
            "PROBE01", "Probe", "Probe", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            Register(context);
        }

        protected abstract void Register(AnalysisContext context);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeInvocation : ProbeAnalyzer
    {
        protected override void Register(AnalysisContext context) => context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeLiteral : ProbeAnalyzer
    {
        protected override void Register(AnalysisContext context) => context.RegisterOperationAction(_ => { }, OperationKind.Literal);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeSyntaxInvocation : ProbeAnalyzer
    {
        protected override void Register(AnalysisContext context) => context.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.InvocationExpression);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeSemanticModel : ProbeAnalyzer
    {
        protected override void Register(AnalysisContext context) => context.RegisterSemanticModelAction(_ => { });
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeBlockStart : ProbeAnalyzer
    {
        protected override void Register(AnalysisContext context) => context.RegisterOperationBlockStartAction(b => b.RegisterOperationBlockEndAction(_ => { }));
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeTypeStartEnd : ProbeAnalyzer
    {
        protected override void Register(AnalysisContext context) => context.RegisterSymbolStartAction(s => s.RegisterSymbolEndAction(_ => { }), SymbolKind.NamedType);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeTextScan : ProbeAnalyzer
    {
        public static int Hits;

        protected override void Register(AnalysisContext context) => context.RegisterSyntaxTreeAction(c =>
        {
            var text = c.Tree.GetText(c.CancellationToken).ToString();
            var n = 0;
            if (text.IndexOf("://", StringComparison.Ordinal) >= 0) n++;
            if (text.IndexOf("allback", StringComparison.OrdinalIgnoreCase) >= 0) n++;
            if (text.IndexOf("SslProtocols", StringComparison.Ordinal) >= 0) n++;
            if (text.IndexOf("Certificate", StringComparison.Ordinal) >= 0) n++;
            if (text.IndexOf("Revocation", StringComparison.Ordinal) >= 0) n++;
            if (text.IndexOf("Forwarded", StringComparison.Ordinal) >= 0) n++;
            System.Threading.Interlocked.Add(ref Hits, n);
        });
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeTokens : ProbeAnalyzer
    {
        public static int Hits;

        protected override void Register(AnalysisContext context) => context.RegisterSyntaxTreeAction(c =>
        {
            var n = 0;
            foreach (var token in c.Tree.GetRoot(c.CancellationToken).DescendantTokens())
            {
                if (token.RawKind == (int)SyntaxKind.StringLiteralToken) n++;
            }
            System.Threading.Interlocked.Add(ref Hits, n);
        });
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeSyntaxString : ProbeAnalyzer
    {
        protected override void Register(AnalysisContext context) => context.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.StringLiteralExpression, SyntaxKind.InterpolatedStringText);
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeQuotes : ProbeAnalyzer
    {
        public static int Hits;

        protected override void Register(AnalysisContext context) => context.RegisterSyntaxTreeAction(c =>
        {
            var text = c.Tree.GetText(c.CancellationToken).ToString();
            var n = 0;
            for (var i = text.IndexOf('"'); i >= 0; i = text.IndexOf('"', i + 1))
            {
                if (i + 1 < text.Length && (uint)(text[i + 1] - '0') <= 9) n++;
            }
            System.Threading.Interlocked.Add(ref Hits, n);
        });
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeSchemes : ProbeAnalyzer
    {
        public static int Hits;

        protected override void Register(AnalysisContext context) => context.RegisterSyntaxTreeAction(c =>
        {
            var text = c.Tree.GetText(c.CancellationToken).ToString();
            var n = 0;
            for (var i = text.IndexOf("://", StringComparison.Ordinal); i >= 0; i = text.IndexOf("://", i + 3, StringComparison.Ordinal)) n++;
            System.Threading.Interlocked.Add(ref Hits, n);
        });
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeIgnoreCase : ProbeAnalyzer
    {
        public static int Hits;

        protected override void Register(AnalysisContext context) => context.RegisterSyntaxTreeAction(c =>
        {
            var text = c.Tree.GetText(c.CancellationToken).ToString();
            var n = 0;
            for (var i = text.IndexOf("callback", StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf("callback", i + 3, StringComparison.OrdinalIgnoreCase)) n++;
            System.Threading.Interlocked.Add(ref Hits, n);
        });
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeOrdinalRare : ProbeAnalyzer
    {
        public static int Hits;

        protected override void Register(AnalysisContext context) => context.RegisterSyntaxTreeAction(c =>
        {
            var text = c.Tree.GetText(c.CancellationToken).ToString();
            var n = 0;
            for (var i = text.IndexOf("Protocol", StringComparison.Ordinal); i >= 0; i = text.IndexOf("Protocol", i + 3, StringComparison.Ordinal)) n++;
            System.Threading.Interlocked.Add(ref Hits, n);
        });
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ProbeCharLoop : ProbeAnalyzer
    {
        public static int Hits;

        protected override void Register(AnalysisContext context) => context.RegisterSyntaxTreeAction(c =>
        {
            var text = c.Tree.GetText(c.CancellationToken).ToString();
            var n = 0;
            foreach (var ch in text)
            {
                if (ch == ':' ) n++;
            }
            System.Threading.Interlocked.Add(ref Hits, n);
        });
    }
}
