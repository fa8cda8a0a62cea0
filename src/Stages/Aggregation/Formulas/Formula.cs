namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>Short builders for <see cref="FormulaExpression"/> trees, so the formula table reads like the protocol.</summary>
public static class Formula
{
    public static MetricTerm Metric(string subset, string metric) => new(subset, metric);

    /// <summary>The same metric in each subset.</summary>
    public static FormulaExpression[] Metrics(string metric, params string[] subsets) =>
        [.. subsets.Select(s => new MetricTerm(s, metric))];

    public static UndefinedAsZero ZeroIfUndefined(string subset, string metric) => new(new MetricTerm(subset, metric));

    public static OneMinus OneMinus(FormulaExpression inner) => new(inner);

    public static MeanOf Mean(params FormulaExpression[] items) => new([.. items]);

    public static MeanOfAvailable MeanOfAvailable(params FormulaExpression[] items) => new([.. items]);

    public static WeightedMeanOf WeightedMean(params (double Weight, FormulaExpression Item)[] terms) =>
        new([.. terms.Select(t => new WeightedTerm(t.Weight, t.Item))]);

    public static MaxOf Max(params FormulaExpression[] items) => new([.. items]);

    public static CountBelow CountBelow(double threshold, params FormulaExpression[] items) => new(threshold, [.. items]);

    public static Constant Constant(double value) => new(value);

    public static Difference Minus(FormulaExpression left, FormulaExpression right) => new(left, right);

    public static Ratio Divide(FormulaExpression numerator, FormulaExpression denominator) => new(numerator, denominator);

    public static Scale100 Scale100(FormulaExpression inner) => new(inner);
}
