namespace MultiTrust.Stages.Judging.Llm;

/// <summary>How <see cref="LlmJudge"/> reads the judge model's output.</summary>
public enum LlmJudgeParser
{
    /// <summary>
    /// A yes/no verdict ("[Yes]", "No.", ...) read by the <c>yesno</c> rule judge's extraction: label <c>yes</c> (score
    /// 1) or <c>no</c> (score 0); both → Ambiguous, neither → Unparseable.
    /// </summary>
    YesNo,

    /// <summary>
    /// One number from <see cref="LlmJudgeOptions.AllowedScores"/>: label is the number as invariant text, score the
    /// number. No allowed number, or several distinct ones → Unparseable (never a random pick).
    /// </summary>
    Score,

    /// <summary>
    /// No reading of its own: status Ok with a null label and score, the judge model's output kept as <c>Raw</c> (even
    /// when empty). Protocol chains read it with a following rule judge (judge-of-judge), as the reference does.
    /// </summary>
    Raw,
}
