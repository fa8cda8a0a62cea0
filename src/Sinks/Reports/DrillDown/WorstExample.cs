namespace MultiTrust.Sinks.Reports.DrillDown;

/// <summary>One of the worst-judged responses of a (task, model), shown in the report's drill-down.</summary>
/// <param name="Rank">1 for the worst.</param>
/// <param name="Score">The primary metric judge's score of this response.</param>
/// <param name="Prompt">The prompt as sent, or null when the samples row is missing.</param>
/// <param name="ResponseStatus">The response's status (<c>answered</c>, <c>truncated</c>, …), or null when missing.</param>
/// <param name="Response">The model's text, or null.</param>
/// <param name="Verdicts">Every judge step's verdict of the response: <c>judge: status label (score s)</c>, joined by <c>; </c>.</param>
public sealed record WorstExample(
    string ModelId,
    string TaskId,
    string SampleId,
    string VariantId,
    long Rank,
    double Score,
    string? Prompt,
    string? ResponseStatus,
    string? Response,
    string? Verdicts)
{
    /// <summary>The sample's images in prompt order (none for a text-only sample or a missing samples row).</summary>
    public IReadOnlyList<ExampleImage> Images { get; init; } = [];

    /// <summary>What the report shows for each image (see <see cref="DrillDownThumbnails"/>); empty until attached.</summary>
    public IReadOnlyList<Thumbnail> Thumbnails { get; init; } = [];
}
