using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Benchmarks
{
    /// <summary>
    /// No-op analyzers that each use one way of subscribing (<c>--probes</c>): what the host charges for it alone is
    /// the least any rule built that way can cost. They guide the design; they are never shipped.
    /// </summary>
    internal abstract class ProbeAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
            "PROBE01", "Probe", "Probe", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        public abstract string Name { get; }

        public static ImmutableArray<DiagnosticAnalyzer> All() => ImmutableArray.Create<DiagnosticAnalyzer>(
            new OperationKinds("operation: DelegateCreation", OperationKind.DelegateCreation),
            new OperationKinds("operation: FieldReference", OperationKind.FieldReference),
            new OperationKinds("operation: Invocation", OperationKind.Invocation),
            new OperationKinds("operation: Literal", OperationKind.Literal),
            new OperationBlock("operation block, no walk", walk: false),
            new OperationBlock("operation block, walk every operation", walk: true),
            new SemanticModel("semantic model, no-op"),
            new TextScan("syntax tree, text read once, IndexOf of \"://\"", "://"),
            new TextScan("syntax tree, IndexOf of 8 names", TextScan.EightNames),
            new TypeLookups("compilation start, 26 GetTypeByMetadataName"),
            new CompilationStart("compilation start, no-op"));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(Start);
        }

        protected abstract void Start(CompilationStartAnalysisContext start);

        private sealed class OperationKinds : ProbeAnalyzer
        {
            private readonly OperationKind[] kinds;

            public OperationKinds(string name, params OperationKind[] kinds)
            {
                Name = name;
                this.kinds = kinds;
            }

            public override string Name { get; }

            protected override void Start(CompilationStartAnalysisContext start) => start.RegisterOperationAction(_ => { }, kinds);
        }

        private sealed class OperationBlock : ProbeAnalyzer
        {
            private readonly bool walk;

            public OperationBlock(string name, bool walk)
            {
                Name = name;
                this.walk = walk;
            }

            public override string Name { get; }

            public static int Sink { get; private set; }

            protected override void Start(CompilationStartAnalysisContext start) => start.RegisterOperationBlockAction(context =>
            {
                if (!walk)
                {
                    return;
                }

                var count = 0;
                foreach (var block in context.OperationBlocks)
                {
                    foreach (var operation in block.DescendantsAndSelf())
                    {
                        count += operation.Kind == OperationKind.DelegateCreation ? 1 : 0;
                    }
                }

                Sink += count;
            });
        }

        private sealed class SemanticModel : ProbeAnalyzer
        {
            public SemanticModel(string name) => Name = name;

            public override string Name { get; }

            protected override void Start(CompilationStartAnalysisContext start) => start.RegisterSemanticModelAction(_ => { });
        }

        private sealed class TypeLookups : ProbeAnalyzer
        {
            private static readonly string[] Names =
            {
                "System.Uri", "System.UriBuilder", "System.AppContext", "System.Environment", "System.CodeDom.Compiler.GeneratedCodeAttribute",
                "System.Security.Authentication.SslProtocols", "System.Net.SecurityProtocolType", "System.Net.Security.SslPolicyErrors",
                "System.Security.Cryptography.X509Certificates.X509Certificate", "System.Security.Cryptography.X509Certificates.X509Chain",
                "System.Security.Cryptography.X509Certificates.X509RevocationMode", "System.Security.Cryptography.X509Certificates.X509VerificationFlags",
                "System.Security.Cryptography.X509Certificates.X509ChainTrustMode", "System.Security.Cryptography.X509Certificates.CertificateRequest",
                "System.Net.ICertificatePolicy", "System.ServiceModel.Security.X509CertificateValidationMode", "System.Net.Http.HttpClient",
                "System.Net.Http.HttpClientHandler", "System.Net.Http.HttpRequestMessage", "System.Net.WebRequest", "System.ServiceModel.EndpointAddress",
                "System.Net.Dns", "System.Net.IPAddress", "System.Net.IPNetwork", "Microsoft.AspNetCore.HttpOverrides.IPNetwork",
                "Microsoft.AspNetCore.Builder.ForwardedHeadersOptions",
            };

            public TypeLookups(string name) => Name = name;

            public override string Name { get; }

            public static int Sink { get; private set; }

            protected override void Start(CompilationStartAnalysisContext start)
            {
                foreach (var name in Names)
                {
                    Sink += start.Compilation.GetTypeByMetadataName(name) is null ? 0 : 1;
                }

                start.RegisterSemanticModelAction(_ => { });
            }
        }

        private sealed class CompilationStart : ProbeAnalyzer
        {
            public CompilationStart(string name) => Name = name;

            public override string Name { get; }

            protected override void Start(CompilationStartAnalysisContext start) => start.RegisterSemanticModelAction(_ => { });
        }

        /// <summary>
        /// A syntax-tree action that gets each file's text and searches it: one word is the least any rule that must look at
        /// every file's text (a URL or an address can be written in any file) pays.
        /// </summary>
        private sealed class TextScan : ProbeAnalyzer
        {
            public static readonly string[] EightNames = { "SslProtocols", "SecurityProtocol", "CreateSelfSigned", "SetSwitch", "NoCheck", "GetHostEntry", "KnownProxies", "X509VerificationFlags" };

            private readonly string[] names;

            public TextScan(string name, params string[] names)
            {
                Name = name;
                this.names = names;
            }

            public override string Name { get; }

            public static int Sink { get; private set; }

            protected override void Start(CompilationStartAnalysisContext start) => start.RegisterSyntaxTreeAction(context =>
            {
                var text = context.Tree.GetText(context.CancellationToken).ToString();
                foreach (var name in names)
                {
                    Sink += text.IndexOf(name, StringComparison.Ordinal) >= 0 ? 1 : 0;
                }
            });
        }
    }
}
