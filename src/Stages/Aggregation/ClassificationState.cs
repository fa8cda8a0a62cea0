using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Core.Statistics;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// Binary precision, recall or F1 of the judge's labels against the judgments' expected answers, positive class =
/// the definition's positive label (compared case-insensitively). Observations are the ok and unparseable judgments
/// that have an expected answer (the aggregator leaves ambiguous ones out, like judge errors); an unparseable verdict
/// predicts "not positive" (like a wrong yes/no answer in accuracy). Judgments without an expected answer are not counted.
/// </summary>
internal sealed class ClassificationState(MetricKind kind, string positiveLabel) : MetricState
{
    private readonly double[] _truePositives = new double[PoissonBootstrap.Replicates];
    private readonly double[] _falsePositives = new double[PoissonBootstrap.Replicates];
    private readonly double[] _falseNegatives = new double[PoissonBootstrap.Replicates];
    private long _n;
    private long _tp;
    private long _fp;
    private long _fn;

    public override bool UsesWeights => true;

    public override void Add(Judgment judgment, ReadOnlySpan<int> weights)
    {
        if (judgment.Expected is null)
        {
            return;
        }

        var predicted = judgment.Status == JudgmentStatus.Ok && IsPositive(judgment.Label);
        var actual = IsPositive(judgment.Expected);
        _n++;
        var cell = (predicted, actual) switch
        {
            (true, true) => _truePositives,
            (true, false) => _falsePositives,
            (false, true) => _falseNegatives,
            _ => null,
        };
        if (cell is null)
        {
            return;
        }

        if (cell == _truePositives)
        {
            _tp++;
        }
        else if (cell == _falsePositives)
        {
            _fp++;
        }
        else
        {
            _fn++;
        }

        for (var b = 0; b < weights.Length; b++)
        {
            cell[b] += weights[b];
        }
    }

    public override MetricEstimate Estimate()
    {
        if (_n == 0)
        {
            return MetricEstimate.Empty;
        }

        var value = Compute(_tp, _fp, _fn);
        if (value is null)
        {
            return MetricEstimate.Of(null, _n, null);
        }

        Span<double> values = stackalloc double[PoissonBootstrap.Replicates];
        for (var b = 0; b < values.Length; b++)
        {
            values[b] = Compute(_truePositives[b], _falsePositives[b], _falseNegatives[b]) ?? double.NaN;
        }

        return MetricEstimate.Of(value, _n, PoissonBootstrap.PercentileInterval(values));
    }

    private bool IsPositive(string? label) => string.Equals(label, positiveLabel, StringComparison.OrdinalIgnoreCase);

    private double? Compute(double tp, double fp, double fn) => kind switch
    {
        MetricKind.Precision => BinaryClassification.Precision(tp, fp),
        MetricKind.Recall => BinaryClassification.Recall(tp, fn),
        _ => BinaryClassification.F1(tp, fp, fn),
    };
}
