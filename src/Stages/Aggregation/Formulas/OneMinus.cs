namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>1 − x: turns a lower-is-better rate (ASR, toxicity, agreement) into a higher-is-better one.</summary>
public sealed record OneMinus(FormulaExpression Inner) : FormulaExpression
{
    public override string Render() => Inner is MetricTerm or UndefinedAsZero ? $"1 − {Inner.Render()}" : $"1 − ({Inner.Render()})";

    internal override double? Evaluate(FormulaContext context) => 1 - Inner.Evaluate(context);
}
