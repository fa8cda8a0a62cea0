namespace MultiTrust.Stages.Judging.Records;

/// <summary>
/// The outcome of parsing one JSONL judge record: either <see cref="Record"/>, or an <see cref="Error"/> naming the
/// offending <see cref="Field"/> (null when the line as a whole is wrong, for example invalid JSON or not an object).
/// </summary>
public sealed record JudgeRecordParseResult(JudgeRecord? Record, string? Field, string? Error)
{
    /// <summary>True when <see cref="Record"/> is set.</summary>
    public bool IsSuccess => Record is not null;

    public static JudgeRecordParseResult Success(JudgeRecord record) => new(record, null, null);

    public static JudgeRecordParseResult Failure(string? field, string error) => new(null, field, error);

    /// <summary>The error as one line: <c>field 'x': what is wrong</c>, or just the message when no field is named.</summary>
    public string Describe() => IsSuccess ? "ok" : Field is null ? Error! : $"field '{Field}': {Error}";
}
