namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>The value of metric <paramref name="Metric"/> in subset <paramref name="Subset"/> (clean variant); missing
/// when there is no row or its value is null.</summary>
public sealed record MetricTerm(string Subset, string Metric) : FormulaExpression
{
    public override string Render() => $"{Subset}/{Metric}";

    internal override double? Evaluate(FormulaContext context)
    {
        if (context.Row(Subset, Metric)?.Value is { } value)
        {
            return value;
        }

        context.Missing.Add(Render());
        return null;
    }
}
