namespace MultiTrust.Core.Records;

/// <summary>
/// What a judge says about one response. <see cref="Score"/> is the value the task's metric averages (for example 1
/// for a correct yes/no answer or a refusal, 0 otherwise); null means the verdict does not count towards the metric.
/// </summary>
public sealed record JudgeVerdict(string? Label, double? Score, JudgmentStatus Status, string? Raw)
{
    public static JudgeVerdict Skipped(string reason) => new(null, null, JudgmentStatus.Skipped, reason);
}
