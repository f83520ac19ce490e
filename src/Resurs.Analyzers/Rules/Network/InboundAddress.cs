using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>
    /// Whether a check tests the address of an inbound caller: <c>HttpContext.Connection.RemoteIpAddress</c>,
    /// <c>HttpRequest.UserHostAddress</c>, <c>RemoteEndPoint.Address</c>, <c>ServerVariables["REMOTE_ADDR"]</c>, a forwarded-for
    /// header, or a parameter, local, field or property named for one (<c>remote</c>, <c>clientIp</c>, <c>callerAddress</c>).
    /// A range tested against such a value admits or rejects callers: it is an allowlist. A range tested against anything
    /// else is arithmetic (a library's own <c>IPNetwork.Parse("0.0.0.0/0").Contains(address)</c>).
    /// </summary>
    internal static class InboundAddress
    {
        /// <summary>The most operations looked at in one check; a check is a condition or a loop body, not a whole method.</summary>
        private const int MaxOperations = 400;

        private const int MaxLocalDepth = 2;

        private static readonly string[] InboundWords =
        {
            "remote", "client", "caller", "peer", "sender", "forwarded", "visitor", "requester", "incoming", "inbound",
        };

        /// <summary>True when <paramref name="scope"/> (leaving out <paramref name="skip"/>, the list or range itself) reads an inbound address.</summary>
        public static bool IsReadIn(IOperation scope, IOperation? skip) => IsReadIn(scope, skip, 0);

        private static bool IsReadIn(IOperation scope, IOperation? skip, int depth)
        {
            var seen = 0;
            foreach (var operation in scope.DescendantsAndSelf())
            {
                if (++seen > MaxOperations)
                {
                    return false;
                }

                if (skip is not null && skip.Syntax.Span.Contains(operation.Syntax.Span) && skip.Syntax.SyntaxTree == operation.Syntax.SyntaxTree)
                {
                    continue;
                }

                if (IsInbound(operation, depth))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInbound(IOperation operation, int depth)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property when Describe(property) is not null:
                    return true;
                case IMemberReferenceOperation member:
                    return IsInboundName(member.Member.Name);
                case IParameterReferenceOperation parameter:
                    return IsInboundName(parameter.Parameter.Name);
                case ILocalReferenceOperation local:
                    return IsInboundName(local.Local.Name) || (depth < MaxLocalDepth && IsAssignedInbound(local, depth));
                default:
                    return false;
            }
        }

        /// <summary>A local initialised from an inbound address: <c>var ip = context.Connection.RemoteIpAddress;</c>.</summary>
        private static bool IsAssignedInbound(ILocalReferenceOperation reference, int depth)
        {
            var local = reference.Local;
            if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model
                || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value }
                || value.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            return model.GetOperation(value) is { } initializer && IsReadIn(initializer, null, depth + 1);
        }

        /// <summary>
        /// What a property read is, when it is the inbound caller's address: "HttpContext.Connection.RemoteIpAddress",
        /// "HttpRequest.UserHostAddress", "RemoteEndPoint.Address", or a server variable or header read by key.
        /// </summary>
        public static string? Describe(IPropertyReferenceOperation property)
        {
            switch (property.Property.Name)
            {
                case "RemoteIpAddress":
                    return "HttpContext.Connection.RemoteIpAddress";
                case "UserHostAddress":
                    return "HttpRequest.UserHostAddress";
                case "Address" when property.Instance is IPropertyReferenceOperation { Property.Name: "RemoteEndPoint" }:
                    return "RemoteEndPoint.Address";
            }

            if (property.Property.IsIndexer && property.Arguments.Length == 1
                && property.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key })
            {
                return DescribeKey(key);
            }

            return null;
        }

        /// <summary>A server variable or header that carries the caller's address: REMOTE_ADDR, X-Forwarded-For, X-Real-IP.</summary>
        public static string? DescribeKey(string key)
        {
            if (key.Equals("REMOTE_ADDR", StringComparison.OrdinalIgnoreCase))
            {
                return "ServerVariables[\"REMOTE_ADDR\"]";
            }

            if (key.Equals("X-Forwarded-For", StringComparison.OrdinalIgnoreCase) || key.Equals("HTTP_X_FORWARDED_FOR", StringComparison.OrdinalIgnoreCase))
            {
                return "the X-Forwarded-For header";
            }

            return key.Equals("X-Real-IP", StringComparison.OrdinalIgnoreCase) ? "the X-Real-IP header" : null;
        }

        private static bool IsInboundName(string name) => NetworkNames.HasWord(name, InboundWords);
    }
}
