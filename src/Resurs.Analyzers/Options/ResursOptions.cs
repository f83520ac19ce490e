using System;
using System.Collections.Immutable;

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

        public static readonly ImmutableArray<OptionDefinition> All = ImmutableArray.Create<OptionDefinition>(TestCode, DevelopmentCode);

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
