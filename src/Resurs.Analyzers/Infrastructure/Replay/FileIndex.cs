using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// The place of each file in a compilation, read by every per-file table of a pass. Made once, then only read, so
    /// any thread may look up a file without a lock.
    /// </summary>
    internal sealed class FileIndex
    {
        private readonly Dictionary<SyntaxTree, int> ordinals;
        private readonly List<SyntaxTree> trees;

        public FileIndex(Compilation compilation)
        {
            // Made at their full size, so they do not grow while they are filled.
            var count = compilation.SyntaxTrees is IReadOnlyCollection<SyntaxTree> all ? all.Count : 0;
            ordinals = new Dictionary<SyntaxTree, int>(count);
            trees = new List<SyntaxTree>(count);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!ordinals.ContainsKey(tree))
                {
                    ordinals.Add(tree, ordinals.Count);
                    trees.Add(tree);
                }
            }
        }

        public int Count => ordinals.Count;

        /// <summary>The files, each at its place.</summary>
        public IReadOnlyList<SyntaxTree> Trees => trees;

        /// <summary>The place of <paramref name="tree"/>, or false for a tree that is not part of the compilation.</summary>
        public bool TryGet(SyntaxTree tree, out int ordinal) => ordinals.TryGetValue(tree, out ordinal);
    }
}
