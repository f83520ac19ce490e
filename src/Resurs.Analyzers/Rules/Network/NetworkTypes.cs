using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Resurs.Analyzers.Infrastructure;
using Resurs.Analyzers.Infrastructure.Net;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>The address and network types the network rules recognise, resolved once per compilation.</summary>
    internal sealed class NetworkTypes
    {
        /// <summary>Answers per type name: the check runs for the type of every reference, and only the name decides.</summary>
        private readonly ConcurrentDictionary<string, bool> namedLikeNetwork = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        private NetworkTypes(WellKnownTypes types)
        {
            IPAddress = types.IPAddress;
            SystemIPNetwork = types.SystemIPNetwork;
            AspNetIPNetwork = types.AspNetIPNetwork;
            ForwardedHeadersOptions = types.ForwardedHeadersOptions;
        }

        public INamedTypeSymbol? IPAddress { get; }

        public INamedTypeSymbol? SystemIPNetwork { get; }

        public INamedTypeSymbol? AspNetIPNetwork { get; }

        public INamedTypeSymbol? ForwardedHeadersOptions { get; }

        public static NetworkTypes Create(WellKnownTypes types) => new NetworkTypes(types);

        public bool IsIPAddress(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, IPAddress);

        /// <summary>
        /// System.Net.IPNetwork, ASP.NET Core's IPNetwork, and third-party range types recognised by name
        /// (IPNetwork2, IPAddressRange, IpRange, Cidr, Subnet…): the string they are built from decides.
        /// </summary>
        public bool IsNetworkType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, SystemIPNetwork) || SymbolEqualityComparer.Default.Equals(type, AspNetIPNetwork))
            {
                return true;
            }

            return type.TypeKind is TypeKind.Class or TypeKind.Struct
                && type.SpecialType == SpecialType.None
                && MayNameNetwork(type.Name)
                && namedLikeNetwork.GetOrAdd(type.Name, name => NetworkNames.HasWord(name, "network", "range", "cidr", "subnet", "ipnetwork", "iprange", "ipsubnet"));
        }

        /// <summary>A quick test without the cache (and its lock) that almost every type name fails.</summary>
        private static bool MayNameNetwork(string name) =>
            name.IndexOf("network", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("range", StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("cidr", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("subnet", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>A type that holds addresses or networks: string, IPAddress, or a network type.</summary>
        public bool IsAddressCarrier(ITypeSymbol? type) =>
            type is not null && (type.SpecialType == SpecialType.System_String || IsIPAddress(type) || IsNetworkType(type));

        /// <summary>An array or generic collection of address carriers, or a network type itself.</summary>
        public bool IsAddressCollectionOrNetwork(ITypeSymbol? type)
        {
            switch (type)
            {
                case null:
                    return false;
                case IArrayTypeSymbol array:
                    return IsAddressCarrier(array.ElementType);
                case INamedTypeSymbol named when named.SpecialType != SpecialType.System_String:
                    return IsNetworkType(named) || (named.TypeArguments.Length == 1 && IsAddressCarrier(named.TypeArguments[0]));
                default:
                    return false;
            }
        }

        /// <summary>ForwardedHeadersOptions, resolved or (for other versions of ASP.NET Core) by name.</summary>
        public bool IsForwardedHeadersOptions(ITypeSymbol? type) =>
            type is not null
            && (SymbolEqualityComparer.Default.Equals(type, ForwardedHeadersOptions)
                || (ForwardedHeadersOptions is null && type.Name == "ForwardedHeadersOptions"));

        /// <summary>KnownNetworks, KnownIPNetworks or KnownProxies of ForwardedHeadersOptions.</summary>
        public bool IsForwardedTrustList(ISymbol? member) =>
            member is IPropertySymbol { Name: "KnownNetworks" or "KnownIPNetworks" or "KnownProxies" } property
            && IsForwardedHeadersOptions(property.ContainingType);

        /// <summary>
        /// Reads a network value written in place: <c>IPNetwork.Parse("a/n")</c>, <c>new IPNetwork(IPAddress.Parse("a"), n)</c>,
        /// <c>new IPNetwork(IPAddress.Any, 0)</c>, or a CIDR string.
        /// </summary>
        public bool TryReadNetwork(IOperation value, out Cidr cidr)
        {
            cidr = default;
            value = Conversions.Unwrap(value);
            switch (value)
            {
                case IInvocationOperation { TargetMethod.Name: "Parse", Arguments.Length: 1 } parse when IsNetworkType(parse.TargetMethod.ContainingType):
                    return Conversions.Unwrap(parse.Arguments[0].Value).ConstantValue is { HasValue: true, Value: string text }
                        && AddressList.LooksLikeAddresses(text)
                        && Cidr.TryParse(text, out cidr);
                case IObjectCreationOperation { Arguments.Length: 2 } creation when IsNetworkType(creation.Type):
                    if (!TryReadAddress(creation.Arguments[0].Value, out var address)
                        || Conversions.Unwrap(creation.Arguments[1].Value).ConstantValue is not { HasValue: true, Value: int prefix }
                        || prefix < 0 || prefix > address.Bits)
                    {
                        return false;
                    }

                    cidr = new Cidr(address, prefix);
                    return true;
                default:
                    return value.ConstantValue is { HasValue: true, Value: string cidrText }
                        && AddressList.LooksLikeAddresses(cidrText)
                        && Cidr.TryParse(cidrText, out cidr);
            }
        }

        /// <summary><c>IPAddress.Parse("a")</c>, <c>IPAddress.Any</c>, <c>IPAddress.IPv6Any</c>.</summary>
        public bool TryReadAddress(IOperation value, out IPValue address)
        {
            address = default;
            value = Conversions.Unwrap(value);
            if (value is IFieldReferenceOperation { Field.Name: "Any" or "IPv6Any" or "IPv6None" or "None" } field && IsIPAddress(field.Field.ContainingType))
            {
                address = field.Field.Name is "Any" or "None" ? new IPValue(0) : new IPValue(0, 0);
                return true;
            }

            if (value is IInvocationOperation { TargetMethod.Name: "Parse", Arguments.Length: 1 } parse
                && IsIPAddress(parse.TargetMethod.ContainingType)
                && Conversions.Unwrap(parse.Arguments[0].Value).ConstantValue is { HasValue: true, Value: string text }
                && AddressList.LooksLikeAddresses(text)
                && text.IndexOf('/') < 0
                && Cidr.TryParse(text, out var single))
            {
                address = single.Network;
                return true;
            }

            return false;
        }

        /// <summary>True for names of methods that test a value against a list or network (a check that admits callers).</summary>
        public static bool IsCheckMethod(string name) =>
            string.Equals(name, "Contains", StringComparison.Ordinal)
            || string.Equals(name, "Any", StringComparison.Ordinal)
            || string.Equals(name, "Exists", StringComparison.Ordinal)
            || string.Equals(name, "Find", StringComparison.Ordinal)
            || string.Equals(name, "FindIndex", StringComparison.Ordinal)
            || string.Equals(name, "First", StringComparison.Ordinal)
            || string.Equals(name, "FirstOrDefault", StringComparison.Ordinal)
            || string.Equals(name, "Where", StringComparison.Ordinal)
            || string.Equals(name, "IsInRange", StringComparison.Ordinal);
    }
}
