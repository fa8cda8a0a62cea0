namespace MultiTrust.Sinks.Reports.DrillDown;

/// <summary>The judge whose score ranks a task's examples, and which way is worse.</summary>
/// <param name="TaskId">Task id.</param>
/// <param name="JudgeId">The judge of the task's first metric.</param>
/// <param name="HigherIsBetter">True when a low score is a bad answer (accuracy, refusal rate); false for leak or attack rates.</param>
public sealed record PrimaryJudge(string TaskId, string JudgeId, bool HigherIsBetter);
