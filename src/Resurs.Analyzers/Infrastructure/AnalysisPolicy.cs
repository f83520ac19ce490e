using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Resurs.Analyzers.Options;

namespace Resurs.Analyzers.Infrastructure
{
    /// <summary>
    /// Per-compilation decisions shared by every rule: is this a test project, and does a rule report in a given tree.
    /// Created once in a compilation-start action; caches every option value per syntax tree and rule.
    /// </summary>
    internal sealed class AnalysisPolicy
    {
        private static readonly string[] TestFrameworkAssemblies =
        {
            "xunit.core",
            "xunit.v3.core",
            "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework",
            "MSTest.TestFramework",
        };

        private readonly AnalyzerOptions options;

        /// <summary>
        /// Every option value a rule has read, per set of options the host gives a tree: one lookup per read after the
        /// first. Trees without options of their own share one set (the host's empty one), so a project without
        /// file-specific .editorconfig sections reads each option once, not once per file.
        /// </summary>
        private readonly ConcurrentDictionary<(AnalyzerConfigOptions Options, OptionDefinition Option, string RuleId), object?> values =
            new ConcurrentDictionary<(AnalyzerConfigOptions, OptionDefinition, string), object?>();

        private readonly ConcurrentDictionary<(OptionDefinition Option, string Raw), object?> parsed = new ConcurrentDictionary<(OptionDefinition, string), object?>();

        private readonly Lazy<bool> isTestProject;

        private AnalysisPolicy(AnalyzerOptions options, Compilation compilation)
        {
            this.options = options;
            isTestProject = new Lazy<bool>(() => IsTest(compilation), LazyThreadSafetyMode.PublicationOnly);
        }

        /// <summary>
        /// True when the compilation references xunit, NUnit or MSTest. Worked out when a rule first asks (when it has a
        /// finding to report): reading the references of a compilation that has not bound anything yet makes it set them
        /// up, which is the compiler's own work and, done at compilation start, is charged to the analyzer.
        /// </summary>
        public bool IsTestProject => isTestProject.Value;

        public static AnalysisPolicy Create(Compilation compilation, AnalyzerOptions options) =>
            new AnalysisPolicy(options, compilation);

        /// <summary>Whether <paramref name="ruleId"/> reports in <paramref name="tree"/>, given the <c>test_code</c> option.</summary>
        public bool ShouldReport(string ruleId, SyntaxTree tree) =>
            !IsTestProject || Read(ResursOptions.TestCode, ruleId, tree) == TestCodePolicy.Report;

        /// <summary>Whether <paramref name="ruleId"/> reports in an additional file (a config file), given <c>test_code</c>.</summary>
        public bool ShouldReport(string ruleId, AdditionalText file) =>
            !IsTestProject || Read(ResursOptions.TestCode, ruleId, file) == TestCodePolicy.Report;

        /// <summary>Reads a typed option for one rule in one additional file (cached like <see cref="Read{T}(OptionDefinition{T}, string, SyntaxTree)"/>).</summary>
        public T Read<T>(OptionDefinition<T> option, string ruleId, AdditionalText file) =>
            Read(option, ruleId, options.AnalyzerConfigOptionsProvider.GetOptions(file));

        /// <summary>
        /// For a finding at <paramref name="node"/>: null when the rule must stay silent (development-only code with
        /// <c>development_code = skip</c>), otherwise the note to append to the message ("" for ordinary code).
        /// </summary>
        public string? DevelopmentNote(string ruleId, SyntaxNode node) =>
            DevelopmentNote(ruleId, node, Infrastructure.DevelopmentCode.MessageNote);

        /// <summary>As <see cref="DevelopmentNote(string, SyntaxNode)"/>, with a rule family's own <paramref name="note"/> for development-only code.</summary>
        public string? DevelopmentNote(string ruleId, SyntaxNode node, string note)
        {
            if (!Infrastructure.DevelopmentCode.IsDevelopmentOnly(node))
            {
                return string.Empty;
            }

            return Read(ResursOptions.DevelopmentCode, ruleId, node.SyntaxTree) == DevelopmentCodePolicy.Skip
                ? null
                : note;
        }

        /// <summary>Reads a typed option for one rule in one tree.</summary>
        /// <remarks>
        /// Cached per options object, option and rule, so hot paths may call this freely. Parsed values are also cached per
        /// raw value, so trees that share an .editorconfig share one parsed instance.
        /// </remarks>
        public T Read<T>(OptionDefinition<T> option, string ruleId, SyntaxTree tree) =>
            Read(option, ruleId, options.AnalyzerConfigOptionsProvider.GetOptions(tree));

        private T Read<T>(OptionDefinition<T> option, string ruleId, AnalyzerConfigOptions configOptions)
        {
            var key = (configOptions, (OptionDefinition)option, ruleId);
            if (!values.TryGetValue(key, out var value))
            {
                value = values.GetOrAdd(key, ReadFrom(option, ruleId, configOptions));
            }

            return (T)value!;
        }

        private T ReadFrom<T>(OptionDefinition<T> option, string ruleId, AnalyzerConfigOptions configOptions)
        {
            if (!option.TryGetRaw(configOptions, ruleId, out var raw, out _))
            {
                return option.Default;
            }

            return (T)parsed.GetOrAdd((option, raw), key => ((OptionDefinition<T>)key.Option).Parse(key.Raw))!;
        }

        private static bool IsTest(Compilation compilation)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                foreach (var name in TestFrameworkAssemblies)
                {
                    if (string.Equals(identity.Name, name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
