using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resurs.Analyzers.Options;

namespace Resurs.Analyzers.Rules.Configuration
{
    /// <summary>
    /// RES9001: a <c>resurs_analyzers.*</c> option whose value does not parse. Checked once per compilation over the
    /// global options and every syntax tree's options; each distinct key and value is reported once, without a location.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OptionsValidationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES9001);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(AnalyzeCompilation);
        }

        private static void AnalyzeCompilation(CompilationAnalysisContext context)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            var invalid = new SortedSet<(string Key, string Value, OptionDefinition Option)>(InvalidComparer.Instance);
            Collect(provider.GlobalOptions, invalid);

            // Trees without options of their own share one instance: each distinct instance is checked once.
            var seen = new HashSet<AnalyzerConfigOptions> { provider.GlobalOptions };
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                var options = provider.GetOptions(tree);
                if (seen.Add(options))
                {
                    Collect(options, invalid);
                }
            }

            foreach (var (key, value, option) in invalid)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RES9001, Location.None, key, value, option.Expected, option.DefaultText));
            }
        }

        private static void Collect(AnalyzerConfigOptions options, SortedSet<(string, string, OptionDefinition)> invalid)
        {
            foreach (var option in ResursOptions.All)
            {
                Check(options, option, option.GlobalKey, invalid);
                foreach (var key in option.RuleKeys.Values)
                {
                    Check(options, option, key, invalid);
                }
            }
        }

        private static void Check(AnalyzerConfigOptions options, OptionDefinition option, string key, SortedSet<(string, string, OptionDefinition)> invalid)
        {
            if (options.TryGetValue(key, out var value) && !OptionDefinition.IsUnset(value) && !option.IsValid(value))
            {
                invalid.Add((key, value, option));
            }
        }

        private sealed class InvalidComparer : IComparer<(string Key, string Value, OptionDefinition Option)>
        {
            public static readonly InvalidComparer Instance = new InvalidComparer();

            public int Compare((string Key, string Value, OptionDefinition Option) x, (string Key, string Value, OptionDefinition Option) y)
            {
                var byKey = StringComparer.OrdinalIgnoreCase.Compare(x.Key, y.Key);
                return byKey != 0 ? byKey : StringComparer.Ordinal.Compare(x.Value, y.Value);
            }
        }
    }
}
