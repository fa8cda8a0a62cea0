namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>
/// A metric whose undefined value counts as 0, as the protocol says for P.3 ("a NaN r is scored as 0"): a row with
/// judged responses (N &gt; 0) but a null value gives 0. A row that is absent or has N = 0 is still missing.
/// </summary>
public sealed record UndefinedAsZero(MetricTerm Term) : FormulaExpression
{
    public override string Render() => $"{Term.Render()} (undefined → 0)";

    internal override double? Evaluate(FormulaContext context)
    {
        var row = context.Row(Term.Subset, Term.Metric);
        if (row is { Value: { } value })
        {
            return value;
        }

        if (row is { N: > 0 })
        {
            return 0;
        }

        context.Missing.Add(Term.Render());
        return null;
    }
}
