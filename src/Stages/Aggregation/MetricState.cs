using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// Streaming state of one metric for one (model, task, subset, variant) group: O(1) memory in the number of judgments
/// (O(B) for the bootstrap kinds). The aggregator counts skipped, judge-error and (except for a failure rate) ambiguous
/// judgments as excluded and passes every other judgment of the metric's judge to <see cref="Add"/>.
/// </summary>
internal abstract class MetricState
{
    /// <summary>Judgments of the metric's judge in the group, counted or not.</summary>
    public long Rows { get; private set; }

    /// <summary>
    /// The rows outside the metric's denominator: failed responses, judge errors, and verdicts the metric cannot use
    /// (a null score, an undecided verdict where the kind needs a decision), so that N + excluded = rows.
    /// </summary>
    public long ExcludedOf(MetricEstimate estimate) => Rows - estimate.N;

    public void CountRow() => Rows++;

    /// <summary>True when <see cref="Add"/> reads the bootstrap weights.</summary>
    public abstract bool UsesWeights { get; }

    public static MetricState Create(MetricDefinition definition) => definition.Kind switch
    {
        MetricKind.Mean => new MeanState(),
        MetricKind.FailureRate => new FailureRateState(),
        MetricKind.PearsonWithExpected => new PearsonState(),
        MetricKind.Precision or MetricKind.Recall or MetricKind.F1 => new ClassificationState(definition.Kind, definition.PositiveLabel!),
        MetricKind.ChiSquareIndependence => new ChiSquareState(),
        _ => throw new NotSupportedException($"Metric kind '{definition.Kind}' (metric '{definition.Name}') is not supported."),
    };


    /// <param name="judgment">A judgment of the metric's judge that is neither skipped nor a judge error (nor ambiguous,
    /// unless the metric is a failure rate).</param>
    /// <param name="weights">Its Poisson bootstrap weights (empty when <see cref="UsesWeights"/> is false).</param>
    public abstract void Add(Judgment judgment, ReadOnlySpan<int> weights);

    public abstract MetricEstimate Estimate();
}
