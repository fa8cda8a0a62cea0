using System.Text.Json.Serialization;

namespace MultiTrust.Sinks.Results;

/// <summary>One part file listed in a commit marker.</summary>
/// <param name="Table">The table (<c>samples</c>, <c>responses</c> or <c>judgments</c>).</param>
/// <param name="Task">The task partition value.</param>
/// <param name="Path">The path relative to the run directory, with forward slashes.</param>
/// <param name="Rows">The number of rows in the part.</param>
/// <param name="MaxRevision">
/// For a <c>judgments</c> part holding rows that supersede earlier ones (judged again): their highest revision; null
/// (omitted) when every row is a first judgment. Readers look for superseded rows only in parts that set it.
/// </param>
public sealed record CommittedPart(
    [property: JsonPropertyName("table")] string Table,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("max_revision"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxRevision = null);
