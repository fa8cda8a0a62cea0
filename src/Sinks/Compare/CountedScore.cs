using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// Which judgments count in a metric, by the rule of <see cref="MetricAggregator"/>: a non-null score whose status is
/// neither <see cref="JudgmentStatus.Skipped"/> nor <see cref="JudgmentStatus.JudgeError"/>.
/// </summary>
public static class CountedScore
{
    public static bool TryGet(Judgment judgment, out double score)
    {
        ArgumentNullException.ThrowIfNull(judgment);
        if (judgment.Status is JudgmentStatus.Skipped or JudgmentStatus.JudgeError || judgment.Score is not { } value)
        {
            score = 0;
            return false;
        }

        score = value;
        return true;
    }
}
