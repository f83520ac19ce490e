using Microsoft.CodeAnalysis.Text;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>When two edits of one text, computed against the same version, cannot both be applied.</summary>
    internal static class TextEdits
    {
        /// <summary>
        /// They overlap, or one inserts strictly inside the other, or both insert at one place. Edits that only touch are
        /// fine, and so is an insertion where a replacement starts (the insertion goes first).
        /// </summary>
        public static bool Conflict(TextSpan a, TextSpan b)
        {
            if (a.Length == 0 || b.Length == 0)
            {
                return (a.Length == 0 && b.Length == 0 && a.Start == b.Start) || Inside(a, b) || Inside(b, a);
            }

            return a.OverlapsWith(b);
        }

        private static bool Inside(TextSpan insertion, TextSpan other) =>
            insertion.Length == 0 && insertion.Start > other.Start && insertion.Start < other.End;
    }
}
