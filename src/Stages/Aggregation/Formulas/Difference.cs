namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary><see cref="Left"/> − <see cref="Right"/>.</summary>
public sealed record Difference(FormulaExpression Left, FormulaExpression Right) : FormulaExpression
{
    public override string Render() => $"({Left.Render()} − {Right.Render()})";

    internal override double? Evaluate(FormulaContext context)
    {
        var left = Left.Evaluate(context);
        var right = Right.Evaluate(context);
        return left - right;
    }
}
