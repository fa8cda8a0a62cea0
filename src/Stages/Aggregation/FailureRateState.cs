using MultiTrust.Core.Records;
using MultiTrust.Core.Statistics;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// The fraction of the judge's judged responses (ok, ambiguous, unparseable) that are ambiguous or unparseable — the
/// P.3 "failure" rate — with the Wilson interval.
/// </summary>
internal sealed class FailureRateState : MetricState
{
    private long _n;
    private long _failures;

    public override bool UsesWeights => false;

    public override void Add(Judgment judgment, ReadOnlySpan<int> weights)
    {
        _n++;
        if (judgment.Status is JudgmentStatus.Ambiguous or JudgmentStatus.Unparseable)
        {
            _failures++;
        }
    }

    public override MetricEstimate Estimate() => _n == 0
        ? MetricEstimate.Empty
        : MetricEstimate.Of((double)_failures / _n, _n, ConfidenceInterval.Wilson(_failures, _n));
}
