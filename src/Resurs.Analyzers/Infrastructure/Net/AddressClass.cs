namespace Resurs.Analyzers.Infrastructure.Net
{
    /// <summary>Why an address cannot be reached from the internet (or <see cref="Public"/>).</summary>
    internal enum AddressKind
    {
        Public,
        Unspecified,
        Loopback,
        Private,
        LinkLocal,
        CarrierGradeNat,
        UniqueLocal,
    }

    internal static class AddressClass
    {
        public static AddressKind Classify(IPValue address)
        {
            if (address.IsV6)
            {
                if (address.High == 0 && address.Low == 0)
                {
                    return AddressKind.Unspecified;
                }

                if (address.High == 0 && address.Low == 1)
                {
                    return AddressKind.Loopback;
                }

                if (address.TryGetEmbeddedV4(out var embedded))
                {
                    return Classify(embedded);
                }

                if ((address.High >> 54) == 0x3FA)
                {
                    return AddressKind.LinkLocal; // fe80::/10
                }

                return (address.High >> 57) == 0x7E ? AddressKind.UniqueLocal : AddressKind.Public; // fc00::/7
            }

            var v = address.V4;
            if ((v >> 24) == 0)
            {
                return AddressKind.Unspecified; // 0.0.0.0/8
            }

            if ((v >> 24) == 127)
            {
                return AddressKind.Loopback;
            }

            if ((v >> 24) == 10 || (v >> 20) == 0xAC1 || (v >> 16) == 0xC0A8)
            {
                return AddressKind.Private; // 10/8, 172.16/12, 192.168/16
            }

            if ((v >> 16) == 0xA9FE)
            {
                return AddressKind.LinkLocal; // 169.254/16
            }

            return (v >> 22) == 0x191 ? AddressKind.CarrierGradeNat : AddressKind.Public; // 100.64/10
        }

        /// <summary>"a private address", for messages.</summary>
        public static string Describe(AddressKind kind) => kind switch
        {
            AddressKind.Unspecified => "an unspecified (any) address",
            AddressKind.Loopback => "a loopback address",
            AddressKind.Private => "a private address",
            AddressKind.LinkLocal => "a link-local address",
            AddressKind.CarrierGradeNat => "a carrier-grade NAT address",
            AddressKind.UniqueLocal => "a unique-local IPv6 address",
            _ => "a public address",
        };
    }

    /// <summary>An IP network in CIDR notation.</summary>
    internal readonly struct Cidr
    {
        public Cidr(IPValue network, int prefixLength)
        {
            Network = network;
            PrefixLength = prefixLength;
        }

        public IPValue Network { get; }

        public int PrefixLength { get; }

        public bool IsSingleAddress => PrefixLength == Network.Bits;

        /// <summary>
        /// Strict "a.b.c.d/n" or "ipv6/n"; a bare address is a /32 or /128. An IPv4 network may also carry a dotted
        /// mask, "a.b.c.d/255.255.0.0"; a mask whose ones are not contiguous is not a network and does not parse.
        /// </summary>
        public static bool TryParse(string text, out Cidr cidr)
        {
            cidr = default;
            var slash = text.IndexOf('/');
            var addressLength = slash < 0 ? text.Length : slash;
            IPValue address;
            if (!IPValue.TryParseStrictV4(text, 0, addressLength, out address)
                && !IPValue.TryParseStrictV6(text.Substring(0, addressLength), out address))
            {
                return false;
            }

            var prefix = address.Bits;
            if (slash >= 0 && !address.IsV6 && text.IndexOf('.', slash + 1) >= 0)
            {
                if (!IPValue.TryParseStrictV4(text, slash + 1, text.Length - slash - 1, out var mask) || mask.IsV6 || !TryMaskLength(mask.V4, out prefix))
                {
                    return false;
                }
            }
            else if (slash >= 0)
            {
                var digits = text.Length - slash - 1;
                if (digits < 1 || digits > 3)
                {
                    return false;
                }

                prefix = 0;
                for (var i = slash + 1; i < text.Length; i++)
                {
                    if (text[i] < '0' || text[i] > '9')
                    {
                        return false;
                    }

                    prefix = (prefix * 10) + (text[i] - '0');
                }

                if (prefix > address.Bits)
                {
                    return false;
                }
            }

            cidr = new Cidr(address, prefix);
            return true;
        }

        /// <summary>The prefix length of a dotted IPv4 mask: its ones must come first, then only zeros.</summary>
        public static bool TryMaskLength(uint mask, out int prefix)
        {
            prefix = 0;
            while (prefix < 32 && (mask & (0x80000000u >> prefix)) != 0)
            {
                prefix++;
            }

            return prefix == 32 || (mask << prefix) == 0;
        }

        /// <summary>Whether the text after the slash is a dotted mask ("a.b.c.d/255.255.0.0") rather than a length.</summary>
        public static bool IsMaskNotation(string text)
        {
            var slash = text.IndexOf('/');
            return slash >= 0 && text.IndexOf('.', slash + 1) >= 0;
        }

        public bool Contains(IPValue address)
        {
            if (address.IsV6 != Network.IsV6)
            {
                if (Network.IsV6)
                {
                    // An IPv6 network holds an IPv4 address through its IPv4-mapped form (::ffff:a.b.c.d), as dual-stack sockets see it.
                    return Contains(new IPValue(0, 0xFFFF00000000UL | address.V4));
                }

                return address.TryGetEmbeddedV4(out var embedded) && Contains(embedded);
            }

            for (var i = 0; i < PrefixLength; i++)
            {
                if (address.Bit(i) != Network.Bit(i))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>"65,536 addresses", "every IPv4 address", "2^64 addresses".</summary>
        public string DescribeSize()
        {
            if (PrefixLength == 0)
            {
                return Network.IsV6 ? "every IPv6 address" : "every IPv4 address";
            }

            var hostBits = Network.Bits - PrefixLength;
            return hostBits <= 40
                ? (1L << hostBits).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + (hostBits == 0 ? " address" : " addresses")
                : "2^" + hostBits.ToString(System.Globalization.CultureInfo.InvariantCulture) + " addresses";
        }

        public override string ToString() => Network + "/" + PrefixLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
