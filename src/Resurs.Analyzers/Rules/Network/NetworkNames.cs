using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Rules.Network
{
    /// <summary>What the names around an address list say it is for.</summary>
    internal enum ListPurpose
    {
        /// <summary>No name says allow or deny.</summary>
        Neutral,

        /// <summary>allow, allowed, allowlist, whitelist, safelist, trusted, known networks/proxies, ip filter, resurs, callback.</summary>
        Allow,

        /// <summary>deny, block, blacklist, banned, reject, exclude: a block list of cloud ranges is not an allowlist.</summary>
        Deny,
    }

    /// <summary>
    /// Classifies identifiers (members, locals, parameters, methods, types) by their words, split the way
    /// <see cref="Phrases.Words"/> splits them. A deny word anywhere wins over an allow word.
    /// </summary>
    internal sealed class NetworkNames
    {
        private static readonly Phrases AllowPhrases = new Phrases(new[]
        {
            "allow", "allowed", "allowlist", "allowlisted", "allowlisting", "whitelist", "whitelisted", "whitelisting", "white list",
            "safelist", "safe list", "trusted", "trust", "permit", "permitted", "known network", "known ip network", "known proxie",
            "known proxy", "ip filter", "ipfilter", "ip filtering", "resurs", "callback", "call back",
        });

        private static readonly Phrases DenyPhrases = new Phrases(new[]
        {
            "deny", "denied", "denylist", "disallow", "disallowed", "block", "blocked", "blocklist", "blocking", "blacklist",
            "blacklisted", "black list", "ban", "banned", "reject", "rejected", "exclude", "excluded", "forbid", "forbidden",
            "untrusted", "suspicious", "abuse",
        });

        /// <summary>Words that tie a list to callbacks (Resurs's, unless another provider is named), not just to allowing something.</summary>
        private static readonly Phrases CallbackPhrases = new Phrases(new[] { "callback", "call back", "webhook", "web hook" });

        /// <summary>Other payment providers: their callback allowlists are theirs, not Resurs's.</summary>
        private static readonly Phrases OtherProviderPhrases = new Phrases(new[]
        {
            "klarna", "stripe", "adyen", "paypal", "mollie", "braintree", "swish", "svea", "qliro", "trustly", "payex", "bambora",
            "worldpay", "vipps", "walley",
        });

        private static readonly Phrases ResursName = new Phrases(new[] { "resurs" });

        /// <summary>Answers per name; one instance per compilation, since the same names recur in every member.</summary>
        private readonly ConcurrentDictionary<string, ListPurpose> cache = new ConcurrentDictionary<string, ListPurpose>(StringComparer.Ordinal);

        /// <summary>The purpose all <paramref name="names"/> together express.</summary>
        public ListPurpose Classify(IEnumerable<string> names)
        {
            var allow = false;
            foreach (var name in names)
            {
                if (name.Length == 0)
                {
                    continue;
                }

                var purpose = cache.GetOrAdd(name, ClassifyName);
                if (purpose == ListPurpose.Deny)
                {
                    return ListPurpose.Deny;
                }

                allow |= purpose == ListPurpose.Allow;
            }

            return allow ? ListPurpose.Allow : ListPurpose.Neutral;
        }

        /// <summary>
        /// Whether one of <paramref name="names"/> ties the list to Resurs's callbacks (<c>ResursCallbackIps</c>,
        /// <c>WebhookAllowlist</c>, a key under <c>Resurs</c>), and no other payment provider's name claims it
        /// (<c>KlarnaWebhookAllowlist</c>). "Allowed" alone says a list lets something in, not what.
        /// </summary>
        public static bool SayResurs(IEnumerable<string> names)
        {
            var callback = false;
            var otherProvider = false;
            foreach (var name in names)
            {
                if (name.Length == 0)
                {
                    continue;
                }

                var words = Phrases.Words(name);
                if (ResursName.Matches(words))
                {
                    return true;
                }

                callback |= CallbackPhrases.Matches(words);
                otherProvider |= OtherProviderPhrases.Matches(words);
            }

            // "Callback" or "webhook" next to another provider's name (Svea:CallbackAllowedRanges) is that provider's list.
            return callback && !otherProvider;
        }

        /// <summary>True when the words of <paramref name="name"/> contain one of <paramref name="words"/>.</summary>
        public static bool HasWord(string name, params string[] words)
        {
            foreach (var word in Phrases.Words(name))
            {
                foreach (var candidate in words)
                {
                    if (string.Equals(word, candidate, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static ListPurpose ClassifyName(string name)
        {
            var words = Phrases.Words(name);
            return DenyPhrases.Matches(words) ? ListPurpose.Deny : AllowPhrases.Matches(words) ? ListPurpose.Allow : ListPurpose.Neutral;
        }
    }
}
