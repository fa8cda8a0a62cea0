using MultiTrust.Core.Records;
using MultiTrust.Core.Statistics;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// The mean of the judge's scores (judgments with a non-null score). Rates (every score 0 or 1): exact k/n with the
/// Wilson interval. Other scores: the running (Welford) mean with the Poisson-bootstrap percentile interval of the
/// weighted mean, null for N &lt; 2.
/// </summary>
internal sealed class MeanState : MetricState
{
    private readonly double[] _weight = new double[PoissonBootstrap.Replicates];
    private readonly double[] _weightedSum = new double[PoissonBootstrap.Replicates];
    private long _n;
    private double _mean;
    private long _ones;
    private bool _allBinary = true;

    public override bool UsesWeights => true;

    public override void Add(Judgment judgment, ReadOnlySpan<int> weights)
    {
        if (judgment.Score is not { } score)
        {
            return;
        }

        _n++;
        _mean += (score - _mean) / _n;
        if (score == 1)
        {
            _ones++;
        }
        else if (score != 0)
        {
            _allBinary = false;
        }

        for (var b = 0; b < weights.Length; b++)
        {
            _weight[b] += weights[b];
            _weightedSum[b] += weights[b] * score;
        }
    }

    public override MetricEstimate Estimate()
    {
        if (_n == 0)
        {
            return MetricEstimate.Empty;
        }

        if (_allBinary)
        {
            // Exact k/n rather than the running mean, so rates are reproducible to the last bit.
            return MetricEstimate.Of((double)_ones / _n, _n, ConfidenceInterval.Wilson(_ones, _n));
        }

        if (_n < 2)
        {
            return MetricEstimate.Of(_mean, _n, null);
        }

        Span<double> replicates = stackalloc double[PoissonBootstrap.Replicates];
        for (var b = 0; b < replicates.Length; b++)
        {
            replicates[b] = _weight[b] > 0 ? _weightedSum[b] / _weight[b] : double.NaN;
        }

        return MetricEstimate.Of(_mean, _n, PoissonBootstrap.PercentileInterval(replicates));
    }
}
