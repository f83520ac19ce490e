using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// Legacy <c>ICertificatePolicy.CheckValidationResult(…, int certificateProblem)</c>: the problem is a Windows error
    /// code (0 for none), not a set of <c>SslPolicyErrors</c> flags, so the body is run with every non-zero number written
    /// in it (the codes it compares the problem with, as the <c>int</c> the parameter holds) and with one code it names
    /// nowhere. What it answers for 0 does not matter: a policy may reject valid certificates.
    /// </summary>
    internal sealed partial class ValidatorEvaluator
    {
        /// <summary>More codes than any policy names; beyond them the policy is not judged.</summary>
        private const int MaxProblemCodes = 16;

        /// <summary>
        /// A problem code no policy names, negative like every real one (an HRESULT with the failure bit, in the
        /// certificate facility): stands for "any other problem".
        /// </summary>
        public const long OtherProblem = unchecked((int)0x800B01FE);

        /// <summary>
        /// The non-zero problem codes <paramref name="body"/> returns true for (<see cref="OtherProblem"/> for those it
        /// names nowhere), or null when it cannot be told: over budget, too many codes, or a result that depends on
        /// something unknown for some code.
        /// </summary>
        public static List<long>? AcceptedProblems(IBlockOperation body, IParameterSymbol problem, MethodBodies bodies, CancellationToken cancellationToken)
        {
            var codes = new List<long> { OtherProblem };
            foreach (var operation in body.Descendants())
            {
                if (operation.ConstantValue is { HasValue: true, Value: int or uint or long or ulong } constant)
                {
                    // As the int parameter holds it: 0x800B0109 written as a uint or a long enum member is a negative int.
                    long code = unchecked((int)(constant.Value is ulong big ? unchecked((long)big) : System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture)));
                    if (code != 0 && !codes.Contains(code))
                    {
                        if (codes.Count == MaxProblemCodes)
                        {
                            return null;
                        }

                        codes.Add(code);
                    }
                }
            }

            var evaluator = new ValidatorEvaluator(bodies, body.SemanticModel, cancellationToken);
            var accepted = new List<long>();
            foreach (var code in codes)
            {
                var initial = new State();
                initial.Env[problem] = Value.Of(code, derived: true);
                var states = evaluator.Exec(body, initial);
                if (evaluator.failed)
                {
                    return null;
                }

                foreach (var state in states)
                {
                    if (state.Completion == Completion.Return)
                    {
                        if (!state.Returned.Known)
                        {
                            return null;
                        }

                        if (state.Returned.IsTrue && !accepted.Contains(code))
                        {
                            accepted.Add(code);
                        }
                    }
                    else if (state.Completion != Completion.Throw)
                    {
                        return null;
                    }
                }
            }

            return accepted;
        }
    }
}
