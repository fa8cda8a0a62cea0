using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// Which committed judgments are judged again: those of <see cref="Steps"/> (every step when null), and with
/// <see cref="ErrorsOnly"/> only those whose latest status is <c>judge_error</c>. A step whose input is judged again to a
/// different verdict is judged again too; every other committed verdict stands. Immutable.
/// </summary>
public sealed record RejudgeSelection(bool ErrorsOnly, IReadOnlySet<string>? Steps = null)
{
    /// <summary>What a resumed run judges again: every <c>judge_error</c> judgment.</summary>
    public static RejudgeSelection Errors { get; } = new(ErrorsOnly: true);

    /// <summary>Whether the committed judgment of <paramref name="stepId"/> with <paramref name="status"/> is judged again.</summary>
    public bool Selects(string stepId, JudgmentStatus status) =>
        (Steps is null || Steps.Contains(stepId)) && (!ErrorsOnly || status == JudgmentStatus.JudgeError);
}
