using MultiTrust.Core.Randomness;
using MultiTrust.Sources.Synthetic.Cases;

namespace MultiTrust.Sources.Synthetic.Truthfulness;

/// <summary>
/// One subset of yes/no statements with exact truth: an enumerated case space, and how a case becomes an image with a
/// true or a false statement about it. Every case supports both truths, and the case is recoverable from the image and
/// the statement, so distinct (case, truth) pairs are distinct samples. Implementations are stateless and thread-safe.
/// </summary>
internal interface IStatementFamily
{
    CaseSpace Space { get; }

    /// <summary>Case <paramref name="digits"/> of part <paramref name="part"/>, stated truly or falsely; what does not
    /// make the sample distinct (jitter, phrasing, the false claim) comes from <paramref name="rng"/>.</summary>
    StatementCase Compose(int part, CaseDigits digits, bool truth, SeededRandom rng);
}
