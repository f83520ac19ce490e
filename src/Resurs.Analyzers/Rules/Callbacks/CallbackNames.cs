using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Resurs.Analyzers.Infrastructure;

namespace Resurs.Analyzers.Rules.Callbacks
{
    /// <summary>
    /// Decides whether an identifier (member, parameter, local, dictionary key, method or type name) says "callback URL".
    /// Names are split into words (camelCase, PascalCase, snake_case, kebab-case, digits) and matched case-insensitively
    /// against phrases such as "callback", "call back", "success url"; "url" and "uri" count as the same word, and a
    /// trailing plural "s" is ignored.
    /// </summary>
    internal sealed class CallbackNames
    {
        public const string ReplaceDefaultsItem = "-defaults";

        public static readonly ImmutableArray<string> DefaultPhrases = ImmutableArray.Create(
            "callback", "call back", "webhook", "hook", "notify", "notification", "ipn", "uri template",
            "return url", "redirect url", "success url", "fail url", "failure url", "cancel url", "back url", "shop url");

        /// <summary>Leaf names that carry a URL inside a callback-ish object ("callbacks.authorization.url").</summary>
        private static readonly ImmutableHashSet<string> UrlWords = ImmutableHashSet.Create(
            StringComparer.Ordinal, "url", "href", "endpoint", "link", "address", "location", "template", "target");

        public static readonly CallbackNames Default = new CallbackNames(DefaultPhrases);

        private readonly Phrases phrases;
        private readonly ConcurrentDictionary<string, bool> callbackCache = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> urlCache = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public CallbackNames(IEnumerable<string> phraseList) => phrases = new Phrases(phraseList);

        /// <summary>Parses the <c>callback_names</c> option: items add to the defaults, unless one item is "-defaults".</summary>
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
                items.AddRange(DefaultPhrases);
            }

            names = new CallbackNames(items);
            return true;
        }

        /// <summary>True when <paramref name="name"/> contains one of the phrases as consecutive words.</summary>
        public bool IsCallbackName(string name) => name.Length > 0 && callbackCache.GetOrAdd(name, Match);

        /// <summary>True for names of a URL-carrying member ("Url", "uri", "Endpoint", "Href").</summary>
        public bool IsUrlName(string name) => name.Length > 0 && urlCache.GetOrAdd(name, n =>
        {
            var words = Phrases.Words(n);
            return words.Count > 0 && UrlWords.Contains(words[words.Count - 1]);
        });

        /// <summary>
        /// Whether a configuration key path (<c>Resurs:Callbacks:Authorization:Url</c>, split into its parts) names a
        /// callback: a callback-ish leaf key, or a URL leaf (<c>Url</c>) under a callback-ish key. Array indexes at the end
        /// are skipped. The configuration-file rules and <c>resurs doctor --config</c> both ask this.
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

            if (IsCallbackName(path[leaf]))
            {
                return true;
            }

            if (!IsUrlName(path[leaf]))
            {
                return false;
            }

            for (var i = 0; i < leaf; i++)
            {
                if (IsCallbackName(path[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Match(string name) => phrases.Matches(Phrases.Words(name));
    }
}
