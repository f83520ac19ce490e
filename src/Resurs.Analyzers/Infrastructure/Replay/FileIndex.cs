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

        public FileIndex(Compilation compilation)
        {
            // Made at its full size, so it does not grow while it is filled.
            ordinals = new Dictionary<SyntaxTree, int>(compilation.SyntaxTrees is IReadOnlyCollection<SyntaxTree> trees ? trees.Count : 0);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!ordinals.ContainsKey(tree))
                {
                    ordinals.Add(tree, ordinals.Count);
                }
            }
        }

        public int Count => ordinals.Count;

        /// <summary>The place of <paramref name="tree"/>, or false for a tree that is not part of the compilation.</summary>
        public bool TryGet(SyntaxTree tree, out int ordinal) => ordinals.TryGetValue(tree, out ordinal);
    }
}
