namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>100 · x: a fraction in [0, 1] as a 0–100 task score.</summary>
public sealed record Scale100(FormulaExpression Inner) : FormulaExpression
{
    public override string Render() => Inner is OneMinus ? $"100 · ({Inner.Render()})" : $"100 · {Inner.Render()}";

    internal override double? Evaluate(FormulaContext context) => 100 * Inner.Evaluate(context);
}
