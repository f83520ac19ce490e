using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Rules.Certificates;

namespace Resurs.Analyzers.CodeFixes.Certificates
{
    /// <summary>
    /// RES3001: "Use default certificate validation" removes the assignment, initializer entry or argument that installs the
    /// callback; "Accept only valid certificates" makes the callback return <c>errors == SslPolicyErrors.None</c>.
    /// RES3002: "Require SslPolicyErrors.None" replaces the errors condition of each return that lets an error through and
    /// keeps the other checks. On a legacy certificate policy both rules offer "Accept only valid certificates", which makes
    /// every return check that the problem code is 0.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateValidationCodeFixProvider))]
    [Shared]
    public sealed class CertificateValidationCodeFixProvider : ResursCodeFixProvider
    {
        private static readonly FixChoice UseDefault = new FixChoice("Use default certificate validation", EquivalenceKeys.UseDefaultCertificateValidation);
        private static readonly FixChoice AcceptOnlyValid = new FixChoice("Accept only valid certificates", EquivalenceKeys.AcceptOnlyValidCertificates);
        private static readonly FixChoice RequireNoErrors = new FixChoice("Require SslPolicyErrors.None", EquivalenceKeys.RejectCertificateErrors);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.CertificateValidationDisabled, RuleIds.CertificateErrorsAccepted);

        protected override async Task<ImmutableArray<FixChoice>> ChoicesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var creation = root is null ? null : ValidatorRewriter.FindCreation(root, diagnostic.Location.SourceSpan);
            if (creation is null)
            {
                // A legacy certificate policy, accepting every problem (RES3001) or some (RES3002): every return checks the code.
                return root is not null && PolicyMethod(root, diagnostic.Location.SourceSpan) is not null
                    ? ImmutableArray.Create(AcceptOnlyValid)
                    : ImmutableArray<FixChoice>.Empty;
            }

            if (diagnostic.Id == RuleIds.CertificateErrorsAccepted)
            {
                // The returns are rewritten where they are written: a method group's method in another file is not.
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                return model is not null && RewriteTarget(creation, model, cancellationToken) is not null
                    ? ImmutableArray.Create(RequireNoErrors)
                    : ImmutableArray<FixChoice>.Empty;
            }

            var choices = ImmutableArray.CreateBuilder<FixChoice>();
            var probe = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            if (ValidatorRewriter.TryRemoveInstallation(probe, creation))
            {
                choices.Add(UseDefault);
            }

            if (RewriteTarget(creation, probe.SemanticModel, cancellationToken) is not null && TakesSslPolicyErrors(creation, probe.SemanticModel, cancellationToken))
            {
                choices.Add(AcceptOnlyValid);
            }

            return choices.ToImmutable();
        }

        /// <summary>
        /// The node the validator rewrite replaces: the lambda or anonymous method itself, the declaration of a method group's
        /// method (when it is in the same document), or the DangerousAcceptAnyServerCertificateValidator access.
        /// </summary>
        private static SyntaxNode? RewriteTarget(ExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (creation is AnonymousFunctionExpressionSyntax)
            {
                return creation;
            }

            var operation = model.GetOperation(creation, cancellationToken);
            if (operation is IDelegateCreationOperation { Target: IMethodReferenceOperation target })
            {
                operation = target;
            }

            switch (operation)
            {
                case IMethodReferenceOperation reference:
                    foreach (var declaration in reference.Method.OriginalDefinition.DeclaringSyntaxReferences)
                    {
                        if (declaration.SyntaxTree == creation.SyntaxTree
                            && declaration.GetSyntax(cancellationToken) is MethodDeclarationSyntax or LocalFunctionStatementSyntax)
                        {
                            return declaration.GetSyntax(cancellationToken);
                        }
                    }

                    return null;
                case IPropertyReferenceOperation { Property.Name: "DangerousAcceptAnyServerCertificateValidator" }:
                    return creation;
                default:
                    return null;
            }
        }

        protected override async Task<Document> ApplyAsync(Document document, IReadOnlyList<(Diagnostic Diagnostic, string Key)> fixes, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var model = editor.SemanticModel;
            var sslPolicyErrors = WellKnownTypes.Create(model.Compilation).SslPolicyErrors;
            var bodies = new MethodBodies(model.Compilation);
            if (root is null)
            {
                return document;
            }

            // One edit per node: several diagnostics on one method group's method, or FixAll, change it once.
            var edited = new List<TextSpan>();
            var replaced = new List<TextSpan>();
            var emptiable = new HashSet<IfStatementSyntax>();
            foreach (var (diagnostic, key) in fixes.OrderBy(f => f.Diagnostic.Location.SourceSpan.Start))
            {
                var creation = ValidatorRewriter.FindCreation(root, diagnostic.Location.SourceSpan);
                if (creation is null
                    && (key == EquivalenceKeys.AcceptOnlyValidCertificates || diagnostic.Id == RuleIds.CertificateErrorsAccepted)
                    && PolicyMethod(root, diagnostic.Location.SourceSpan) is { } policy
                    && !edited.Any(span => span.IntersectsWith(policy.Span)))
                {
                    editor.ReplaceNode(policy, CheckProblemCode(policy));
                    edited.Add(policy.Span);
                    continue;
                }

                if (creation is null || edited.Any(span => span.IntersectsWith(creation.Span)))
                {
                    continue;
                }

                if (key == EquivalenceKeys.UseDefaultCertificateValidation)
                {
                    if (diagnostic.Id == RuleIds.CertificateValidationDisabled && ValidatorRewriter.TryRemoveInstallation(editor, creation))
                    {
                        edited.Add(creation.Span);
                        emptiable.UnionWith(EnclosingConditions(creation));
                    }

                    continue;
                }

                if (sslPolicyErrors is null
                    || (key == EquivalenceKeys.AcceptOnlyValidCertificates) != (diagnostic.Id == RuleIds.CertificateValidationDisabled)
                    || RewriteTarget(creation, model, cancellationToken) is not { } target
                    || edited.Any(span => span.IntersectsWith(target.Span)))
                {
                    continue;
                }

                var replacement = target is AnonymousFunctionExpressionSyntax or MethodDeclarationSyntax or LocalFunctionStatementSyntax
                    ? RewriteFunction(target, diagnostic.Id, model, editor.Generator, sslPolicyErrors, bodies, cancellationToken)
                    : ValidatorRewriter.AcceptOnlyValidLambda(model.GetTypeInfo(target, cancellationToken).ConvertedType as INamedTypeSymbol, target.SyntaxTree, editor.Generator, sslPolicyErrors)?.WithTriviaFrom(target);
                if (replacement is not null)
                {
                    SyntaxRemoval.Replace(editor, target, replacement);
                    edited.Add(target.Span);
                    replaced.Add(target.Span);
                }
            }

            // An 'if' whose only statement installed the callback would be left empty: mark it for EmptiedConditions.
            foreach (var condition in emptiable.Where(c => !replaced.Any(span => span.IntersectsWith(c.Span))))
            {
                editor.ReplaceNode(condition, (current, _) => current.WithAdditionalAnnotations(EmptiedConditions.Candidate));
            }

            // The code-action cleanup simplifies the qualified SslPolicyErrors; the using it needs is added here.
            var changed = await EmptiedConditions.CleanUpAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
            return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// False for a validator whose delegate type does not end in SslPolicyErrors (a third-party or unresolved callback
        /// type judged by its shape): <c>errors == SslPolicyErrors.None</c> would not compile there.
        /// </summary>
        private static bool TakesSslPolicyErrors(ExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
        {
            var type = model.GetTypeInfo(creation, cancellationToken).ConvertedType as INamedTypeSymbol;
            if (type?.DelegateInvokeMethod is { Parameters: { Length: > 0 } parameters })
            {
                return parameters[parameters.Length - 1].Type.ToDisplayString() == WellKnownTypes.SslPolicyErrorsName;
            }

            // A method group whose conversion failed: its method decides.
            return model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol { Parameters: { Length: > 0 } methodParameters }
                && methodParameters[methodParameters.Length - 1].Type.ToDisplayString() == WellKnownTypes.SslPolicyErrorsName;
        }

        /// <summary>The <c>ICertificatePolicy.CheckValidationResult</c> implementation whose name a RES3001 diagnostic is on.</summary>
        private static MethodDeclarationSyntax? PolicyMethod(SyntaxNode root, TextSpan span) =>
            root.FullSpan.Contains(span)
            && root.FindToken(span.Start).Parent is MethodDeclarationSyntax { Identifier.ValueText: "CheckValidationResult", ParameterList.Parameters.Count: 4 } method
            && method.Identifier.Span == span
                ? method
                : null;

        /// <summary>
        /// Makes every return of a certificate policy that may accept require <c>certificateProblem == 0</c> (no problem: a
        /// valid certificate): <c>return true</c> becomes that check, any other value is kept behind it
        /// (<c>problem == 0 &amp;&amp; pinned</c>), and <c>return false</c> stays, so no check the policy makes is lost.
        /// </summary>
        private static MethodDeclarationSyntax CheckProblemCode(MethodDeclarationSyntax method)
        {
            // The parameter's own token, so '@checked' stays a valid name.
            var problem = method.ParameterList.Parameters[3].Identifier.WithoutTrivia();
            ExpressionSyntax Valid(ExpressionSyntax old)
            {
                var check = SyntaxFactory.BinaryExpression(
                    SyntaxKind.EqualsExpression,
                    SyntaxFactory.IdentifierName(problem),
                    SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))).NormalizeWhitespace();
                return (old.Kind() switch
                {
                    SyntaxKind.TrueLiteralExpression => check,
                    SyntaxKind.FalseLiteralExpression => old,
                    _ when old is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Left: IdentifierNameSyntax { Identifier.ValueText: var name }, Right: LiteralExpressionSyntax { Token.ValueText: "0" } }
                        && name == problem.ValueText => old,
                    _ => SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, check, SyntaxFactory.ParenthesizedExpression(old.WithoutTrivia())),
                }).WithTriviaFrom(old);
            }

            if (method.ExpressionBody is { } arrow)
            {
                return method.WithExpressionBody(arrow.WithExpression(Valid(arrow.Expression)));
            }

            var returns = method.DescendantNodes(node => node is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
                .OfType<ReturnStatementSyntax>()
                .Where(r => r.Expression is not null);
            return method.ReplaceNodes(returns, (old, _) => old.WithExpression(Valid(old.Expression!)));
        }

        /// <summary>The 'if' statements around <paramref name="creation"/> within its member, innermost first.</summary>
        private static IEnumerable<IfStatementSyntax> EnclosingConditions(SyntaxNode creation) =>
            creation.Ancestors()
                .TakeWhile(node => node is not MemberDeclarationSyntax and not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
                .OfType<IfStatementSyntax>();

        private static SyntaxNode? RewriteFunction(SyntaxNode function, string id, SemanticModel model, SyntaxGenerator generator, INamedTypeSymbol sslPolicyErrors, MethodBodies bodies, CancellationToken cancellationToken)
        {
            if (id == RuleIds.CertificateValidationDisabled)
            {
                return ValidatorRewriter.Rewrite(function, model, generator, sslPolicyErrors, returns: null, keepOtherChecks: false, cancellationToken);
            }

            // RES3002: only the returns that let an error through change.
            var (body, errors) = model.GetOperation(function, cancellationToken) switch
            {
                IAnonymousFunctionOperation lambda => (lambda.Body, ValidatorEvaluator.ErrorsParameter(lambda.Symbol, sslPolicyErrors)),
                IMethodBodyOperation method => (method.BlockBody ?? method.ExpressionBody, ValidatorEvaluator.ErrorsParameter(model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol, sslPolicyErrors)),
                ILocalFunctionOperation local => (local.Body ?? local.IgnoredBody, ValidatorEvaluator.ErrorsParameter(local.Symbol, sslPolicyErrors)),
                _ => (null, null),
            };
            if (body is null)
            {
                return null;
            }

            var verdict = ValidatorEvaluator.Evaluate(body, errors, bodies, cancellationToken);
            if (verdict.Kind != ValidatorKind.AcceptsSomeErrors)
            {
                return null;
            }

            var returns = new HashSet<SyntaxNode>(verdict.AcceptingReturns.Select(r => r.Syntax));
            return ValidatorRewriter.Rewrite(function, model, generator, sslPolicyErrors, returns, keepOtherChecks: true, cancellationToken);
        }
    }
}
