namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>A fixed number.</summary>
public sealed record Constant(double Value) : FormulaExpression
{
    public override string Render() => Number(Value);

    internal override double? Evaluate(FormulaContext context) => Value;
}
