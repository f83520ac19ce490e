using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>
    /// A set of phrases ("callback", "success url", "allow list") matched against the words of a name: a phrase matches
    /// when its words stand next to each other, in order, among the name's words (<see cref="Words"/>).
    /// </summary>
    internal sealed class Phrases
    {
        private readonly ImmutableArray<string[]> phrases;

        public Phrases(IEnumerable<string> phraseList)
        {
            var builder = ImmutableArray.CreateBuilder<string[]>();
            foreach (var phrase in phraseList)
            {
                var words = Words(phrase);
                if (words.Count > 0)
                {
                    builder.Add(words.ToArray());
                }
            }

            phrases = builder.ToImmutable();
        }

        /// <summary>Whether one of the phrases stands among <paramref name="words"/>.</summary>
        public bool Matches(List<string> words)
        {
            foreach (var phrase in phrases)
            {
                for (var start = 0; start + phrase.Length <= words.Count; start++)
                {
                    var all = true;
                    for (var k = 0; k < phrase.Length && all; k++)
                    {
                        all = string.Equals(words[start + k], phrase[k], StringComparison.Ordinal);
                    }

                    if (all)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Splits an identifier or phrase into lower-case words; "uri" becomes "url" and plurals lose their "s".</summary>
        public static List<string> Words(string text)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(current, words);
                    continue;
                }

                if (current.Length > 0)
                {
                    var previous = text[i - 1];
                    var boundary =
                        (char.IsUpper(c) && char.IsLower(previous))
                        || (char.IsUpper(c) && i + 1 < text.Length && char.IsLower(text[i + 1]) && char.IsUpper(previous))
                        || (char.IsDigit(c) != char.IsDigit(previous));
                    if (boundary)
                    {
                        Flush(current, words);
                    }
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(current, words);
            return words;
        }

        private static void Flush(StringBuilder current, List<string> words)
        {
            if (current.Length == 0)
            {
                return;
            }

            var word = current.ToString();
            current.Clear();
            if (word.Length > 3 && word[word.Length - 1] == 's' && word[word.Length - 2] != 's')
            {
                word = word.Substring(0, word.Length - 1);
            }

            words.Add(word == "uri" || word == "uris" ? "url" : word == "urls" ? "url" : word);
        }
    }
}
