using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Resurs.Analyzers.Infrastructure;
using Xunit;

namespace Resurs.Analyzers.Tests.Infrastructure
{
    public class DevelopmentCodeTests
    {
        [Theory]
        [InlineData("if (env.IsDevelopment()) { Use(\"MARK\"); }", true)]
        [InlineData("if (app.Environment.IsDevelopment() && verbose) Use(\"MARK\");", true)]
        [InlineData("if (!env.IsDevelopment()) { } else { Use(\"MARK\"); }", true)]
        [InlineData("var x = env.IsDevelopment() ? \"MARK\" : \"prod\";", true)]
        [InlineData("var x = !env.IsDevelopment() ? \"prod\" : \"MARK\";", true)]
        [InlineData("if (env.IsDevelopment()) { } else { Use(\"MARK\"); }", false)]
        [InlineData("if (!env.IsDevelopment()) { Use(\"MARK\"); }", false)]
        [InlineData("if (env.IsDevelopment() || force) { Use(\"MARK\"); }", false)]
        [InlineData("if (env.IsProduction()) { Use(\"MARK\"); }", false)]
        [InlineData("Use(\"MARK\");", false)]
        [InlineData("#if DEBUG\n Use(\"MARK\");\n#endif", true)]
        [InlineData("#if RELEASE\n Use(\"x\");\n#else\n Use(\"MARK\");\n#endif", false)]
        [InlineData("#if DEBUG\n#endif\n Use(\"MARK\");", false)]
        [InlineData("#if NET8_0\n Use(\"MARK\");\n#endif", false)]
        [InlineData("#if DEB\\u0055G\n Use(\"MARK\");\n#endif", true)]
        [InlineData("#if (NET8_0 && DEBUG)\n Use(\"MARK\");\n#endif", true)]
        [InlineData("#if NET8_0\n#if DEBUG\n#endif\n Use(\"MARK\");\n#endif", false)]
        public void Recognises_development_only_code(string body, bool expected)
        {
            var source = "class C { void M(dynamic env, dynamic app, bool verbose, bool force) {\n" + body + "\n} void Use(string s) { } }";
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(preprocessorSymbols: new[] { "DEBUG", "NET8_0" }));
            var literal = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single(l => l.Token.ValueText == "MARK");
            Assert.Equal(expected, DevelopmentCode.IsDevelopmentOnly(literal));
        }
    }
}
