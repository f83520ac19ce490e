using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Rules.Callbacks
{
    /// <summary>
    /// Decides how much a name says "callback URL". Names are split into words (camelCase, PascalCase, snake_case,
    /// kebab-case, digits) and matched case-insensitively against phrases; "url" and "uri" count as the same word, and a
    /// trailing plural "s" is ignored.
    /// <list type="bullet">
    /// <item><b>Specific</b> names say it alone: "callback", "webhook", "notify url", "ipn", and every phrase the
    /// <c>callback_names</c> option adds.</item>
    /// <item><b>Generic</b> names ("notification", "hook", "return url", "redirect url", "success url", …) are also the
    /// names of an application's own notification service or a sign-in page's return address; they count only inside a
    /// payment context: a type, namespace, path or configuration section about payments, a PSP, webhooks or Resurs.</item>
    /// <item><b>Chat</b> words (Slack, Teams, …) around a webhook name make it the URL the application posts to (an
    /// incoming webhook of that service), as they make a generic name that channel's; "callback" stays a callback.</item>
    /// <item><b>Sign-in</b> words (OpenID Connect, OAuth, MSAL, login, identity, …) in the name or its context mean the
    /// URL is a sign-in redirect, which is never a Resurs callback, whatever else the name says.</item>
    /// </list>
    /// </summary>
    internal sealed class CallbackNames
    {
        public const string ReplaceDefaultsItem = "-defaults";

        /// <summary>Names that say callback URL on their own.</summary>
        public static readonly ImmutableArray<string> SpecificPhrases = ImmutableArray.Create(
            "callback", "call back", "webhook", "web hook", "notify url", "ipn");

        /// <summary>Names that say callback URL only in a payment context.</summary>
        public static readonly ImmutableArray<string> GenericPhrases = ImmutableArray.Create(
            "hook", "notify", "notification", "uri template",
            "return url", "redirect url", "success url", "fail url", "failure url", "cancel url", "back url", "shop url");

        /// <summary>Every default phrase, specific and generic.</summary>
        public static readonly ImmutableArray<string> DefaultPhrases = SpecificPhrases.AddRange(GenericPhrases);

        /// <summary>Words that make a type, namespace, path or section a payment context.</summary>
        private static readonly Phrases PaymentWords = new Phrases(new[]
        {
            "payment", "pay", "psp", "checkout", "resurs", "booking", "merchant", "webhook", "callback", "ipn",
            "klarna", "stripe", "adyen", "paypal", "mollie", "braintree", "swish", "svea", "qliro", "trustly",
            "payex", "bambora", "worldpay", "vipps",
        });

        /// <summary>Words of sign-in flows: a URL there is a sign-in redirect, not a Resurs callback.</summary>
        private static readonly Phrases SignInWords = new Phrases(new[]
        {
            "login", "log in", "logon", "log on", "signin", "sign in", "signout", "sign out", "logout", "log out", "signed out",
            "oidc", "open id", "openid", "oauth", "o auth", "auth", "authentication", "identity", "msal", "azure ad", "azuread",
            "aad", "auth 0", "auth0", "okta", "saml", "sso", "external login",
        });

        /// <summary>
        /// Words of other channels a shop notifies or is notified through: a "notification" or "hook" URL of a mail, SMS or
        /// chat service (MailHog's <c>http://localhost:8025</c> in <c>MailOptions.NotificationServiceUrl</c>) is not where
        /// Resurs calls. They outweigh only the generic names; <c>SmtpOptions.CallbackUrl</c> is still a callback. Not
        /// "push": payment providers call their callbacks that (a push URI).
        /// </summary>
        private static readonly Phrases OtherChannelWords = new Phrases(new[]
        {
            "mail", "email", "e mail", "smtp", "sms", "slack", "discord", "telegram", "twilio", "sendgrid", "mailgun", "mailchimp",
            "mattermost", "msteams", "ms teams", "microsoft teams", "teams webhook",
        });

        /// <summary>
        /// A chat word that is also a common word of its own ("Teams" is a plan or an organisation unit, "chat" a support
        /// feature): it names a channel only as the type that configures or talks to it (<c>TeamsOptions</c>,
        /// <c>TeamsClient</c>), see <see cref="ChannelTypeWords"/>.
        /// </summary>
        private static readonly Phrases ChannelTypeOnlyWords = new Phrases(new[] { "teams", "chat" });

        /// <summary>
        /// The specific phrases that chat and alerting services also use for the URL an application posts to (Slack's and
        /// Teams's incoming webhooks): with a mail, SMS or chat word in or around the name they are that channel's, as
        /// the generic names are. "callback" is never a chat service's word.
        /// </summary>
        private static bool IsWebhookPhrase(string phrase) => IsPhrase(phrase, "webhook", "web", "hook");

        /// <summary>True when <paramref name="text"/> is exactly "callbacks" or "webhooks", in any spelling (a request path's segment).</summary>
        public static bool IsCallbackNoun(string text) => IsPhrase(text, "callback", "call", "back") || IsWebhookPhrase(text);

        /// <summary>
        /// True when <paramref name="text"/> is one phrase and nothing else, as <see cref="Phrases.Words"/> reads it:
        /// "Webhooks", "WebHook" and "web-hook" are all the phrase "webhook" or "web hook".
        /// </summary>
        private static bool IsPhrase(string text, string word, string first, string second)
        {
            var words = Phrases.Words(text);
            return words.Count == 1 ? words[0] == word : words.Count == 2 && words[0] == first && words[1] == second;
        }

        /// <summary>
        /// The last words of a type that configures or talks to a channel (<c>MailOptions</c>, <c>SmtpClient</c>,
        /// <c>EmailSettings</c>), as <see cref="Phrases.Words"/> gives them (singular): only such a type, not a method or
        /// namespace that mentions mail, makes a generic name around it that channel's (a <c>SendPaymentLinkByEmail</c>
        /// method still posts a real return address to Resurs).
        /// </summary>
        private static readonly ImmutableHashSet<string> ChannelTypeWords = ImmutableHashSet.Create(
            StringComparer.Ordinal, "option", "setting", "config", "configuration", "client", "sender", "service");

        /// <summary>
        /// Words of a customer's return address: where the browser is sent after the payment (success, back, fail URLs).
        /// A name that also says callback is a callback.
        /// </summary>
        private static readonly Phrases ReturnWords = new Phrases(new[]
        {
            "return", "returning", "redirect", "redirection", "success", "successful", "fail", "failed", "failure",
            "cancel", "cancelled", "canceled", "back", "abort", "aborted", "landing",
        });

        /// <summary>Leaf names that carry a URL inside a callback-ish object ("callbacks.authorization.url").</summary>
        private static readonly ImmutableHashSet<string> UrlWords = ImmutableHashSet.Create(
            StringComparer.Ordinal, "url", "href", "endpoint", "link", "address", "location", "template", "target");

        public static readonly CallbackNames Default = new CallbackNames(SpecificPhrases, GenericPhrases);

        private readonly Phrases specific;
        private readonly Phrases specificButWebhook;
        private readonly Phrases generic;
        private readonly ConcurrentDictionary<string, Says> cache = new ConcurrentDictionary<string, Says>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> urlCache = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public CallbackNames(IEnumerable<string> specificPhrases, IEnumerable<string> genericPhrases)
        {
            var specificList = new List<string>(specificPhrases);
            specific = new Phrases(specificList);
            specificButWebhook = new Phrases(specificList.FindAll(phrase => !IsWebhookPhrase(phrase)));
            generic = new Phrases(genericPhrases);
        }

        [Flags]
        private enum Says
        {
            Nothing = 0,
            Callback = 1,
            MaybeCallback = 2,
            Payment = 4,
            SignIn = 8,
            ReturnAddress = 16,
            OtherChannel = 32,
            ChannelType = 64,

            /// <summary>Specific only through "webhook" (<see cref="IsWebhookPhrase"/>).</summary>
            WebhookOnly = 128,
        }

        /// <summary>
        /// Parses the <c>callback_names</c> option: items are specific names added to the defaults, unless one item is
        /// "-defaults", which drops the default names (specific and generic).
        /// </summary>
        public static bool TryParse(string text, out CallbackNames names)
        {
            names = Default;
            var items = new List<string>();
            var replace = false;
            foreach (var raw in text.Split(','))
            {
                var item = raw.Trim();
                if (item.Length == 0)
                {
                    continue;
                }

                if (string.Equals(item, ReplaceDefaultsItem, StringComparison.OrdinalIgnoreCase))
                {
                    replace = true;
                    continue;
                }

                if (Phrases.Words(item).Count == 0)
                {
                    return false;
                }

                items.Add(item);
            }

            if (items.Count == 0)
            {
                return false;
            }

            if (!replace)
            {
                items.AddRange(SpecificPhrases);
            }

            names = new CallbackNames(items, replace ? ImmutableArray<string>.Empty : GenericPhrases);
            return true;
        }

        /// <summary>True when <paramref name="name"/> says callback URL on its own (a specific phrase, and no sign-in word).</summary>
        public bool IsCallbackName(string name) => (Read(name) & (Says.Callback | Says.SignIn)) == Says.Callback;

        /// <summary>True when <paramref name="name"/> holds a callback phrase at all, specific or generic (a cheap first test).</summary>
        public bool Mentions(string name) => (Read(name) & (Says.Callback | Says.MaybeCallback)) != 0;

        /// <summary>True for a generic name ("NotificationUrl", "returnUrl"): a callback only in a payment context.</summary>
        public bool IsGenericCallbackName(string name) => (Read(name) & (Says.Callback | Says.MaybeCallback | Says.SignIn)) == Says.MaybeCallback;

        /// <summary>True when <paramref name="name"/> is about payments, a PSP, webhooks or Resurs ("PaymentOptions", "Resurs").</summary>
        public bool IsPaymentContext(string name) => (Read(name) & Says.Payment) != 0;

        /// <summary>True when <paramref name="name"/> names a mail, SMS or chat channel ("email", "SlackWebhook").</summary>
        public bool IsOtherChannel(string name) => (Read(name) & Says.OtherChannel) != 0;

        /// <summary>True when <paramref name="name"/> belongs to a sign-in flow ("OpenIdConnect", "ExternalLoginCallback", "AzureAd").</summary>
        public bool IsSignIn(string name) => (Read(name) & Says.SignIn) != 0;

        /// <summary>
        /// The verdict for a name and the names around it (its type, namespace, path or sections): a specific name, or a
        /// generic one with a payment context around it and no mail, SMS or chat word in it or around it; never with a
        /// sign-in word in the name or around it.
        /// </summary>
        public bool IsCallbackIn(string name, IEnumerable<string> context) => IsCallbackIn(name, context, sections: false);

        /// <param name="sections">
        /// True when <paramref name="context"/> holds configuration sections: then any section that names a channel makes a
        /// generic key that channel's (<c>Payments:Email:NotificationUrl</c>); in code only an options, client or service
        /// type does.
        /// </param>
        private bool IsCallbackIn(string name, IEnumerable<string> context, bool sections)
        {
            var says = Read(name);
            if ((says & Says.SignIn) != 0 || (says & (Says.Callback | Says.MaybeCallback)) == 0)
            {
                return false;
            }

            var specificName = (says & Says.Callback) != 0;
            var vetoable = !specificName || (says & Says.WebhookOnly) != 0;
            var payment = specificName;
            var otherChannel = (says & Says.OtherChannel) != 0;
            foreach (var around in context)
            {
                var aroundSays = Read(around);
                if ((aroundSays & Says.SignIn) != 0)
                {
                    return false;
                }

                payment |= (aroundSays & (Says.Payment | Says.Callback)) != 0;
                otherChannel |= (aroundSays & (sections ? Says.OtherChannel : Says.ChannelType)) != 0;
            }

            // A generic name ("NotificationUrl") or a webhook ("SlackWebhookUrl") in a mail, SMS or chat context is that
            // channel's address.
            return payment && (!vetoable || !otherChannel);
        }

        /// <summary>
        /// True when the sink <paramref name="name"/> is a customer's return address ("SuccessUrl", "backUrl",
        /// "Resurs:RedirectionUrls:Fail"): a return word and no specific callback phrase.
        /// </summary>
        public bool IsReturnAddress(string name) => (Read(name) & (Says.Callback | Says.ReturnAddress)) == Says.ReturnAddress;

        /// <summary>True for names of a URL-carrying member ("Url", "uri", "Endpoint", "Href").</summary>
        public bool IsUrlName(string name) => name.Length > 0 && urlCache.GetOrAdd(name, n =>
        {
            var words = Phrases.Words(n);
            return words.Count > 0 && UrlWords.Contains(words[words.Count - 1]);
        });

        /// <summary>
        /// Whether a configuration key path (<c>Resurs:Callbacks:Authorization:Url</c>, split into its parts) names a
        /// callback: a callback-ish leaf key, a URL leaf (<c>Url</c>) under a callback-ish key, or any leaf right under a
        /// callback-ish section (<c>Resurs:Callbacks:Booked</c>), judged with the sections above it as context
        /// (<see cref="IsCallbackIn"/>): <c>Payments:ReturnUrl</c> is one, <c>Notifications:Url</c> and
        /// <c>Authentication:OpenIdConnect:CallbackPath</c> are not. Array indexes at the end are skipped. The
        /// configuration-file rules and <c>resurs doctor --config</c> both ask this.
        /// </summary>
        public bool IsCallbackPath(IReadOnlyList<string> path)
        {
            var leaf = path.Count - 1;
            while (leaf >= 0 && path[leaf].Length > 0 && char.IsDigit(path[leaf][0]))
            {
                leaf--;
            }

            if (leaf < 0)
            {
                return false;
            }

            var above = new List<string>(leaf);
            for (var i = 0; i < leaf; i++)
            {
                above.Add(path[i]);
            }

            if (IsCallbackIn(path[leaf], above, sections: true))
            {
                return true;
            }

            if (IsSignIn(path[leaf]))
            {
                return false;
            }

            if (!IsUrlName(path[leaf]))
            {
                // One key per event under a callback section in a payment section (Resurs:Callbacks:Booked,
                // Resurs.UriTemplate.Finalization): the section is the name, the sections above it and the key itself its
                // context (Payments:Notifications:Sms is SMS; a top-level Webhooks:Proxy or Callbacks:Authority is nothing).
                return leaf > 1 && (Read(path[leaf - 1]) & (Says.Callback | Says.MaybeCallback)) != 0
                    && above.Take(leaf - 1).Any(section => (Read(section) & Says.Payment) != 0)
                    && IsCallbackIn(path[leaf - 1], Append(above, path[leaf]), sections: true);
            }

            // A URL leaf under a callback-ish section: the nearest such section is the name, the rest its context.
            for (var i = leaf - 1; i >= 0; i--)
            {
                if ((Read(path[i]) & (Says.Callback | Says.MaybeCallback)) != 0)
                {
                    return IsCallbackIn(path[i], above, sections: true);
                }
            }

            return false;
        }

        private static List<string> Append(List<string> list, string item) => new List<string>(list) { item };

        private Says Read(string name) => name.Length == 0 ? Says.Nothing : cache.GetOrAdd(name, n =>
        {
            var words = Phrases.Words(n);
            var says = Says.Nothing;
            if (specific.Matches(words))
            {
                says |= Says.Callback;
                if (!specificButWebhook.Matches(words))
                {
                    says |= Says.WebhookOnly;
                }
            }
            else if (generic.Matches(words))
            {
                says |= Says.MaybeCallback;
            }

            if (PaymentWords.Matches(words))
            {
                says |= Says.Payment;
            }

            if (SignInWords.Matches(words))
            {
                says |= Says.SignIn;
            }

            if (ReturnWords.Matches(words))
            {
                says |= Says.ReturnAddress;
            }

            var channelType = words.Count > 1 && ChannelTypeWords.Contains(words[words.Count - 1]);
            if (OtherChannelWords.Matches(words))
            {
                says |= Says.OtherChannel | (channelType ? Says.ChannelType : Says.Nothing);
            }
            else if (channelType && ChannelTypeOnlyWords.Matches(words))
            {
                says |= Says.ChannelType;
            }

            return says;
        });
    }
}
