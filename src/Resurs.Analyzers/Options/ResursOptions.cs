using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Resurs.Analyzers.Infrastructure.Net;
using Resurs.Analyzers.Rules.Callbacks;

namespace Resurs.Analyzers.Options
{
    /// <summary>Whether rules report in test projects.</summary>
    internal enum TestCodePolicy
    {
        Skip,
        Report,
    }

    /// <summary>Whether rules report in development-only code (IsDevelopment() branches, #if DEBUG).</summary>
    internal enum DevelopmentCodePolicy
    {
        Report,
        Skip,
    }

    /// <summary>Every option the package reads. The docs pages and RES9001 are driven from this list.</summary>
    internal static class ResursOptions
    {
        /// <summary><c>test_code = skip | report</c>: rules are silent in test projects unless set to <c>report</c>.</summary>
        public static readonly OptionDefinition<TestCodePolicy> TestCode = new OptionDefinition<TestCodePolicy>(
            "test_code",
            TestCodePolicy.Skip,
            "skip",
            "'skip' or 'report'",
            id => !IsFamily(id, '9'),
            ParseTestCode);

        /// <summary>
        /// <c>development_code = report | skip</c>: development-only code is reported by default (with a note in the message),
        /// because Resurs cannot reach it from any environment; <c>skip</c> silences it.
        /// </summary>
        public static readonly OptionDefinition<DevelopmentCodePolicy> DevelopmentCode = new OptionDefinition<DevelopmentCodePolicy>(
            "development_code",
            DevelopmentCodePolicy.Report,
            "report",
            "'report' or 'skip'",
            id => IsFamily(id, '1') || IsFamily(id, '3'),
            ParseDevelopmentCode);

        /// <summary>
        /// <c>callback_names</c>: words that mark a callback URL; items add to the defaults unless one is <c>-defaults</c>.
        /// One list serves the whole callback family (a value is a callback URL before any rule judges it), so it has no per-rule key.
        /// </summary>
        public static readonly OptionDefinition<CallbackNames> CallbackNameList = new OptionDefinition<CallbackNames>(
            "callback_names",
            CallbackNames.Default,
            "callback, call back, webhook, web hook, notify url, ipn",
            "a comma-separated list of names or phrases, optionally with the item '-defaults' to replace the built-in lists",
            id => IsFamily(id, '1') && id != RuleIds.TunnelUrl,
            CallbackNames.TryParse,
            perRule: false);

        /// <summary><c>tunnel_domains</c>: more tunnel or temporary-URL domains for RES1001.</summary>
        public static readonly OptionDefinition<ImmutableArray<string>> TunnelDomains = DomainList(
            "tunnel_domains", id => id == RuleIds.TunnelUrl);

        /// <summary><c>internal_host_suffixes</c>: more suffixes that only resolve inside the merchant's network (RES1003).</summary>
        public static readonly OptionDefinition<ImmutableArray<string>> InternalHostSuffixes = DomainList(
            "internal_host_suffixes", id => id == RuleIds.InternalCallbackHost);

        /// <summary><c>allowed_hosts</c>: host names (or *.suffixes) RES1003 accepts as public.</summary>
        public static readonly OptionDefinition<ImmutableArray<string>> AllowedHosts = DomainList(
            "allowed_hosts", id => id == RuleIds.InternalCallbackHost);

        /// <summary><c>public_base_url</c>: an https base URL the RES1001-RES1003 fixes put in place of the unreachable scheme, host and port.</summary>
        public static readonly OptionDefinition<string> PublicBaseUrl = new OptionDefinition<string>(
            "public_base_url",
            string.Empty,
            "(none)",
            "an absolute https URL such as https://staging.shop.example, with no path and no port other than 443",
            id => id == RuleIds.TunnelUrl || id == RuleIds.NonPublicCallbackAddress || id == RuleIds.InternalCallbackHost,
            ParsePublicBaseUrl);

        /// <summary>
        /// <c>callback_ips</c>: the addresses Resurs sends callbacks from (RES4001 judges ranges against the cloud ones,
        /// RES4002 checks allowlists hold them all). Resurs can change them, so the list is configurable.
        /// </summary>
        public static readonly OptionDefinition<ImmutableArray<IPValue>> CallbackIps = new OptionDefinition<ImmutableArray<IPValue>>(
            "callback_ips",
            ResursNetworks.DefaultCallbackIps,
            ResursNetworks.DefaultCallbackIpsText,
            "a comma-separated list of IPv4 or IPv6 addresses such as '192.121.110.100, 13.50.187.51'",
            id => id == RuleIds.CloudRangeAllowlisted || id == RuleIds.IncompleteCallbackAllowlist,
            ParseAddressList);

        public static readonly ImmutableArray<OptionDefinition> All = ImmutableArray.Create<OptionDefinition>(
            TestCode, DevelopmentCode, CallbackNameList, TunnelDomains, InternalHostSuffixes, AllowedHosts, PublicBaseUrl, CallbackIps);

        private static OptionDefinition<ImmutableArray<string>> DomainList(string name, Func<string, bool> appliesTo) =>
            new OptionDefinition<ImmutableArray<string>>(
                name,
                ImmutableArray<string>.Empty,
                "(empty)",
                "a comma-separated list of host names or suffixes such as 'corp.example.se' or '*.tunnel.example'",
                appliesTo,
                ParseDomainList);

        /// <summary>Host names or suffixes: letters, digits, '-', '.', an optional leading "*." or "."; stored lower case without the prefix.</summary>
        private static bool ParseDomainList(string text, out ImmutableArray<string> value)
        {
            value = ImmutableArray<string>.Empty;
            var items = new List<string>();
            foreach (var raw in text.Split(','))
            {
                var item = raw.Trim().ToLowerInvariant();
                if (item.Length == 0)
                {
                    continue;
                }

                if (item.StartsWith("*.", StringComparison.Ordinal))
                {
                    item = item.Substring(2);
                }
                else if (item[0] == '.')
                {
                    item = item.Substring(1);
                }

                item = item.TrimEnd('.');
                if (item.Length == 0 || item.Length > 253)
                {
                    return false;
                }

                foreach (var c in item)
                {
                    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'))
                    {
                        return false;
                    }
                }

                items.Add(item);
            }

            if (items.Count == 0)
            {
                return false;
            }

            value = items.ToImmutableArray();
            return true;
        }

        /// <summary>Strict addresses (no prefix, no ports), comma-separated; duplicates are dropped, order is kept.</summary>
        private static bool ParseAddressList(string text, out ImmutableArray<IPValue> value)
        {
            value = ImmutableArray<IPValue>.Empty;
            var builder = ImmutableArray.CreateBuilder<IPValue>();
            foreach (var raw in text.Split(','))
            {
                var item = raw.Trim();
                if (item.Length == 0)
                {
                    continue;
                }

                if (item.IndexOf('/') >= 0 || !Cidr.TryParse(item, out var cidr))
                {
                    return false;
                }

                if (!builder.Contains(cidr.Network))
                {
                    builder.Add(cidr.Network);
                }
            }

            if (builder.Count == 0)
            {
                return false;
            }

            value = builder.ToImmutable();
            return true;
        }

        private static bool ParsePublicBaseUrl(string text, out string value)
        {
            value = string.Empty;
            var trimmed = text.TrimEnd('/');
            if (!trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || !UrlScanner.TryParseAt(trimmed, 0, 5, out var url)
                || url.AuthorityEnd != trimmed.Length
                || (url.HasPort && UrlScanner.Port(trimmed, url) != 443)
                || UrlScanner.NormalizeHost(trimmed, url) is null)
            {
                return false;
            }

            value = trimmed;
            return true;
        }

        /// <summary>True for IDs of the family RES&lt;digit&gt;xxx.</summary>
        private static bool IsFamily(string id, char family) => id.Length == 7 && id[3] == family;

        private static bool ParseDevelopmentCode(string text, out DevelopmentCodePolicy value)
        {
            if (text.Equals("report", StringComparison.OrdinalIgnoreCase))
            {
                value = DevelopmentCodePolicy.Report;
                return true;
            }

            if (text.Equals("skip", StringComparison.OrdinalIgnoreCase))
            {
                value = DevelopmentCodePolicy.Skip;
                return true;
            }

            value = DevelopmentCodePolicy.Report;
            return false;
        }

        private static bool ParseTestCode(string text, out TestCodePolicy value)
        {
            if (text.Equals("skip", StringComparison.OrdinalIgnoreCase))
            {
                value = TestCodePolicy.Skip;
                return true;
            }

            if (text.Equals("report", StringComparison.OrdinalIgnoreCase))
            {
                value = TestCodePolicy.Report;
                return true;
            }

            value = TestCodePolicy.Skip;
            return false;
        }
    }
}
