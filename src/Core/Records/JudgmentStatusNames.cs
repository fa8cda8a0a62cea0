namespace MultiTrust.Core.Records;

/// <summary>Stable lower-case names used in Parquet columns and reports.</summary>
public static class JudgmentStatusNames
{
    public static string ToName(this JudgmentStatus status) => status switch
    {
        JudgmentStatus.Ok => "ok",
        JudgmentStatus.Ambiguous => "ambiguous",
        JudgmentStatus.Unparseable => "unparseable",
        JudgmentStatus.JudgeError => "judge_error",
        JudgmentStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static JudgmentStatus Parse(string name) => name switch
    {
        "ok" => JudgmentStatus.Ok,
        "ambiguous" => JudgmentStatus.Ambiguous,
        "unparseable" => JudgmentStatus.Unparseable,
        "judge_error" => JudgmentStatus.JudgeError,
        "skipped" => JudgmentStatus.Skipped,
        _ => throw new FormatException($"Unknown judgment status '{name}'."),
    };
}
