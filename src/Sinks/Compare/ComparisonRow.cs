using System.Text.Json.Serialization;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// One compared quantity of two runs: a task metric (<see cref="Level"/> <c>metric</c>, subset <c>all</c>) or a score
/// (<c>task</c>, <c>sub_aspect</c>, <c>overall</c>). Delta is B − A.
/// </summary>
/// <param name="Level"><c>metric</c>, <c>task</c>, <c>sub_aspect</c> or <c>overall</c>.</param>
/// <param name="Key">Task id for metrics and task scores, the sub-aspect code, or <c>overall</c>.</param>
/// <param name="Metric">Metric name; <c>score</c> for score rows.</param>
/// <param name="NA">Observations behind value A (pairs when paired; 0 for scores).</param>
/// <param name="NPairs">Matched (sample, variant, judge) pairs; 0 when unpaired.</param>
/// <param name="Paired">True when CI and p-value come from the paired samples.</param>
/// <param name="Method">How CI and p were computed, or why they were not.</param>
/// <param name="Status">See <see cref="ComparisonStatus"/>.</param>
/// <param name="Note">Context: pairing coverage, the metric a score's significance comes from, what is missing.</param>
public sealed record ComparisonRow(
    string Level,
    string ModelA,
    string ModelB,
    string Key,
    string Metric,
    double? ValueA,
    double? ValueB,
    double? Delta,
    double? CiLow,
    double? CiHigh,
    double? PValue,
    [property: JsonPropertyName("n_a")] long NA,
    [property: JsonPropertyName("n_b")] long NB,
    long NPairs,
    bool Paired,
    string Method,
    bool HigherIsBetter,
    string Status,
    string? Note);
