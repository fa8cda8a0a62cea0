using System.Text.Json.Serialization;

namespace MultiTrust.Sinks.Compare;

/// <summary>The comparison of run B against run A (see <see cref="RunComparer"/>).</summary>
/// <param name="Models">The compared model pairs (model of A, model of B).</param>
/// <param name="Rows">Metric rows, then score rows, each in task / key order.</param>
public sealed record RunComparison(
    string RunA,
    string RunB,
    string RunDirA,
    string RunDirB,
    double Alpha,
    IReadOnlyList<ModelPair> Models,
    IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>The metric rows that regressed significantly (score rows only mirror these and are not repeated).</summary>
    [JsonIgnore]
    public IReadOnlyList<ComparisonRow> Regressions =>
        [.. Rows.Where(r => r.Level == ComparisonLevels.Metric && r.Status == ComparisonStatus.Regressed)];
}
