using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resurs.Analyzers.Options
{
    /// <summary>
    /// One <c>.editorconfig</c> option. It is read as <c>resurs_analyzers.&lt;ID&gt;.&lt;name&gt;</c> first and
    /// <c>resurs_analyzers.&lt;name&gt;</c> second. A value that does not parse falls back to the default
    /// (and <see cref="Rules.Configuration.OptionsValidationAnalyzer"/> reports RES9001 for it).
    /// </summary>
    internal abstract class OptionDefinition
    {
        public const string Prefix = "resurs_analyzers.";

        private readonly ImmutableDictionary<string, string> ruleKeys;

        private readonly Func<string, bool> appliesTo;

        protected OptionDefinition(string name, string expected, string defaultText, Func<string, bool> appliesTo, bool perRule)
        {
            this.appliesTo = appliesTo;
            PerRule = perRule;
            Name = name;
            Expected = expected;
            DefaultText = defaultText;
            GlobalKey = Prefix + name;
            var keys = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var descriptor in Descriptors.All)
            {
                if (perRule && appliesTo(descriptor.Id))
                {
                    keys[descriptor.Id] = Prefix + descriptor.Id + "." + name;
                }
            }

            ruleKeys = keys.ToImmutable();
        }

        /// <summary>False for family-level options, which are read only under the global key.</summary>
        public bool PerRule { get; }

        /// <summary>The snake_case option name, without prefix.</summary>
        public string Name { get; }

        /// <summary>What a valid value looks like, for the RES9001 message.</summary>
        public string Expected { get; }

        /// <summary>The default, as a user would write it.</summary>
        public string DefaultText { get; }

        public string GlobalKey { get; }

        /// <summary>The per-rule keys, for the rules this option applies to.</summary>
        public ImmutableDictionary<string, string> RuleKeys => ruleKeys;

        /// <summary>True when rule <paramref name="ruleId"/> reads this option.</summary>
        public bool AppliesTo(string ruleId) => appliesTo(ruleId);

        public string RuleKey(string ruleId) => ruleKeys.TryGetValue(ruleId, out var key) ? key : Prefix + ruleId + "." + Name;

        /// <summary>True when <paramref name="value"/> parses.</summary>
        public abstract bool IsValid(string value);

        /// <summary>True when the option is explicitly set at either level (an <c>unset</c> value counts as absent).</summary>
        public bool TryGetRaw(AnalyzerConfigOptions options, string ruleId, out string value, out string key)
        {
            key = RuleKey(ruleId);
            if (PerRule && options.TryGetValue(key, out value!) && !IsUnset(value))
            {
                return true;
            }

            key = GlobalKey;
            if (options.TryGetValue(key, out value!) && !IsUnset(value))
            {
                return true;
            }

            value = string.Empty;
            return false;
        }

        internal static bool IsUnset(string value) => value.Trim().Equals("unset", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A typed option with a parser that never throws.</summary>
    internal sealed class OptionDefinition<T> : OptionDefinition
    {
        private readonly TryParse parse;

        public OptionDefinition(string name, T defaultValue, string defaultText, string expected, Func<string, bool> appliesTo, TryParse parse, bool perRule = true)
            : base(name, expected, defaultText, appliesTo, perRule)
        {
            Default = defaultValue;
            this.parse = parse;
        }

        public delegate bool TryParse(string text, out T value);

        public T Default { get; }

        public override bool IsValid(string value) => parse(value.Trim(), out _);

        /// <summary>The parsed value of <paramref name="raw"/>, or the default when it does not parse.</summary>
        public T Parse(string raw) => parse(raw.Trim(), out var value) ? value : Default;

        /// <summary>The effective value for one rule: the rule-specific key, then the global key, then the default.</summary>
        public T Read(AnalyzerConfigOptions options, string ruleId)
        {
            if (TryGetRaw(options, ruleId, out var raw, out _) && parse(raw.Trim(), out var value))
            {
                return value;
            }

            return Default;
        }
    }
}
