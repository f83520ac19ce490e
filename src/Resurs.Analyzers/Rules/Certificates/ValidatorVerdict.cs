using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;

namespace Resurs.Analyzers.Rules.Certificates
{
    internal enum ValidatorKind
    {
        /// <summary>The body could not be judged (too large, goto, unsupported code): stay silent.</summary>
        Unknown,

        /// <summary>Every path returns true, whatever the certificate and its errors (RES3001).</summary>
        AcceptsEverything,

        /// <summary>Some path returns true (or may) while the errors are not <c>None</c> (RES3002).</summary>
        AcceptsSomeErrors,

        /// <summary>Returns true only for <c>SslPolicyErrors.None</c>, or never.</summary>
        Validates,
    }

    /// <summary>What a certificate validation body does with each <c>SslPolicyErrors</c> value.</summary>
    internal sealed class ValidatorVerdict
    {
        public static readonly ValidatorVerdict Unknown = new ValidatorVerdict(ValidatorKind.Unknown, 0, false, ImmutableArray<IReturnOperation>.Empty);

        public ValidatorVerdict(ValidatorKind kind, int acceptedErrors, bool neverReadsErrors, ImmutableArray<IReturnOperation> acceptingReturns)
        {
            Kind = kind;
            AcceptedErrors = acceptedErrors;
            NeverReadsErrors = neverReadsErrors;
            AcceptingReturns = acceptingReturns;
        }

        public ValidatorKind Kind { get; }

        /// <summary>The union of the SslPolicyErrors bits for which some path may return true.</summary>
        public int AcceptedErrors { get; }

        /// <summary>True when the body never reads its SslPolicyErrors parameter (or has none).</summary>
        public bool NeverReadsErrors { get; }

        /// <summary>The return statements that may return true while the errors are not <c>None</c>.</summary>
        public ImmutableArray<IReturnOperation> AcceptingReturns { get; }
    }
}
