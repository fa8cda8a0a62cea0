using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Records;

/// <summary>Counts from one <see cref="JsonlJudgeRunner.RunAsync"/> pass.</summary>
/// <param name="Judged">Records judged and written to the output.</param>
/// <param name="Malformed">Lines reported on the error writer and skipped (blank lines are not counted).</param>
public sealed record JsonlJudgeSummary(int Judged, int Malformed, int Ok, int Ambiguous, int Unparseable, int JudgeError, int Skipped)
{
    /// <summary>The number of judged records with <paramref name="status"/>.</summary>
    public int Count(JudgmentStatus status) => status switch
    {
        JudgmentStatus.Ok => Ok,
        JudgmentStatus.Ambiguous => Ambiguous,
        JudgmentStatus.Unparseable => Unparseable,
        JudgmentStatus.JudgeError => JudgeError,
        JudgmentStatus.Skipped => Skipped,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
