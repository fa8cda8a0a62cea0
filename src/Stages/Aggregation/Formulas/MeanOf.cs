using System.Collections.Immutable;

namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>The plain mean of the items; missing when any item is missing.</summary>
public sealed record MeanOf : FormulaExpression
{
    public MeanOf(ImmutableArray<FormulaExpression> items)
    {
        RequireItems(items, "mean");
        Items = items;
    }

    public ImmutableArray<FormulaExpression> Items { get; }

    public override string Render() => $"mean({List(Items)})";

    internal override double? Evaluate(FormulaContext context) => EvaluateAll(Items, context)?.Average();
}
