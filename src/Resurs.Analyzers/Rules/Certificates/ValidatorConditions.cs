using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// What a validator's accepting paths depend on, for RES3002's message: a certificate property anyone can choose when
    /// they issue a certificate (subject, issuer, friendly name, DNS name), or the host the request goes to. Also judges a
    /// custom WCF <c>X509CertificateValidator.Validate</c>, which rejects by throwing.
    /// </summary>
    internal static class ValidatorConditions
    {
        /// <summary>Certificate members whose value the issuer of a certificate chooses: a self-signed certificate can carry any.</summary>
        private static readonly ImmutableHashSet<string> ForgeableMembers = ImmutableHashSet.Create(
            System.StringComparer.Ordinal,
            "Subject", "Issuer", "FriendlyName", "GetNameInfo", "GetName", "GetIssuerName",
            "DnsName", "Name", "Format", "SerialNumber", "GetSerialNumberString", "NotAfter", "NotBefore", "Extensions");

        /// <summary>Members that name the host a connection goes to.</summary>
        private static readonly ImmutableHashSet<string> HostMembers = ImmutableHashSet.Create(
            System.StringComparer.Ordinal, "Host", "DnsSafeHost", "IdnHost", "Authority", "TargetHostName");

        /// <summary>
        /// The clause RES3002 adds after the accepted errors: what the accepting paths test instead of the errors, or empty.
        /// </summary>
        public static string Qualifier(ImmutableArray<IReturnOperation> accepting)
        {
            var forgeable = new SortedSet<string>(System.StringComparer.Ordinal);
            var host = false;
            foreach (var ret in accepting)
            {
                foreach (var tested in Tested(ret))
                {
                    foreach (var operation in tested.DescendantsAndSelf())
                    {
                        if (ForgeableName(operation) is { } name)
                        {
                            forgeable.Add(name);
                        }
                        else if (IsHost(operation))
                        {
                            host = true;
                        }
                    }
                }
            }

            var names = string.Join(" or ", forgeable);
            if (forgeable.Count > 0 && host)
            {
                // One clause for both, or the message runs on: the paths may combine them with 'and' or 'or'.
                return ", judging only the certificate's " + names + " and the request's host, which a self-signed certificate satisfies";
            }

            if (forgeable.Count > 0)
            {
                return ", when the certificate's " + names + " matches, which anyone can put in a self-signed certificate";
            }

            return host ? ", for the hosts it names, where a forged certificate is then accepted" : string.Empty;
        }

        /// <summary>
        /// Judges the body of an <c>X509CertificateValidator.Validate</c> override, which accepts by returning and rejects by
        /// throwing. Validation: it hands the certificate to another validator (<c>ChainTrust.Validate</c>, <c>base.Validate</c>),
        /// builds a chain, calls <c>Verify()</c> or compares a pinned hash or key. Accepts everything: it never throws but for
        /// a missing certificate. Accepts some: every throw is guarded only by checks of properties the certificate's issuer
        /// chooses (<paramref name="tested"/> names them). Anything else is unknown.
        /// </summary>
        public static ValidatorKind JudgeCustomValidator(IBlockOperation body, MethodBodies bodies, CancellationToken cancellationToken, out string tested)
        {
            tested = string.Empty;
            var throws = new List<IOperation>();
            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        var name = invocation.TargetMethod.Name;
                        if (name is "Validate" or "Verify" || (name == "Build" && invocation.TargetMethod.ContainingType?.Name == "X509Chain") || IsPinning(name))
                        {
                            return ValidatorKind.Validates;
                        }

                        if (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty && bodies.MayThrow(invocation.TargetMethod, cancellationToken))
                        {
                            return ValidatorKind.Unknown;
                        }

                        break;
                    case IPropertyReferenceOperation property when IsPinning(property.Property.Name):
                        return ValidatorKind.Validates;
                    case IThrowOperation:
                        throws.Add(operation);
                        break;
                }
            }

            var forgeable = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var thrown in throws)
            {
                var guarded = false;
                for (var parent = thrown.Parent; parent is not null && parent != body; parent = parent.Parent)
                {
                    if (parent is not IConditionalOperation { Condition: var condition })
                    {
                        continue;
                    }

                    guarded = true;
                    if (!OnlyReadsTheCertificate(condition, forgeable))
                    {
                        return ValidatorKind.Unknown;
                    }
                }

                if (!guarded)
                {
                    // Throws whatever the certificate: rejects everything.
                    return ValidatorKind.Validates;
                }
            }

            if (forgeable.Count == 0)
            {
                return ValidatorKind.AcceptsEverything;
            }

            tested = string.Join(" or ", forgeable);
            return ValidatorKind.AcceptsSomeErrors;
        }

        private static bool IsPinning(string name) => name is "Thumbprint" or "GetCertHash" or "GetCertHashString" or "GetPublicKey"
            or "GetPublicKeyString" or "PublicKey" or "RawData" or "GetRawCertData" or "GetRawCertDataString" or "ExportSubjectPublicKeyInfo";

        /// <summary>True when <paramref name="condition"/> reads nothing but constants, null checks and forgeable certificate properties.</summary>
        private static bool OnlyReadsTheCertificate(IOperation condition, SortedSet<string> forgeable)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case var constant when constant.ConstantValue.HasValue:
                    case IParameterReferenceOperation:
                    case IBinaryOperation:
                    case IUnaryOperation:
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case IIsPatternOperation:
                    case IPatternOperation:
                    case IArgumentOperation:
                    case IConditionalAccessOperation:
                    case IConditionalAccessInstanceOperation:
                        break;
                    case IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String }:
                    case IPropertyReferenceOperation { Property.ContainingType.SpecialType: SpecialType.System_String }:
                        break;
                    default:
                        if (ForgeableName(operation) is { } name)
                        {
                            forgeable.Add(name);
                            break;
                        }

                        return false;
                }
            }

            return true;
        }

        /// <summary>The conditions that decide whether <paramref name="ret"/> is reached, and the value it returns.</summary>
        private static IEnumerable<IOperation> Tested(IReturnOperation ret)
        {
            if (ret.ReturnedValue is { } value)
            {
                yield return value;
            }

            for (var parent = ret.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional:
                        yield return conditional.Condition;
                        break;
                    case ISwitchCaseOperation section:
                        foreach (var clause in section.Clauses)
                        {
                            yield return clause;
                        }

                        break;
                    case IAnonymousFunctionOperation:
                    case IMethodBodyOperation:
                    case ILocalFunctionOperation:
                        yield break;
                }
            }
        }

        private static string? ForgeableName(IOperation operation)
        {
            var (name, type) = operation switch
            {
                IPropertyReferenceOperation property => (property.Property.Name, property.Property.ContainingType),
                IInvocationOperation invocation => (invocation.TargetMethod.Name, invocation.TargetMethod.ContainingType),
                _ => (null, null),
            };
            if (name is null || type is null || !ForgeableMembers.Contains(name))
            {
                return null;
            }

            switch (type.Name)
            {
                case "X509Certificate":
                case "X509Certificate2":
                    return name;
                case "X500DistinguishedName" when name is "Name" or "Format":
                    return "distinguished name";
                case "X509SubjectAlternativeNameExtension":
                    return "DNS name";
                default:
                    return null;
            }
        }

        private static bool IsHost(IOperation operation) =>
            operation is IPropertyReferenceOperation { Property: { } property }
            && HostMembers.Contains(property.Name)
            && property.ContainingType?.Name is "Uri" or "HttpWebRequest" or "WebRequest" or "HttpRequestMessage" or "SslStream" or "ServicePoint";
    }
}
