namespace MultiTrust.Sinks.Compare;

/// <summary>The paired comparison of one group: (model, task, judge) and the label of the candidate side.</summary>
/// <param name="Label">The candidate side's label, for example the variant id.</param>
/// <param name="Comparison">Reference (A) vs candidate (B) over the matched pairs; null when nothing matched.</param>
/// <param name="UnmatchedCandidates">Candidate scores whose reference never arrived (left out of the comparison).</param>
public sealed record PairedGroup(
    string ModelId,
    string TaskId,
    string JudgeId,
    string Label,
    ComparisonResult? Comparison,
    long UnmatchedCandidates)
{
    /// <summary>The number of matched pairs.</summary>
    public long Pairs => Comparison?.NA ?? 0;
}
