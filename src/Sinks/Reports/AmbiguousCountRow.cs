namespace MultiTrust.Sinks.Reports;

/// <summary>How many judgments of one (model, task) were judged (every status but skipped) and how many were ambiguous.</summary>
/// <param name="ModelId">Model id.</param>
/// <param name="TaskId">Task id.</param>
/// <param name="Judged">Judgments that are not skipped.</param>
/// <param name="Ambiguous">Judgments a judge could not decide.</param>
public sealed record AmbiguousCountRow(string ModelId, string TaskId, long Judged, long Ambiguous);
