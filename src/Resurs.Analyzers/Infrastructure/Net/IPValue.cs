using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Resurs.Analyzers.Infrastructure.Net
{
    /// <summary>An IPv4 or IPv6 address as two 64-bit halves (IPv4 lives in the low 32 bits of <see cref="Low"/>).</summary>
    internal readonly struct IPValue : IEquatable<IPValue>
    {
        public IPValue(uint ipv4)
        {
            IsV6 = false;
            High = 0;
            Low = ipv4;
        }

        public IPValue(ulong high, ulong low)
        {
            IsV6 = true;
            High = high;
            Low = low;
        }

        public bool IsV6 { get; }

        public ulong High { get; }

        public ulong Low { get; }

        public uint V4 => (uint)Low;

        public int Bits => IsV6 ? 128 : 32;

        /// <summary>The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) IPv6 address.</summary>
        public bool TryGetEmbeddedV4(out IPValue v4)
        {
            if (IsV6 && High == 0 && ((Low >> 32) == 0xFFFF || ((Low >> 32) == 0 && (Low & 0xFFFFFFFF) > 1)))
            {
                v4 = new IPValue((uint)Low);
                return true;
            }

            v4 = default;
            return false;
        }

        /// <summary>Bit <paramref name="index"/> counted from the most significant end.</summary>
        public bool Bit(int index)
        {
            if (!IsV6)
            {
                return ((V4 >> (31 - index)) & 1) != 0;
            }

            return index < 64 ? ((High >> (63 - index)) & 1) != 0 : ((Low >> (127 - index)) & 1) != 0;
        }

        public bool Equals(IPValue other) => IsV6 == other.IsV6 && High == other.High && Low == other.Low;

        public override bool Equals(object? obj) => obj is IPValue other && Equals(other);

        public override int GetHashCode() => unchecked((int)(High ^ (High >> 32) ^ Low ^ (Low >> 32)) ^ (IsV6 ? 1 : 0));

        public override string ToString()
        {
            if (!IsV6)
            {
                var v = V4;
                return string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}.{3}", v >> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
            }

            var bytes = new byte[16];
            for (var i = 0; i < 8; i++)
            {
                bytes[i] = (byte)(High >> (56 - (8 * i)));
                bytes[8 + i] = (byte)(Low >> (56 - (8 * i)));
            }

            return new IPAddress(bytes).ToString();
        }

        /// <summary>Strict dotted-quad IPv4 ("192.121.110.100"): four decimal parts 0-255, no leading zeros, nothing else.</summary>
        public static bool TryParseStrictV4(string text, int start, int length, out IPValue value)
        {
            value = default;
            uint result = 0;
            var parts = 0;
            var i = start;
            var end = start + length;
            while (i < end)
            {
                var partStart = i;
                uint part = 0;
                while (i < end && text[i] >= '0' && text[i] <= '9')
                {
                    part = (part * 10) + (uint)(text[i] - '0');
                    if (part > 255 || i - partStart >= 3)
                    {
                        return false;
                    }

                    i++;
                }

                var digits = i - partStart;
                if (digits == 0 || (digits > 1 && text[partStart] == '0'))
                {
                    return false;
                }

                result = (result << 8) | part;
                parts++;
                if (i == end)
                {
                    break;
                }

                if (text[i] != '.' || parts == 4)
                {
                    return false;
                }

                i++;
                if (i == end)
                {
                    return false;
                }
            }

            if (parts != 4)
            {
                return false;
            }

            value = new IPValue(result);
            return true;
        }

        /// <summary>Strict IPv6 (no brackets, no zone, no port).</summary>
        public static bool TryParseStrictV6(string text, out IPValue value)
        {
            value = default;
            if (text.IndexOf(':') < 0 || text.IndexOf('%') >= 0 || text.IndexOf('[') >= 0)
            {
                return false;
            }

            return TryParseV6Core(text, out value);
        }

        /// <summary>
        /// An IPv4 host the way browsers and .NET's Uri read URL hosts: one to four parts, each decimal, octal (leading 0)
        /// or hex (0x); the last part fills the remaining bytes. "2130706433", "0x7f.1", "0177.0.0.1" and "127.1" are 127.0.0.1.
        /// </summary>
        public static bool TryParseUrlHostV4(string host, out IPValue value)
        {
            value = default;
            if (host.Length == 0 || host.Length > 64)
            {
                return false;
            }

            var parts = new ulong[4];
            var count = 0;
            var i = 0;
            while (i <= host.Length)
            {
                var partEnd = host.IndexOf('.', i);
                if (partEnd < 0)
                {
                    partEnd = host.Length;
                }

                if (count == 4 || !TryParseNumber(host, i, partEnd - i, out parts[count]))
                {
                    return false;
                }

                count++;
                i = partEnd + 1;
            }

            ulong result = 0;
            for (var p = 0; p < count - 1; p++)
            {
                if (parts[p] > 255)
                {
                    return false;
                }

                result |= parts[p] << (8 * (3 - p));
            }

            var last = parts[count - 1];
            if (last >= 1UL << (8 * (5 - count)))
            {
                return false;
            }

            value = new IPValue((uint)(result | last));
            return true;
        }

        /// <summary>An IPv6 URL host without brackets; a zone ("%eth0" or "%25eth0") is ignored.</summary>
        public static bool TryParseUrlHostV6(string host, out IPValue value)
        {
            var zone = host.IndexOf('%');
            return TryParseV6Core(zone >= 0 ? host.Substring(0, zone) : host, out value);
        }

        private static bool TryParseV6Core(string text, out IPValue value)
        {
            value = default;
            if (text.Length < 2 || text.Length > 45)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                {
                    return false;
                }
            }

            if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            var bytes = address.GetAddressBytes();
            ulong high = 0;
            ulong low = 0;
            for (var i = 0; i < 8; i++)
            {
                high = (high << 8) | bytes[i];
                low = (low << 8) | bytes[8 + i];
            }

            value = new IPValue(high, low);
            return true;
        }

        private static bool TryParseNumber(string text, int start, int length, out ulong value)
        {
            value = 0;
            if (length == 0 || length > 20)
            {
                return false;
            }

            var radix = 10;
            var i = start;
            var end = start + length;
            if (length > 1 && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X'))
            {
                radix = 16;
                i += 2;
                if (i == end)
                {
                    return true; // "0x" is zero, as browsers read it.
                }
            }
            else if (length > 1 && text[i] == '0')
            {
                radix = 8;
                i++;
            }

            for (; i < end; i++)
            {
                var c = text[i];
                int digit;
                if (c >= '0' && c <= '9')
                {
                    digit = c - '0';
                }
                else if (c >= 'a' && c <= 'f')
                {
                    digit = c - 'a' + 10;
                }
                else if (c >= 'A' && c <= 'F')
                {
                    digit = c - 'A' + 10;
                }
                else
                {
                    return false;
                }

                if (digit >= radix)
                {
                    return false;
                }

                value = (value * (ulong)radix) + (ulong)digit;
                if (value > uint.MaxValue)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
