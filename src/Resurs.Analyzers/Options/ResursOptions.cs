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

    /// <summary>Every option the package reads. The docs pages and RES9001 are driven from this list.</summary>
    internal static class ResursOptions
    {
        /// <summary><c>test_code = skip | report</c>: rules are silent in test projects unless set to <c>report</c>.</summary>
        public static readonly OptionDefinition<TestCodePolicy> TestCode = new OptionDefinition<TestCodePolicy>(
            "test_code",
            TestCodePolicy.Skip,
            "skip",
            "'skip' or 'report'",
            ParseTestCode);

        public static readonly ImmutableArray<OptionDefinition> All = ImmutableArray.Create<OptionDefinition>(TestCode);

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
