using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Resurs.Analyzers.Infrastructure.Replay
{
    /// <summary>
    /// Finds every word of a fixed set (words of two characters or more) in a text in one pass, 16 to 64 characters at a
    /// time with <see cref="Vector{T}"/>. Each word stands for itself by one pair of adjacent characters ("lP" in
    /// SslProtocols), chosen so that the pairs are rare in C# source and shared by as many words as possible (words that
    /// contain "Certificate" can share one); a place where one of the pairs occurs is a candidate, and the words of that
    /// pair are compared there in full.
    /// </summary>
    /// <remarks>
    /// The runtime's multi-word search (<c>SearchValues&lt;string&gt;</c>) runs unoptimized until the runtime has
    /// optimized its code, for the first seconds of a compiler or IDE process and longer while the process keeps
    /// compiling new code; this loop is compiled optimized at once (<see cref="Jit.Optimize"/>). docs/benchmark.md has
    /// both measured in a fresh process and in settled runs.
    /// </remarks>
    internal sealed class PairSearch
    {
        /// <summary>
        /// Above this many pairs each word is searched for on its own (<c>string.IndexOf</c>, a read of the text per
        /// word) instead: every pair adds four vector operations to each step, so a long list of words that share no
        /// pair would make every step slow. The rules declare 27 words, which take 14 pairs.
        /// </summary>
        private const int MaxPairs = 40;

        /// <summary>
        /// A pair this common (per million pairs of characters) costs about as much in candidates to check as in vector
        /// compares: rarer pairs cost their compare, commoner ones also their candidates.
        /// </summary>
        private const int CostlyPair = 1000;

        /// <summary>What a pair missing from <see cref="CommonPairs"/> counts as: rarer than all of them.</summary>
        private const int RarePair = 50;

        /// <summary>
        /// The pairs of printable ASCII characters that occur at least 200 times per million in C# source, in four classes
        /// of frequency (at least 2,000, 1,000, 500 and 200 per million, each class by falling frequency), with the
        /// frequency each class counts as. Counted over the .cs files of the precision corpus (docs/precision.md) without
        /// the four benchmark repositories: 26 repositories, 46,814 files, 208 million characters.
        /// </summary>
        private static readonly (int PerMillion, string Pairs)[] CommonPairs =
        {
            (3000,
            "  eron//reintiattentesenste aretioringlisealicdemeorth =/  try /nstr= ue pceras am surt  <Re, =="
            + "lepeitumheanedma);rotactr Co {nebl }geisustoil ng  cpasun assoc ouulsill r a ituubd s.elsspuodea"
            + "rtSe Secvanaacmmnd"),
            (1400,
            "quieptcoeme.</vey>ldncomutopt.if orntyidca> la vhoag<snuStew()uiadfiunlurs TPrt;(\"tt bPache(po A"
            + "tssp.CJsf Inyphavi; iaaihi\")efolexpr fdi \"eqIdw ay [ Cy .TBul piizlokeTo"),
            (700,
            " I.I.AckOpSh (crMelt/sDeEnr.Tyrdn.rvotrrpp{ e)rc gdaAsoffo.SGeo oc: Thysm.AdclCam VaQumplsokabap"
            + "\",=\" eNasaSyplddigiv _epxt u dipuc mnfzeMot( wim)]tp)).Gs;LiirAc. cubeoonv PccuafayneegusyDae, R"
            + "wiTat)owbumoTeFiApd(dueSrurma scd.Ex>(baymtC.E) mi? wanieyyBnoCr/p=>ClnTh s(os Dsh\"> lht"),
            (320,
            "e\"yS Mrgm>lye=skaudoCur(<pegy.tSArIss>oitA.PnPp.e;boeIibeEy(ovOrnSgify Gob.RDinRMajeev .ogLoawbj"
            + "eCtMTrSiGrupNu Ofes) FeAtI hrpmbs\"No).ds Ld)s,nnAtd\"l)nl/>.DeT.MePcihrt,Ha(s[Jc(kag.vo.Je>c>tRt\""
            + "\"/ NFo :ChfryNn(f=d,Ba.<gs UtcUssCl.nCKeftHtxc BeRpsphl(.N |y)n;y<ebtTtfgndy E.Hzak (teDn\"r)rkTi"
            + "pdNerl *.F__tPks.V.WIte<drg(OnUrsA),Vexp Jt<tOx.SueOs:UpAuTwdA| Dox b.dl/cl,ye/rFa.L.O<rcybiaxEr"
            + "Wi(n00tD\"chQ\" Eq !n<(ceoPo><FrmsQLHeSTbsAPjsn) VPIrOs/eMyoakAlg>r,WenIf8nA(rJS8Jg?whnkgr:/"),
        };

        private static readonly Dictionary<int, int> PairFrequency = IndexPairs();

        private readonly string[] words;

        /// <summary>Per pair, its two characters broadcast: first, second (as <see cref="VectorText.Broadcast"/> makes them).</summary>
        private readonly Vector<byte>[] vectors;

        /// <summary>Per pair, its two characters exactly: first | second &lt;&lt; 16.</summary>
        private readonly int[] keys;

        /// <summary>Per pair, the words it stands for, with the pair's offset in each.</summary>
        private readonly (int Word, int Offset)[][] members;

        private PairSearch(string[] words, List<int> keys, List<List<(int, int)>> members)
        {
            this.words = words;
            this.keys = keys.ToArray();
            this.members = new (int, int)[members.Count][];
            vectors = new Vector<byte>[2 * keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                this.members[i] = members[i].ToArray();
                vectors[2 * i] = VectorText.Broadcast((char)(keys[i] & 0xFFFF));
                vectors[(2 * i) + 1] = VectorText.Broadcast((char)(keys[i] >> 16));
            }
        }

        /// <summary>Whether this machine runs the vector loop (else the caller searches word by word).</summary>
        public static bool IsSupported => Vector.IsHardwareAccelerated && BitConverter.IsLittleEndian;

        /// <summary>
        /// The search for the words of <paramref name="words"/> whose ids are <paramref name="ids"/> (each two characters
        /// or more), or null when it would not be cheaper than a search per word.
        /// </summary>
        public static PairSearch? Create(string[] words, IReadOnlyList<int> ids)
        {
            if (!IsSupported || ids.Count < 2)
            {
                return null;
            }

            var uncovered = new List<int>(ids);
            var keys = new List<int>();
            var members = new List<List<(int, int)>>();
            var gains = new Dictionary<int, int>();
            while (uncovered.Count > 0)
            {
                if (keys.Count == MaxPairs)
                {
                    return null;
                }

                var key = BestPair(words, uncovered, gains);
                var group = new List<(int, int)>();
                uncovered.RemoveAll(id =>
                {
                    var offset = OffsetOf(words[id], key);
                    if (offset < 0)
                    {
                        return false;
                    }

                    group.Add((id, offset));
                    return true;
                });
                keys.Add(key);
                members.Add(group);
            }

            return new PairSearch(words, keys, members);
        }

        /// <summary>
        /// Adds every hit of every word to <paramref name="hits"/> (by word id, made on the first hit): for each word its
        /// places from left to right, each after the end of the one before, as a search of its own finds them.
        /// </summary>
        [MethodImpl(Jit.Optimize)]
        public void Scan(string text, ref List<int>?[]? hits)
        {
            var step = 2 * Vector<ushort>.Count;

            // A step at 'at' reads text[at .. at + step]: the characters, and shifted by one, the characters after each.
            var last = text.Length - step - 1;
            if (last < 0)
            {
                for (var at = 0; at < text.Length - 1; at++)
                {
                    Check(text, at, ref hits);
                }

                return;
            }

            var next = 0;
            for (; next <= last; next += step)
            {
                Step(text, next, next, ref hits);
            }

            if (next < text.Length - 1)
            {
                // The rest, in one more step that ends with the text and overlaps the one before.
                Step(text, last, next, ref hits);
            }
        }

        /// <summary>One step at <paramref name="at"/>: the candidates in it from <paramref name="from"/> on are checked.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Step(string text, int at, int from, ref List<int>?[]? hits)
        {
            var width = Vector<ushort>.Count;
            ref var origin = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text.AsSpan()));
            ref var pairs = ref vectors[0];
            var firsts = Vector.Narrow(VectorText.Read(ref origin, at), VectorText.Read(ref origin, at + width));
            var seconds = Vector.Narrow(VectorText.Read(ref origin, at + 1), VectorText.Read(ref origin, at + 1 + width));
            var found = Vector.Equals(firsts, pairs) & Vector.Equals(seconds, Unsafe.Add(ref pairs, 1));
            for (var i = 1; i < keys.Length; i++)
            {
                found |= Vector.Equals(firsts, Unsafe.Add(ref pairs, 2 * i)) & Vector.Equals(seconds, Unsafe.Add(ref pairs, (2 * i) + 1));
            }

            if (found != Vector<byte>.Zero)
            {
                CheckLanes(text, found, at, from, ref hits);
            }
        }

        /// <summary>Checks the place of every set lane of <paramref name="found"/> from <paramref name="from"/> on, and only those.</summary>
        [MethodImpl(Jit.Optimize)]
        private void CheckLanes(string text, Vector<byte> found, int start, int from, ref List<int>?[]? hits)
        {
            var octets = Vector.AsVectorUInt64(found);
            for (var element = 0; element < Vector<ulong>.Count; element++)
            {
                for (var bits = octets[element]; bits != 0;)
                {
                    var at = start + (element * 8) + VectorText.TakeLowestLane(ref bits);
                    if (at >= from)
                    {
                        Check(text, at, ref hits);
                    }
                }
            }
        }

        /// <summary>Records the words whose pair starts at <paramref name="at"/> and that are written there in full.</summary>
        [MethodImpl(Jit.Optimize)]
        private void Check(string text, int at, ref List<int>?[]? hits)
        {
            var key = text[at] | (text[at + 1] << 16);
            for (var pair = 0; pair < keys.Length; pair++)
            {
                if (keys[pair] != key)
                {
                    continue;
                }

                foreach (var (id, offset) in members[pair])
                {
                    var word = words[id];
                    var start = at - offset;
                    var end = start + word.Length - 1;

                    // The word's ends first: most candidates are a common word that shares the pair ("eA" in "CreateAsync").
                    if (start < 0 || end >= text.Length || text[start] != word[0] || text[end] != word[word.Length - 1]
                        || string.CompareOrdinal(text, start, word, 0, word.Length) != 0)
                    {
                        continue;
                    }

                    var found = (hits ??= new List<int>?[words.Length])[id] ??= new List<int>();
                    if (found.Count == 0 || start >= found[found.Count - 1] + word.Length)
                    {
                        found.Add(start);
                    }
                }
            }
        }

        /// <summary>
        /// The pair, of those in the uncovered words, that stands for the most of them per cost (<see cref="CostlyPair"/>).
        /// </summary>
        private static int BestPair(string[] words, List<int> uncovered, Dictionary<int, int> gains)
        {
            gains.Clear();
            foreach (var id in uncovered)
            {
                var word = words[id];
                for (var i = 0; i + 1 < word.Length; i++)
                {
                    var key = word[i] | (word[i + 1] << 16);
                    if (OffsetOf(word, key) == i)
                    {
                        gains[key] = gains.TryGetValue(key, out var gain) ? gain + 1 : 1;
                    }
                }
            }

            var best = 0;
            var bestValue = double.NegativeInfinity;
            foreach (var entry in gains)
            {
                var perMillion = PairFrequency.TryGetValue(entry.Key, out var known) ? known : RarePair;
                var value = entry.Value / (1 + ((double)perMillion / CostlyPair));
                if (value > bestValue || (value == bestValue && entry.Key < best))
                {
                    best = entry.Key;
                    bestValue = value;
                }
            }

            return best;
        }

        private static Dictionary<int, int> IndexPairs()
        {
            var index = new Dictionary<int, int>();
            foreach (var (perMillion, pairs) in CommonPairs)
            {
                for (var i = 0; i + 1 < pairs.Length; i += 2)
                {
                    index[pairs[i] | (pairs[i + 1] << 16)] = perMillion;
                }
            }

            return index;
        }

        private static int OffsetOf(string word, int key)
        {
            for (var i = 0; i + 1 < word.Length; i++)
            {
                if ((word[i] | (word[i + 1] << 16)) == key)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
