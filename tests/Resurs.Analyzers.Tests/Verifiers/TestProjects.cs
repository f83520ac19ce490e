using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Resurs.Analyzers.Tests.Verifiers
{
    /// <summary>Stand-in test-framework assemblies: referencing one makes a compilation a test project.</summary>
    internal static class TestProjects
    {
        public static MetadataReference XunitCore { get; } = Stub("xunit.core", "namespace Xunit { public sealed class FactAttribute : System.Attribute { } }");

        private static MetadataReference Stub(string assemblyName, string source)
        {
            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source) },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new System.IO.MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new System.InvalidOperationException("Stub " + assemblyName + " did not compile.");
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
