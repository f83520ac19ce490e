using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>Delegate shapes, error bits and message texts shared by the certificate rules (RES3001-RES3005).</summary>
    internal static class CertificateFacts
    {
        /// <summary>
        /// The member an assignment writes, by name (<c>x.Name</c>, <c>Name</c> in an initializer, <c>x?.Name</c>): how the
        /// rules recognise their unambiguous members where the types do not resolve (half-typed code, a missing reference).
        /// </summary>
        public static string? AssignedMemberName(SyntaxNode target) => target switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            ConditionalAccessExpressionSyntax conditional => AssignedMemberName(conditional.WhenNotNull),
            _ => null,
        };

        /// <summary>The certificate problem codes legacy <c>ICertificatePolicy</c> implementations test for, by name.</summary>
        private static readonly Dictionary<uint, string> ProblemNames = new Dictionary<uint, string>
        {
            [0x800B0101] = "CERT_E_EXPIRED",
            [0x800B0109] = "CERT_E_UNTRUSTEDROOT",
            [0x800B010A] = "CERT_E_CHAINING",
            [0x800B010C] = "CERT_E_REVOKED",
            [0x800B010E] = "CERT_E_REVOCATION_FAILURE",
            [0x800B010F] = "CERT_E_CN_NO_MATCH",
            [0x800B0111] = "CERT_E_WRONG_USAGE",
            [0x80092012] = "CRYPT_E_NO_REVOCATION_CHECK",
            [0x80092013] = "CRYPT_E_REVOCATION_OFFLINE",
        };

        /// <summary>
        /// "certificates with problem 0x800B0109 (CERT_E_UNTRUSTEDROOT)", "… any problem code it does not test for": the
        /// non-zero codes a legacy certificate policy accepts (<see cref="ValidatorEvaluator.AcceptedProblems"/>).
        /// </summary>
        public static string DescribeProblems(List<long> accepted)
        {
            var named = new List<string?>();
            foreach (var code in accepted)
            {
                if (code != ValidatorEvaluator.OtherProblem)
                {
                    var bits = unchecked((uint)code);
                    named.Add("0x" + bits.ToString("X8", CultureInfo.InvariantCulture)
                        + (ProblemNames.TryGetValue(bits, out var name) ? " (" + name + ")" : string.Empty));
                }
            }

            var other = accepted.Contains(ValidatorEvaluator.OtherProblem);
            if (named.Count == 0)
            {
                return "certificates with any problem code it does not test for";
            }

            return "certificates with problem " + Prose.JoinAnd(named) + (other ? ", and with any problem code it does not test for" : string.Empty);
        }

        /// <summary>SslPolicyErrors bits.</summary>
        public const int NotAvailable = 1;
        public const int NameMismatch = 2;
        public const int ChainErrors = 4;

        /// <summary>
        /// The note for a finding in development-only code: a certificate bypass there is usually deliberate, so the message
        /// says how to make that explicit.
        /// </summary>
        public static string DevelopmentNote(string ruleId) =>
            " (in development-only code; if this is deliberate, suppress " + ruleId
            + " with #pragma warning disable or set resurs_analyzers.development_code = skip)";

        /// <summary>
        /// The cheap test before <see cref="IsValidationDelegate"/>, for every delegate creation in a compilation: a bool
        /// delegate with at least three parameters whose last is named SslPolicyErrors. A lambda or anonymous method that
        /// declares fewer than three parameters cannot convert to such a delegate, and ordinary code is full of such lambdas
        /// (LINQ queries, options callbacks), so their syntax answers before any symbol is asked for.
        /// </summary>
        public static bool MayBeValidationDelegate(IOperation creation) =>
            !DeclaresFewerThanThreeParameters(creation)
            && creation.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { ReturnType.SpecialType: SpecialType.System_Boolean, Parameters: { Length: >= 3 } parameters } }
            && parameters[parameters.Length - 1].Type.Name == "SslPolicyErrors";

        private static bool DeclaresFewerThanThreeParameters(IOperation creation) =>
            (creation as IDelegateCreationOperation)?.Target.Syntax switch
            {
                SimpleLambdaExpressionSyntax => true,
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters.Count < 3,
                AnonymousMethodExpressionSyntax { ParameterList: { } list } => list.Parameters.Count < 3,
                _ => false,
            };

        /// <summary>
        /// True for a delegate type that validates a certificate: it returns bool and its last three parameters are a
        /// certificate, a chain and the <c>SslPolicyErrors</c> value, in that order. That covers
        /// RemoteCertificateValidationCallback, HttpClientHandler's Func, Kestrel's three-parameter ClientCertificateValidation
        /// and custom delegates of the same shape.
        /// </summary>
        public static bool IsValidationDelegate(ITypeSymbol? type, INamedTypeSymbol sslPolicyErrors, INamedTypeSymbol? certificate, INamedTypeSymbol? chain)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke }
                || invoke.ReturnType.SpecialType != SpecialType.System_Boolean)
            {
                return false;
            }

            var parameters = invoke.Parameters;
            var count = parameters.Length;
            return count >= 3
                && SymbolEqualityComparer.Default.Equals(parameters[count - 1].Type, sslPolicyErrors)
                && IsOrDerives(parameters[count - 2].Type, chain)
                && IsOrDerives(parameters[count - 3].Type, certificate);
        }

        public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"wrong-domain certificates (RemoteCertificateNameMismatch) and a missing certificate (RemoteCertificateNotAvailable)".</summary>
        public static string DescribeErrors(int errors)
        {
            var names = new string?[]
            {
                (errors & NameMismatch) != 0 ? "wrong-domain certificates (RemoteCertificateNameMismatch)" : null,
                (errors & ChainErrors) != 0 ? "certificates with a broken chain or an untrusted CA (RemoteCertificateChainErrors)" : null,
                (errors & NotAvailable) != 0 ? "a missing certificate (RemoteCertificateNotAvailable)" : null,
            };
            return Prose.JoinAnd(names);
        }

        /// <summary>
        /// Where RES3001/RES3002 report an inline validator, and where the code fix finds it again: the parameter list of
        /// a lambda, or <c>delegate (...)</c> of an anonymous method.
        /// </summary>
        public static TextSpan ValidatorSpan(AnonymousFunctionExpressionSyntax function) => function switch
        {
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Span,
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Span,
            AnonymousMethodExpressionSyntax anonymous => TextSpan.FromBounds(
                anonymous.DelegateKeyword.SpanStart,
                anonymous.ParameterList?.Span.End ?? anonymous.DelegateKeyword.Span.End),
            _ => function.Span,
        };

        /// <summary>
        /// True when <paramref name="operation"/> runs in certificate validation: in a method, lambda or local function
        /// (or one around it) that takes an <c>X509Chain</c> or <c>SslPolicyErrors</c>, as validation callbacks and the
        /// helpers they hand their chain to do.
        /// </summary>
        public static bool InValidationContext(IOperation operation)
        {
            var model = operation.SemanticModel;
            for (var symbol = model?.GetEnclosingSymbol(operation.Syntax.SpanStart); symbol is IMethodSymbol method; symbol = method.ContainingSymbol)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Type.Name is "X509Chain" or "SslPolicyErrors")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="configured"/> is a setting of <c>new SslServerAuthenticationOptions { … }</c> whose
        /// initializer does not set <c>ClientCertificateRequired = true</c>: the server asks for no client certificate, so its
        /// validation callback and revocation mode never run. Set outside an initializer: not knowable, false.
        /// </summary>
        public static bool ServerIgnoresClientCertificates(IPropertyReferenceOperation configured) =>
            configured.Property.ContainingType?.Name == "SslServerAuthenticationOptions"
            && InitializerLacks(configured, "ClientCertificateRequired");

        /// <summary>
        /// True when <paramref name="configured"/> is set in an object initializer that does not set
        /// <paramref name="property"/> to <c>true</c> (so it keeps its default, false). Set elsewhere: unknown, false.
        /// </summary>
        public static bool InitializerLacks(IPropertyReferenceOperation configured, string property)
        {
            if (configured.Instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                || configured.Parent?.Parent is not IObjectOrCollectionInitializerOperation initializer)
            {
                return false;
            }

            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target, Value: var value }
                    && target.Property.Name == property && value.ConstantValue is not { HasValue: true, Value: false })
                {
                    return false;
                }
            }

            return true;
        }
    }
}
