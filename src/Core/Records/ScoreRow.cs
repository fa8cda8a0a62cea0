namespace MultiTrust.Core.Records;

/// <summary>
/// A MultiTrust score on 0–100 at level <c>task</c>, <c>sub_aspect</c> or <c>overall</c>. <see cref="Value"/> is null
/// when the score cannot be computed; <see cref="Note"/> then says why (never a silent zero).
/// </summary>
public sealed record ScoreRow(string RunId, string ModelId, string Level, string Key, double? Value, string? Note)
{
    /// <summary>The <see cref="Level"/> of a task score (its <see cref="Key"/> is the task id).</summary>
    public const string TaskLevel = "task";

    /// <summary>The <see cref="Level"/> of a sub-aspect score (its <see cref="Key"/> is the sub-aspect code).</summary>
    public const string SubAspectLevel = "sub_aspect";

    /// <summary>The <see cref="Level"/> of the overall score.</summary>
    public const string OverallLevel = "overall";

    /// <summary>The <see cref="Key"/> of the overall score.</summary>
    public const string OverallKey = "overall";
}
