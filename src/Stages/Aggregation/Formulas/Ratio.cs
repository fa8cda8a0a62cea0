namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary><see cref="Numerator"/> / <see cref="Denominator"/>; missing when the denominator is 0.</summary>
public sealed record Ratio(FormulaExpression Numerator, FormulaExpression Denominator) : FormulaExpression
{
    public override string Render() => $"{Numerator.Render()} / {Denominator.Render()}";

    internal override double? Evaluate(FormulaContext context)
    {
        var numerator = Numerator.Evaluate(context);
        var denominator = Denominator.Evaluate(context);
        if (denominator == 0)
        {
            context.Missing.Add($"a non-zero {Denominator.Render()}");
            return null;
        }

        return numerator / denominator;
    }
}
