using System.Collections.Immutable;

namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>The largest item (T.3: the best of the three prompt variants); missing when any item is missing.</summary>
public sealed record MaxOf : FormulaExpression
{
    public MaxOf(ImmutableArray<FormulaExpression> items)
    {
        RequireItems(items, "max");
        Items = items;
    }

    public ImmutableArray<FormulaExpression> Items { get; }

    public override string Render() => $"max({List(Items)})";

    internal override double? Evaluate(FormulaContext context) => EvaluateAll(Items, context)?.Max();
}
