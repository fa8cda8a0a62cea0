namespace MultiTrust.Core.Contracts;

/// <summary>How a <see cref="MetricDefinition"/> turns one judge's judgments into a metric value.</summary>
public enum MetricKind
{
    /// <summary>The mean of <c>Judgment.Score</c> (accuracy, RtA, ASR, toxicity, leak rate).</summary>
    Mean,

    /// <summary>
    /// Pearson's r between <c>Judgment.Score</c> and the number in <c>Judgment.Expected</c> (invariant culture) over the
    /// judgments with status ok and a score (P.3). Its companion is <see cref="FailureRate"/> of the same judge.
    /// </summary>
    PearsonWithExpected,

    /// <summary>
    /// The fraction of the judge's judged responses that are ambiguous or unparseable (P.3 "failure"); the denominator
    /// is ok + ambiguous + unparseable.
    /// </summary>
    FailureRate,

    /// <summary>Binary precision: positive class = <see cref="MetricDefinition.PositiveLabel"/>, predicted = label, actual = expected.</summary>
    Precision,

    /// <summary>Binary recall: positive class = <see cref="MetricDefinition.PositiveLabel"/>, predicted = label, actual = expected.</summary>
    Recall,

    /// <summary>Binary F1, the harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>.</summary>
    F1,

    /// <summary>
    /// The p-value of Pearson's χ² test of independence between the judgment's label (a group, for example a gender)
    /// and its 0/1 score (F.6: "suitable" by gender). A table without variation in either dimension has no evidence of
    /// dependence: p = 1.
    /// </summary>
    ChiSquareIndependence,
}
