using System.Numerics;
using System.Runtime.CompilerServices;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// What the vector loops over a file's text share (<see cref="PairSearch"/>, <see cref="AddressAnchors"/>): reading
    /// characters as a vector, a byte to compare narrowed characters with, and the set lanes of a compare's result.
    /// </summary>
    internal static class VectorText
    {
        /// <summary>The <see cref="Vector{T}.Count"/> characters from character <paramref name="at"/> of the text at <paramref name="origin"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<ushort> Read(ref byte origin, int at) =>
            Unsafe.ReadUnaligned<Vector<ushort>>(ref Unsafe.Add(ref origin, at * sizeof(char)));

        /// <summary><paramref name="c"/> in every lane, as <see cref="Vector.Narrow(Vector{ushort}, Vector{ushort})"/> leaves a character (its low byte).</summary>
        public static Vector<byte> Broadcast(char c) => new Vector<byte>(unchecked((byte)c));

        /// <summary>
        /// The lowest set lane of eight byte lanes of a vector compare's result (0 to 7), cleared from
        /// <paramref name="bits"/>. A set lane is a whole byte, so the lowest set bit is bit 8 × lane, and multiplying that
        /// bit by 0x0001020304050607 brings the lane's number to the top byte. Lane order is memory order on the
        /// little-endian machines the vector loops run on.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int TakeLowestLane(ref ulong bits)
        {
            var lane = (int)(((bits & (0UL - bits)) * 0x0001020304050607UL) >> 56);
            bits &= ~(0xFFUL << (lane * 8));
            return lane;
        }
    }
}
