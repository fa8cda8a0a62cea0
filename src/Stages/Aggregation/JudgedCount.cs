namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// How many judgments of one (model, task) a judge decided on or tried to (every status but skipped), and how many of
/// them were <c>ambiguous</c>: the rule could not decide. <see cref="AmbiguousRate"/> is what the report shows per task.
/// </summary>
public sealed record JudgedCount(string ModelId, string TaskId, long Judged, long Ambiguous)
{
    /// <summary><see cref="Ambiguous"/> / <see cref="Judged"/>, or null when nothing was judged.</summary>
    public double? AmbiguousRate => Judged == 0 ? null : (double)Ambiguous / Judged;
}
