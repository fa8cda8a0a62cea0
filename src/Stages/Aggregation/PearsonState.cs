using System.Globalization;
using MultiTrust.Core.Records;
using MultiTrust.Core.Statistics;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// Pearson's r between the judge's score and the number in the judgment's expected answer, over ok judgments with a
/// score; streaming co-moments plus one weighted replicate per bootstrap draw. The value is null (the reference's NaN r)
/// when r is undefined: fewer than two pairs, or a constant series.
/// </summary>
internal sealed class PearsonState : MetricState
{
    private readonly Pearson _pearson = new();
    private readonly Pearson[] _replicates = CreateReplicates();
    private long _n;

    public override bool UsesWeights => true;

    public override void Add(Judgment judgment, ReadOnlySpan<int> weights)
    {
        if (judgment.Status != JudgmentStatus.Ok || judgment.Score is not { } score)
        {
            return;
        }

        if (!double.TryParse(judgment.Expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected)
            || !double.IsFinite(expected))
        {
            throw new InvalidOperationException(
                $"Sample '{judgment.SampleId}' (task '{judgment.TaskId}', judge '{judgment.JudgeId}', model '{judgment.ModelId}') " +
                $"has expected answer '{judgment.Expected ?? "(none)"}', which is not a number; a Pearson metric needs a numeric expected answer.");
        }

        _n++;
        _pearson.Add(score, expected);
        for (var b = 0; b < weights.Length; b++)
        {
            _replicates[b].Add(score, expected, weights[b]);
        }
    }

    public override MetricEstimate Estimate()
    {
        if (_n == 0)
        {
            return MetricEstimate.Empty;
        }

        if (_pearson.R is not { } r)
        {
            return MetricEstimate.Of(null, _n, null);
        }

        Span<double> values = stackalloc double[_replicates.Length];
        for (var b = 0; b < values.Length; b++)
        {
            values[b] = _replicates[b].R ?? double.NaN;
        }

        return MetricEstimate.Of(r, _n, PoissonBootstrap.PercentileInterval(values));
    }

    private static Pearson[] CreateReplicates()
    {
        var replicates = new Pearson[PoissonBootstrap.Replicates];
        for (var b = 0; b < replicates.Length; b++)
        {
            replicates[b] = new Pearson();
        }

        return replicates;
    }
}
