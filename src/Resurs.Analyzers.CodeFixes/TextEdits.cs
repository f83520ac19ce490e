using Microsoft.CodeAnalysis.Text;

namespace Resurs.Analyzers.CodeFixes
{
    /// <summary>When two edits of one text, computed against the same version, cannot both be applied.</summary>
    internal static class TextEdits
    {
        /// <summary>They overlap, or one inserts inside (or at the same place as) the other; edits that only touch are fine.</summary>
        public static bool Conflict(TextSpan a, TextSpan b)
        {
            if (a.Length == 0 || b.Length == 0)
            {
                return a.Start == b.Start || Inside(a, b) || Inside(b, a);
            }

            return a.OverlapsWith(b);
        }

        private static bool Inside(TextSpan insertion, TextSpan other) =>
            insertion.Length == 0 && insertion.Start > other.Start && insertion.Start < other.End;
    }
}
