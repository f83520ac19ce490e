using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// Generated code as the compiler's analyzer driver defines it, for rules that stay silent there. Such rules let the
    /// host analyse and report everywhere (<c>GeneratedCodeAnalysisFlags.Analyze | ReportDiagnostics</c>) and skip
    /// generated code here instead: the host's own filter walks every token of each file a rule reports in, which on the
    /// benchmark corpus cost the callback rules more than their whole analysis. Here a generated file (by name, header
    /// comment or the <c>generated_code</c> option, which the host has already worked out) is skipped before any work,
    /// and a diagnostic is dropped when a type or member around it carries <c>[GeneratedCode]</c>, which is looked for
    /// only in files whose text names the attribute. The attribute's type is looked up only then: a type lookup in a
    /// compilation that has not bound anything yet builds its merged namespaces, the compiler's own work, which done at
    /// compilation start is charged to the analyzer (docs/benchmark.md).
    /// </summary>
    internal sealed class GeneratedCodeFilter
    {
        public const string AttributeName = "GeneratedCode";

        private readonly WellKnownTypes types;

        private GeneratedCodeFilter(WellKnownTypes types) => this.types = types;

        public static GeneratedCodeFilter Create(WellKnownTypes types) => new GeneratedCodeFilter(types);

        /// <summary>Whether the file's text names the attribute at all (only then can a diagnostic in it be dropped).</summary>
        public bool MayMarkMembers(FileText file) => file.Hits(AttributeName).Count > 0 && types.GeneratedCodeAttribute is not null;

        /// <summary>True when a type or member declared around <paramref name="location"/> carries <c>[GeneratedCode]</c>.</summary>
        public bool IsInGeneratedMember(SemanticModel model, Location location, CancellationToken cancellationToken)
        {
            var attribute = types.GeneratedCodeAttribute;
            if (attribute is null || location.SourceTree != model.SyntaxTree)
            {
                return false;
            }

            var root = model.SyntaxTree.GetRoot(cancellationToken);
            if (!root.FullSpan.Contains(location.SourceSpan))
            {
                return false;
            }

            for (var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true); node is not null; node = node.Parent)
            {
                var declared = node switch
                {
                    BaseFieldDeclarationSyntax { Declaration.Variables: { Count: > 0 } variables } => model.GetDeclaredSymbol(variables[0], cancellationToken),
                    MemberDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax => model.GetDeclaredSymbol(node, cancellationToken),
                    _ => null,
                };
                if (declared is not null && IsMarked(declared, attribute))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsMarked(ISymbol symbol, INamedTypeSymbol attribute)
        {
            foreach (var data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
