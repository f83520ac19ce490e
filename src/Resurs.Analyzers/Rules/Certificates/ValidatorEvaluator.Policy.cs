using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Certificates
{
    /// <summary>
    /// Legacy <c>ICertificatePolicy.CheckValidationResult(…, int certificateProblem)</c>: the problem is a Windows error
    /// code (0 for none), not a set of <c>SslPolicyErrors</c> flags, so the body is run with 0, with every other number it
    /// is written with (the codes it compares the problem with), and with one code it names nowhere.
    /// </summary>
    internal sealed partial class ValidatorEvaluator
    {
        /// <summary>More codes than any policy names; beyond them the policy is not judged.</summary>
        private const int MaxProblemCodes = 16;

        /// <summary>A problem code no policy names: stands for "any other problem".</summary>
        public const long OtherProblem = 0x7FFF_FFF1;

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
                if (operation.ConstantValue is { HasValue: true, Value: int or uint or long } constant)
                {
                    var code = constant.Value is uint unsigned ? unchecked((int)unsigned) : System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
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
