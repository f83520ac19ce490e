using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Rules.Certificates;

namespace Resurs.Analyzers.CodeFixes.Certificates
{
    /// <summary>
    /// Syntax work shared by the RES3001 and RES3002 fixes: finding the delegate creation a diagnostic points at, removing
    /// the assignment, initializer entry or argument that installs it, and rewriting a validator so it accepts only
    /// <c>SslPolicyErrors.None</c>.
    /// </summary>
    internal static class ValidatorRewriter
    {
        private const string PreferredErrorsName = "errors";
        private const string FallbackErrorsName = "sslPolicyErrors";

        /// <summary>The lambda, anonymous method, method group, <c>new D(M)</c> or member access a diagnostic points at.</summary>
        public static ExpressionSyntax? FindCreation(SyntaxNode root, TextSpan span)
        {
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is { } function && CertificateFacts.ValidatorSpan(function) == span)
            {
                return function;
            }

            return node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == span);
        }

        // ------------------------------------------------------------ fix 1: use the default validation

        /// <summary>
        /// Records in <paramref name="editor"/> the removal of whatever installs <paramref name="creation"/>: the assignment
        /// statement, the object-initializer entry, or the argument. False when the value is stored somewhere else first
        /// (a local, a field, a return value), where removing it would not compile.
        /// </summary>
        public static bool TryRemoveInstallation(DocumentEditor editor, ExpressionSyntax creation)
        {
            var value = creation;
            while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            {
                value = (ExpressionSyntax)value.Parent;
            }

            switch (value.Parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Right == value
                    && (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.AddAssignmentExpression)):
                    return TryRemoveAssignment(editor, assignment);
                case ArgumentSyntax argument:
                    return TryRemoveArgument(editor, argument);
                default:
                    return false;
            }
        }

        private static bool TryRemoveAssignment(DocumentEditor editor, AssignmentExpressionSyntax assignment)
        {
            switch (assignment.Parent)
            {
                case ExpressionStatementSyntax statement:
                    switch (statement.Parent)
                    {
                        case BlockSyntax:
                        case SwitchSectionSyntax:
                            SyntaxRemoval.Remove(editor, statement);
                            return true;
                        case GlobalStatementSyntax global:
                            SyntaxRemoval.Remove(editor, global);
                            return true;
                        default:
                            // 'if (x) handler.Callback = ...;' keeps a statement.
                            editor.ReplaceNode(statement, SyntaxFactory.Block().WithTriviaFrom(statement));
                            return true;
                    }

                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                    RemoveInitializerEntry(editor, initializer, assignment);
                    return true;
                case ArrowExpressionClauseSyntax arrow when editor.SemanticModel.GetDeclaredSymbol(arrow.Parent!) is IMethodSymbol { ReturnsVoid: true }:
                    ReplaceArrowWithEmptyBody(editor, arrow);
                    return true;
                case LambdaExpressionSyntax lambda when lambda.ExpressionBody == assignment
                    && editor.SemanticModel.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: true }:
                    editor.ReplaceNode(lambda, (current, _) => ((LambdaExpressionSyntax)current)
                        .WithExpressionBody(null)
                        .WithBlock(SyntaxFactory.Block().WithTriviaFrom(((LambdaExpressionSyntax)current).ExpressionBody!)));
                    return true;
                default:
                    return false;
            }
        }

        private static void RemoveInitializerEntry(DocumentEditor editor, InitializerExpressionSyntax initializer, AssignmentExpressionSyntax entry)
        {
            if (initializer.Expressions.Count > 1)
            {
                editor.RemoveNode(entry, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives);
                return;
            }

            switch (initializer.Parent)
            {
                case ObjectCreationExpressionSyntax creation:
                    // 'new HttpClientHandler { Callback = ... }' becomes 'new HttpClientHandler()'.
                    var arguments = creation.ArgumentList ?? SyntaxFactory.ArgumentList();
                    SyntaxRemoval.Replace(editor, creation, creation
                        .WithType(creation.Type.WithoutTrailingTrivia())
                        .WithArgumentList(arguments.WithoutTrailingTrivia())
                        .WithInitializer(null)
                        .WithTrailingTrivia(initializer.GetTrailingTrivia()));
                    return;
                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    SyntaxRemoval.Replace(editor, implicitCreation, implicitCreation
                        .WithArgumentList(implicitCreation.ArgumentList.WithoutTrailingTrivia())
                        .WithInitializer(null)
                        .WithTrailingTrivia(initializer.GetTrailingTrivia()));
                    return;
                case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax outer } nested when outer.IsKind(SyntaxKind.ObjectInitializerExpression):
                    // 'SslOptions = { RemoteCertificateValidationCallback = ... }' goes as a whole.
                    RemoveInitializerEntry(editor, outer, nested);
                    return;
                default:
                    editor.RemoveNode(entry, SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives);
                    return;
            }
        }

        private static void ReplaceArrowWithEmptyBody(DocumentEditor editor, ArrowExpressionClauseSyntax arrow)
        {
            var body = SyntaxFactory.Block();
            switch (arrow.Parent)
            {
                case MethodDeclarationSyntax method:
                    SyntaxRemoval.Replace(editor, method, method
                        .WithParameterList(method.ParameterList.WithoutTrailingTrivia())
                        .WithExpressionBody(null)
                        .WithSemicolonToken(default)
                        .WithBody(body.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(method.SemicolonToken.TrailingTrivia)));
                    break;
                case LocalFunctionStatementSyntax local:
                    SyntaxRemoval.Replace(editor, local, local
                        .WithParameterList(local.ParameterList.WithoutTrailingTrivia())
                        .WithExpressionBody(null)
                        .WithSemicolonToken(default)
                        .WithBody(body.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(local.SemicolonToken.TrailingTrivia)));
                    break;
            }
        }

        private static bool TryRemoveArgument(DocumentEditor editor, ArgumentSyntax argument)
        {
            if (argument.Parent is not BaseArgumentListSyntax list || list.Parent is not ExpressionSyntax call)
            {
                return false;
            }

            var model = editor.SemanticModel;
            if (argument.NameColon is not null || list.Arguments.Last() == argument)
            {
                var withoutArgument = call.ReplaceNode(list, list.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia)!);
                if (Binds(model, call, withoutArgument))
                {
                    SyntaxRemoval.Replace(editor, call, withoutArgument.WithTriviaFrom(call));
                    return true;
                }
            }

            // A positional argument in the middle: null asks for the default validation too.
            var withNull = call.ReplaceNode(argument.Expression, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(argument.Expression));
            if (!Binds(model, call, withNull))
            {
                return false;
            }

            editor.ReplaceNode(argument.Expression, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(argument.Expression));
            return true;
        }

        private static bool Binds(SemanticModel model, ExpressionSyntax original, ExpressionSyntax replacement) =>
            model.GetSpeculativeSymbolInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol;

        // ------------------------------------------------------------ fix 2 and RES3002: accept only SslPolicyErrors.None

        /// <summary>
        /// Rewrites a validator (lambda, anonymous method, method or local function) so the returns in
        /// <paramref name="returns"/> (every return when null) accept only <c>SslPolicyErrors.None</c>. With
        /// <paramref name="keepOtherChecks"/>, the conditions of a return that do not read the errors are kept, joined
        /// with <c>&amp;&amp;</c>; without it, the return value is replaced. A discarded or unused errors parameter gets a name.
        /// </summary>
        public static SyntaxNode? Rewrite(
            SyntaxNode function,
            SemanticModel model,
            SyntaxGenerator generator,
            INamedTypeSymbol sslPolicyErrors,
            ISet<SyntaxNode>? returns,
            bool keepOtherChecks,
            CancellationToken cancellationToken)
        {
            var parameters = ParametersOf(function);
            if (parameters is null)
            {
                // 'delegate { ... }' without a parameter list: becomes a lambda that names its parameters.
                return function is AnonymousMethodExpressionSyntax anonymous
                    ? RewriteParameterless(anonymous, model, generator, sslPolicyErrors, returns, keepOtherChecks, cancellationToken)
                    : null;
            }

            if (parameters.Parameters.Count == 0)
            {
                return null;
            }

            var errorsSyntax = parameters.Parameters.Last();
            var errorsSymbol = model.GetDeclaredSymbol(errorsSyntax, cancellationToken);
            var body = BodyOf(function);
            if (errorsSymbol is null || body is null)
            {
                return null;
            }

            var name = errorsSyntax.Identifier.ValueText;
            var rename = name.Length == 0 || name == "_" && (errorsSymbol.IsDiscard || !References(body, errorsSymbol, model, cancellationToken));
            if (rename)
            {
                name = parameters.Parameters.Any(p => p.Identifier.ValueText == PreferredErrorsName) ? FallbackErrorsName : PreferredErrorsName;
            }

            var check = NoErrorsCheck(name, generator, sslPolicyErrors);
            var replacements = ReturnReplacements(body, returns, check, errorsSymbol, keepOtherChecks, model, cancellationToken);
            return function.ReplaceSyntax(
                replacements.Keys,
                (original, _) => replacements[original],
                rename ? new[] { errorsSyntax.Identifier } : Array.Empty<SyntaxToken>(),
                (original, _) => SyntaxFactory.Identifier(name).WithTriviaFrom(original),
                Array.Empty<SyntaxTrivia>(),
                (original, _) => original);
        }

        private static SyntaxNode? RewriteParameterless(
            AnonymousMethodExpressionSyntax anonymous,
            SemanticModel model,
            SyntaxGenerator generator,
            INamedTypeSymbol sslPolicyErrors,
            ISet<SyntaxNode>? returns,
            bool keepOtherChecks,
            CancellationToken cancellationToken)
        {
            if (model.GetTypeInfo(anonymous, cancellationToken).ConvertedType is not INamedTypeSymbol { DelegateInvokeMethod: { } invoke }
                || invoke.Parameters.IsEmpty)
            {
                return null;
            }

            var useDiscards = anonymous.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 } && invoke.Parameters.Length > 2;
            var parameters = new List<ParameterSyntax>();
            for (var i = 0; i < invoke.Parameters.Length - 1; i++)
            {
                parameters.Add(SyntaxFactory.Parameter(useDiscards ? Discard() : SyntaxFactory.Identifier(invoke.Parameters[i].Name)));
            }

            parameters.Add(SyntaxFactory.Parameter(SyntaxFactory.Identifier(PreferredErrorsName)));
            var check = NoErrorsCheck(PreferredErrorsName, generator, sslPolicyErrors);
            var replacements = ReturnReplacements(anonymous.Block, returns, check, null, keepOtherChecks, model, cancellationToken);
            var block = anonymous.Block.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            return SyntaxFactory.ParenthesizedLambdaExpression(
                    SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(parameters)),
                    block)
                .WithModifiers(anonymous.Modifiers)
                .WithTriviaFrom(anonymous);
        }

        private static ParameterListSyntax? ParametersOf(SyntaxNode function) => function switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
            AnonymousMethodExpressionSyntax anonymous => anonymous.ParameterList,
            MethodDeclarationSyntax method => method.ParameterList,
            LocalFunctionStatementSyntax local => local.ParameterList,
            _ => null,
        };

        private static SyntaxNode? BodyOf(SyntaxNode function) => function switch
        {
            AnonymousFunctionExpressionSyntax lambda => (SyntaxNode?)lambda.Block ?? lambda.ExpressionBody,
            MethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
            LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
            _ => null,
        };

        private static bool References(SyntaxNode body, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var identifier in body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == symbol.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The returned expressions to replace, and what replaces each.</summary>
        private static Dictionary<SyntaxNode, SyntaxNode> ReturnReplacements(
            SyntaxNode body,
            ISet<SyntaxNode>? returns,
            ExpressionSyntax check,
            ISymbol? errors,
            bool keepOtherChecks,
            SemanticModel model,
            CancellationToken cancellationToken)
        {
            var returned = new List<ExpressionSyntax>();
            if (body is ExpressionSyntax expressionBody)
            {
                returned.Add(expressionBody);
            }
            else
            {
                foreach (var statement in body.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax).OfType<ReturnStatementSyntax>())
                {
                    if (statement.Expression is not null)
                    {
                        returned.Add(statement.Expression);
                    }
                }
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var expression in returned)
            {
                if (returns is not null && !returns.Contains(expression) && !returns.Contains(expression.Parent!))
                {
                    continue;
                }

                var replacement = keepOtherChecks ? KeepOtherChecks(expression, check, errors, model, cancellationToken) : check;
                replacements[expression] = replacement.WithTriviaFrom(expression);
            }

            return replacements;
        }

        /// <summary><c>errors == None &amp;&amp; c1 &amp;&amp; c2</c>, where c1, c2 are the conjuncts of <paramref name="expression"/> that do not read the errors.</summary>
        private static ExpressionSyntax KeepOtherChecks(ExpressionSyntax expression, ExpressionSyntax check, ISymbol? errors, SemanticModel model, CancellationToken cancellationToken)
        {
            ExpressionSyntax result = check;
            foreach (var conjunct in Conjuncts(expression))
            {
                if (conjunct.IsKind(SyntaxKind.TrueLiteralExpression)
                    || (errors is not null && References(conjunct, errors, model, cancellationToken)))
                {
                    continue;
                }

                var kept = conjunct.WithoutTrivia();
                if (NeedsParentheses(kept))
                {
                    kept = SyntaxFactory.ParenthesizedExpression(kept);
                }

                result = SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, result, kept);
            }

            return result;
        }

        private static IEnumerable<ExpressionSyntax> Conjuncts(ExpressionSyntax expression)
        {
            var unwrapped = expression;
            while (unwrapped is ParenthesizedExpressionSyntax parenthesized)
            {
                unwrapped = parenthesized.Expression;
            }

            if (unwrapped is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.LogicalAndExpression))
            {
                return Conjuncts(binary.Left).Concat(Conjuncts(binary.Right));
            }

            return new[] { expression };
        }

        private static bool NeedsParentheses(ExpressionSyntax expression) => expression switch
        {
            BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.CoalesceExpression),
            ConditionalExpressionSyntax or AssignmentExpressionSyntax or LambdaExpressionSyntax => true,
            _ => false,
        };

        /// <summary><c>errors == SslPolicyErrors.None</c>, the type simplified and imported by the code-action cleanup.</summary>
        private static ExpressionSyntax NoErrorsCheck(string name, SyntaxGenerator generator, INamedTypeSymbol sslPolicyErrors)
        {
            var type = SyntaxFactory.ParseTypeName(sslPolicyErrors.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var none = (ExpressionSyntax)generator.MemberAccessExpression(type, "None");
            return SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, SyntaxFactory.IdentifierName(name), none);
        }

        /// <summary>A lambda that accepts only valid certificates, for a target-typed slot such as DangerousAcceptAnyServerCertificateValidator's.</summary>
        public static ExpressionSyntax? AcceptOnlyValidLambda(INamedTypeSymbol? delegateType, SyntaxTree tree, SyntaxGenerator generator, INamedTypeSymbol sslPolicyErrors)
        {
            if (delegateType?.DelegateInvokeMethod is not { Parameters.Length: > 0 } invoke)
            {
                return null;
            }

            var useDiscards = tree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 } && invoke.Parameters.Length > 2;
            var parameters = new List<ParameterSyntax>();
            for (var i = 0; i < invoke.Parameters.Length - 1; i++)
            {
                parameters.Add(SyntaxFactory.Parameter(useDiscards ? Discard() : SyntaxFactory.Identifier(invoke.Parameters[i].Name)));
            }

            parameters.Add(SyntaxFactory.Parameter(SyntaxFactory.Identifier(PreferredErrorsName)));
            return SyntaxFactory.ParenthesizedLambdaExpression(
                SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(parameters)),
                NoErrorsCheck(PreferredErrorsName, generator, sslPolicyErrors));
        }

        /// <summary>
        /// A lambda discard, <c>_</c>, as the parser makes it (contextual kind <c>UnderscoreToken</c>): a plain identifier
        /// named "_" is a discard only once the text is parsed again, and until then two of them are a duplicate name
        /// (CS0100) to the fixed tree's semantic model.
        /// </summary>
        private static SyntaxToken Discard() =>
            SyntaxFactory.Identifier(SyntaxFactory.TriviaList(), SyntaxKind.UnderscoreToken, "_", "_", SyntaxFactory.TriviaList());
    }
}
