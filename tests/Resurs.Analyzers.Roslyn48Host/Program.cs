using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Usage: Resurs.Analyzers.Roslyn48Host <folder with analyzer DLLs> <source.cs>...
// Prints "roslyn <version>", one "load-error ..." line per analyzer load failure, "analyzers <count>",
// then one "<file>(<line>,<col>): <id>: <message>" line per analyzer diagnostic. Exit code 2 on load errors.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Resurs.Analyzers.Roslyn48Host <analyzer-folder> <source.cs>...");
    return 64;
}

Console.WriteLine("roslyn " + typeof(CSharpCompilation).Assembly.GetName().Version);
var loader = new DefaultContextLoader();
var loadErrors = new List<string>();
var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
foreach (var dll in Directory.GetFiles(args[0], "*.dll").OrderBy(p => p, StringComparer.Ordinal))
{
    var reference = new AnalyzerFileReference(dll, loader);
    reference.AnalyzerLoadFailed += (_, e) => loadErrors.Add($"load-error {Path.GetFileName(dll)} {e.ErrorCode} {e.Message}");
    analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
}

foreach (var error in loadErrors)
{
    Console.WriteLine(error);
}

Console.WriteLine("analyzers " + analyzers.Count);

var trees = args.Skip(1).Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path)).ToList();
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
    .Split(Path.PathSeparator)
    .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
    .Select(path => MetadataReference.CreateFromFile(path));
var compilation = CSharpCompilation.Create("Consumer", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
var exceptions = new List<string>();
var options = new CompilationWithAnalyzersOptions(
    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
    (exception, analyzer, _) => exceptions.Add(analyzer + ": " + exception.Message),
    concurrentAnalysis: false,
    logAnalyzerExecutionTime: false);
var diagnostics = compilation.WithAnalyzers(analyzers.ToImmutable(), options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
{
    var span = diagnostic.Location.GetLineSpan();
    Console.WriteLine($"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id}: {diagnostic.GetMessage()}");
}

foreach (var exception in exceptions)
{
    Console.WriteLine("analyzer-exception " + exception);
}

return loadErrors.Count > 0 || exceptions.Count > 0 ? 2 : 0;

internal sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
}
