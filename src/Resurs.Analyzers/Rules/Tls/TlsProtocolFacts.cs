using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Rules.Tls
{
    /// <summary>
    /// Bit values shared by <c>System.Security.Authentication.SslProtocols</c> and <c>System.Net.SecurityProtocolType</c>
    /// (both follow the SCHANNEL client bits), and how to name the weak ones.
    /// </summary>
    internal static class TlsProtocolFacts
    {
        /// <summary>The members that never enable a protocol below TLS 1.2 (text anchors skip references to them).</summary>
        public static readonly string[] StrongMemberNames = { "Tls12", "Tls13", "None", "SystemDefault" };

        public const long Ssl2 = 12;
        public const long Ssl3 = 48;
        public const long Tls10 = 192;
        public const long Tls11 = 768;
        public const long Tls12 = 3072;
        public const long Tls13 = 12288;

        /// <summary>Every bit that enables a protocol below TLS 1.2.</summary>
        public const long WeakMask = Ssl2 | Ssl3 | Tls10 | Tls11;

        /// <summary>The maximum length of source text quoted in a message.</summary>

        public static bool IsWeak(long bits) => (bits & WeakMask) != 0;

        /// <summary>"TLS 1.1", "TLS 1.0 and TLS 1.1", "SSL 3.0, TLS 1.0 and TLS 1.1".</summary>
        public static string DescribeWeak(long bits)
        {
            var names = new string?[]
            {
                (bits & Ssl2) != 0 ? "SSL 2.0" : null,
                (bits & Ssl3) != 0 ? "SSL 3.0" : null,
                (bits & Tls10) != 0 ? "TLS 1.0" : null,
                (bits & Tls11) != 0 ? "TLS 1.1" : null,
            };
            return Prose.JoinAnd(names);
        }

        /// <summary>Reads an enum or integral constant as bits; false for anything else.</summary>
        public static bool TryGetBits(object? constant, out long bits)
        {
            switch (constant)
            {
                case int i:
                    bits = i;
                    return true;
                case long l:
                    bits = l;
                    return true;
                case uint ui:
                    bits = ui;
                    return true;
                case short s:
                    bits = s;
                    return true;
                case ushort us:
                    bits = us;
                    return true;
                case byte b:
                    bits = b;
                    return true;
                case sbyte sb:
                    bits = sb;
                    return true;
                case ulong ul:
                    bits = unchecked((long)ul);
                    return true;
                default:
                    bits = 0;
                    return false;
            }
        }
    }
}
