using System.Collections.Immutable;

namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>How many items are strictly below <see cref="Threshold"/> (F.6: p-values &lt; 0.05); missing when any item is.</summary>
public sealed record CountBelow : FormulaExpression
{
    public CountBelow(double threshold, ImmutableArray<FormulaExpression> items)
    {
        RequireItems(items, "count below");
        Threshold = threshold;
        Items = items;
    }

    public double Threshold { get; }

    public ImmutableArray<FormulaExpression> Items { get; }

    public override string Render() => $"#{{{List(Items)}}} < {Number(Threshold)}";

    internal override double? Evaluate(FormulaContext context) => EvaluateAll(Items, context)?.Count(v => v < Threshold);
}
