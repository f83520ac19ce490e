using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Resurs.Analyzers.Tests.Meta
{
    /// <summary>Everything the two shipped assemblies export, found by reflection.</summary>
    internal static class Catalog
    {
        /// <summary>The analyzers a host loads: those with <see cref="DiagnosticAnalyzerAttribute"/> (not the rule families' own views).</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Instantiate<DiagnosticAnalyzer>(typeof(Descriptors).Assembly)
            .Where(a => a.GetType().GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
            .ToImmutableArray();

        public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = Instantiate<CodeFixProvider>(typeof(CodeFixes.EquivalenceKeys).Assembly);

        public static ImmutableArray<DiagnosticDescriptor> Descriptors => Resurs.Analyzers.Descriptors.All;

        /// <summary>Rules that deliberately have no code fix, with the reason the docs page gives.</summary>
        public static IReadOnlyDictionary<string, string> NoCodeFix { get; } = new Dictionary<string, string>
        {
            ["RES3004"] = "The fix is a certificate from a publicly trusted CA, which code cannot create; the docs page says where to get one.",
            ["RES4003"] = "Trust must move from the caller's host name to its address; the right allowlist depends on the endpoint, so the docs page shows it.",
            ["RES4004"] = "Which documented host name replaces the address depends on the service being called (Merchant API, SOAP, checkout) and the environment.",
            ["RES4005"] = "The fix is to list the real proxies or networks in front of the application, which only the merchant knows.",
            ["RES9001"] = "A configuration value has no single right replacement; the message names the valid values.",
            ["RES9002"] = "Only the author knows what a malformed file was meant to say; the message gives the position and the parser's reason.",
        };

        public static IEnumerable<string> FixableIds => CodeFixes.SelectMany(f => f.FixableDiagnosticIds).Distinct();

        private static ImmutableArray<T> Instantiate<T>(System.Reflection.Assembly assembly) =>
            assembly.GetTypes()
                .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (T)Activator.CreateInstance(t)!)
                .ToImmutableArray();
    }
}
