namespace MultiTrust.Sinks.Reports;

/// <summary>How many rows of one (model, task) ended with a given status, for the report's error table.</summary>
/// <param name="ModelId">Model id.</param>
/// <param name="TaskId">Task id.</param>
/// <param name="Status">
/// A status name as stored in Parquet, for example a response status (<c>error</c>, <c>timeout</c>,
/// <c>content_filtered</c>) or a judgment status (<c>judge_error</c>, <c>unparseable</c>).
/// </param>
/// <param name="Count">Number of rows.</param>
public sealed record ErrorCountRow(string ModelId, string TaskId, string Status, long Count);
