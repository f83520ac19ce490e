using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// The place of each file in a compilation, read by every per-file table of a pass. Made on first use, then only
    /// read, so any thread may look up a file without a lock. Not at compilation start: reading every tree of a large
    /// compilation is a walk over objects scattered through the heap, and a host may start a compilation for an
    /// analyzer without analyzing a file in it (docs/benchmark.md).
    /// </summary>
    internal sealed class FileIndex
    {
        private readonly Lazy<Index> index;

        public FileIndex(Compilation compilation) =>
            index = new Lazy<Index>(() => new Index(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

        public int Count => index.Value.Trees.Count;

        /// <summary>The files, each at its place.</summary>
        public IReadOnlyList<SyntaxTree> Trees => index.Value.Trees;

        /// <summary>The place of <paramref name="tree"/>, or false for a tree that is not part of the compilation.</summary>
        public bool TryGet(SyntaxTree tree, out int ordinal) => index.Value.Ordinals.TryGetValue(tree, out ordinal);

        private sealed class Index
        {
            public Index(Compilation compilation)
            {
                // Made at their full size, so they do not grow while they are filled.
                var count = compilation.SyntaxTrees is IReadOnlyCollection<SyntaxTree> all ? all.Count : 0;
                Ordinals = new Dictionary<SyntaxTree, int>(count);
                Trees = new List<SyntaxTree>(count);
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (!Ordinals.ContainsKey(tree))
                    {
                        Ordinals.Add(tree, Ordinals.Count);
                        Trees.Add(tree);
                    }
                }
            }

            public Dictionary<SyntaxTree, int> Ordinals { get; }

            public List<SyntaxTree> Trees { get; }
        }
    }
}
