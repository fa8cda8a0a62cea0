using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Aggregation;

/// <summary>Streaming state of one metric for one (model, task, subset): O(1) memory, Welford mean/variance.</summary>
internal sealed class MetricAccumulator
{
    private long _n;
    private double _mean;
    private double _m2;
    private long _ones;
    private bool _allBinary = true;
    private bool _allInUnit = true;
    private long _excluded;

    public void AddScore(double score)
    {
        _n++;
        var delta = score - _mean;
        _mean += delta / _n;
        _m2 += delta * (score - _mean);
        if (score == 1)
        {
            _ones++;
        }
        else if (score != 0)
        {
            _allBinary = false;
        }

        if (score < 0 || score > 1)
        {
            _allInUnit = false;
        }
    }

    public void AddExcluded() => _excluded++;

    public MetricRow ToRow(string runId, string modelId, string taskId, string subset, string metric)
    {
        if (_n == 0)
        {
            return new MetricRow(runId, modelId, taskId, subset, metric, null, 0, null, null, _excluded);
        }

        (double Low, double High)? ci;
        double value;
        if (_allBinary)
        {
            // Exact k/n rather than the running mean, so rates are reproducible to the last bit.
            value = (double)_ones / _n;
            ci = ConfidenceInterval.Wilson(_ones, _n);
        }
        else
        {
            value = _mean;
            ci = ConfidenceInterval.Normal(_mean, _m2 / (_n - 1), _n, _allInUnit);
        }

        return new MetricRow(runId, modelId, taskId, subset, metric, value, _n, ci?.Low, ci?.High, _excluded);
    }
}
