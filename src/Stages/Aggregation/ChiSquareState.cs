using MultiTrust.Core.Records;
using MultiTrust.Core.Statistics;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// χ² test of independence between a judgment's label (a group, such as a gender) and its 0/1 score (F.6: "suitable").
/// Counts ok judgments with a score in an O(groups) table; the value is the p-value (scipy's
/// <c>chi2_contingency</c> with Yates' correction at df = 1). A table with fewer than two groups or a single outcome
/// shows no dependence: p = 1 (scipy would raise; the reference's score script then fails). No interval.
/// </summary>
internal sealed class ChiSquareState : MetricState
{
    private readonly SortedDictionary<string, long[]> _table = new(StringComparer.Ordinal);
    private long _n;

    public override bool UsesWeights => false;

    public override void Add(Judgment judgment, ReadOnlySpan<int> weights)
    {
        if (judgment.Status != JudgmentStatus.Ok || judgment.Score is not { } score || string.IsNullOrEmpty(judgment.Label))
        {
            return;
        }

        if (!_table.TryGetValue(judgment.Label, out var counts))
        {
            counts = new long[2];
            _table[judgment.Label] = counts;
        }

        counts[score >= 0.5 ? 1 : 0]++;
        _n++;
    }

    public override MetricEstimate Estimate()
    {
        if (_n == 0)
        {
            return MetricEstimate.Empty;
        }

        var outcomes = _table.Values.Aggregate(new long[2], (sum, c) => [sum[0] + c[0], sum[1] + c[1]]);
        if (_table.Count < 2 || outcomes[0] == 0 || outcomes[1] == 0)
        {
            return MetricEstimate.Of(1.0, _n, null);
        }

        var observed = new long[_table.Count, 2];
        var row = 0;
        foreach (var counts in _table.Values)
        {
            observed[row, 0] = counts[0];
            observed[row, 1] = counts[1];
            row++;
        }

        return MetricEstimate.Of(ChiSquareIndependence.Test(observed).PValue, _n, null);
    }
}
