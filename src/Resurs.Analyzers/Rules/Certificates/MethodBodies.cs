using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// Finds the operation body of a source method (for method-group validators and called helpers), once per compilation.
    /// Methods from other assemblies have no body here, and callers treat them as unknown.
    /// </summary>
    internal sealed class MethodBodies
    {
        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<IMethodSymbol, bool> mayThrow = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool?> constantResults = new ConcurrentDictionary<IMethodSymbol, bool?>(SymbolEqualityComparer.Default);

        public MethodBodies(Compilation compilation) => this.compilation = compilation;

        /// <summary>The block body (or expression body as a block) of a source method or local function; null when there is none.</summary>
        public IBlockOperation? Find(IMethodSymbol method, SemanticModel? hint, CancellationToken cancellationToken)
        {
            var target = method.PartialImplementationPart ?? method;
            foreach (var reference in target.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var model = ModelFor(syntax.SyntaxTree, hint);
                if (model is null)
                {
                    continue;
                }

                switch (syntax)
                {
                    case MethodDeclarationSyntax { Body: null, ExpressionBody: null }:
                    case LocalFunctionStatementSyntax { Body: null, ExpressionBody: null }:
                        continue;
                    case MethodDeclarationSyntax declaration:
                        if (model.GetOperation(declaration, cancellationToken) is IMethodBodyOperation methodBody)
                        {
                            return methodBody.BlockBody ?? methodBody.ExpressionBody;
                        }

                        break;
                    case LocalFunctionStatementSyntax localFunction:
                        if (model.GetOperation(localFunction, cancellationToken) is ILocalFunctionOperation local)
                        {
                            return local.Body ?? local.IgnoredBody;
                        }

                        break;
                }
            }

            return null;
        }

        /// <summary>True when a source method contains a <c>throw</c>, so a call to it may reject a certificate. Syntax only.</summary>
        public bool MayThrow(IMethodSymbol method, CancellationToken cancellationToken) =>
            mayThrow.GetOrAdd(method, m =>
            {
                foreach (var reference in (m.PartialImplementationPart ?? m).DeclaringSyntaxReferences)
                {
                    foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                    {
                        if (node is ThrowStatementSyntax or ThrowExpressionSyntax)
                        {
                            return true;
                        }
                    }
                }

                return false;
            });

        /// <summary>
        /// The cached constant result of a bool helper method, computed by <paramref name="compute"/> on first use. A result
        /// the computation marks as not cacheable (cut short by a caller's budget or recursion) is returned but not kept.
        /// </summary>
        public bool? ConstantResult(IMethodSymbol method, System.Func<IMethodSymbol, (bool? Value, bool Cacheable)> compute)
        {
            if (constantResults.TryGetValue(method, out var known))
            {
                return known;
            }

            var (value, cacheable) = compute(method);
            return cacheable ? constantResults.GetOrAdd(method, value) : value;
        }

        private SemanticModel? ModelFor(SyntaxTree tree, SemanticModel? hint)
        {
            if (hint is not null && hint.SyntaxTree == tree)
            {
                return hint;
            }

            if (!compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

            // A validator passed as a method group is often declared in another file. Its body is bound once per tree and
            // compilation, and only for the rare method groups of a certificate-validation delegate type.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            return models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
#pragma warning restore RS1030
        }
    }
}
