using System.Threading;
using Microsoft.CodeAnalysis;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// One slot per file of a compilation, found by the file's place in it (<see cref="FileIndex"/>). Reads and writes
    /// take no lock and the table never grows. A tree outside the compilation has no slot: nothing is kept for it, and a
    /// value offered for it is handed back.
    /// </summary>
    internal sealed class PerFile<T>
        where T : class
    {
        private readonly FileIndex files;
        private T?[]? slots;

        /// <param name="files">The compilation's files; the table is made at its full size on first use.</param>
        public PerFile(FileIndex files) => this.files = files;

        private T?[] Slots => Volatile.Read(ref slots) ?? Interlocked.CompareExchange(ref slots, new T?[files.Count], null) ?? slots!;

        /// <summary>What the file's slot holds, or null.</summary>
        public T? Get(SyntaxTree tree) => files.TryGet(tree, out var ordinal) ? Volatile.Read(ref Slots[ordinal]) : null;

        /// <summary>What the file's slot holds; <paramref name="value"/> when it was empty (then the slot keeps it).</summary>
        public T GetOrAdd(SyntaxTree tree, T value) =>
            files.TryGet(tree, out var ordinal) ? Interlocked.CompareExchange(ref Slots[ordinal], value, null) ?? value : value;

        /// <summary>Puts <paramref name="value"/> in the file's slot, in place of what it held.</summary>
        public void Set(SyntaxTree tree, T value)
        {
            if (files.TryGet(tree, out var ordinal))
            {
                Volatile.Write(ref Slots[ordinal], value);
            }
        }

        /// <summary>Empties the file's slot and returns what it held, or null.</summary>
        public T? Take(SyntaxTree tree) => files.TryGet(tree, out var ordinal) ? Interlocked.Exchange(ref Slots[ordinal], null) : null;
    }
}
