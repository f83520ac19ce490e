using Microsoft.CodeAnalysis.CSharp;
using Resurs.Analyzers.Infrastructure.Replay;
using Xunit;

namespace Resurs.Analyzers.Tests.Infrastructure
{
    /// <summary>The lock-free per-file tables a pass keeps: one slot per file of the compilation, none for any other tree.</summary>
    public class PerFileTests
    {
        private static readonly Microsoft.CodeAnalysis.SyntaxTree First = CSharpSyntaxTree.ParseText("class A { }");
        private static readonly Microsoft.CodeAnalysis.SyntaxTree Second = CSharpSyntaxTree.ParseText("class B { }");
        private static readonly Microsoft.CodeAnalysis.SyntaxTree Outside = CSharpSyntaxTree.ParseText("class C { }");

        private static PerFile<string> Table() => new PerFile<string>(new FileIndex(CSharpCompilation.Create("Shop", new[] { First, Second })));

        [Fact]
        public void Each_file_of_the_compilation_has_its_own_slot()
        {
            var files = new FileIndex(CSharpCompilation.Create("Shop", new[] { First, Second }));
            Assert.Equal(2, files.Count);
            Assert.True(files.TryGet(First, out var first));
            Assert.True(files.TryGet(Second, out var second));
            Assert.NotEqual(first, second);
            Assert.False(files.TryGet(Outside, out _));
        }

        [Fact]
        public void The_first_value_offered_for_a_file_is_kept()
        {
            var table = Table();
            Assert.Null(table.Get(First));
            Assert.Equal("hits", table.GetOrAdd(First, "hits"));
            Assert.Equal("hits", table.GetOrAdd(First, "other"));
            Assert.Equal("hits", table.Get(First));
            Assert.Null(table.Get(Second));
        }

        [Fact]
        public void Take_empties_the_slot_and_set_replaces_it()
        {
            var table = Table();
            table.Set(Second, "kept");
            table.Set(Second, "newer");
            Assert.Equal("newer", table.Take(Second));
            Assert.Null(table.Take(Second));
            Assert.Null(table.Get(Second));
        }

        [Fact]
        public void A_tree_outside_the_compilation_keeps_nothing()
        {
            var table = Table();
            table.Set(Outside, "lost");
            Assert.Null(table.Get(Outside));
            Assert.Equal("offered", table.GetOrAdd(Outside, "offered"));
            Assert.Null(table.Take(Outside));
        }
    }
}
