using System.Collections.Immutable;

namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>Σ wᵢ·xᵢ / Σ wᵢ (for example T.4 = 0.7·text + 0.3·image); missing when any item is missing.</summary>
public sealed record WeightedMeanOf : FormulaExpression
{
    public WeightedMeanOf(ImmutableArray<WeightedTerm> terms)
    {
        if (terms.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A weighted mean needs at least one term.", nameof(terms));
        }

        var bad = terms.FirstOrDefault(t => !(t.Weight > 0) || !double.IsFinite(t.Weight));
        if (bad is not null)
        {
            throw new ArgumentException($"Weight {bad.Weight} of {bad.Item.Render()} must be finite and > 0.", nameof(terms));
        }

        Terms = terms;
    }

    public ImmutableArray<WeightedTerm> Terms { get; }

    public override string Render()
    {
        var total = Terms.Sum(t => t.Weight);
        var sum = string.Join(" + ", Terms.Select(t => $"{Number(t.Weight)}·{Wrap(t.Item)}"));
        return Math.Abs(total - 1) < 1e-12 ? $"({sum})" : $"({sum}) / {Number(total)}";
    }

    internal override double? Evaluate(FormulaContext context)
    {
        var values = EvaluateAll([.. Terms.Select(t => t.Item)], context);
        if (values is null)
        {
            return null;
        }

        double weighted = 0, total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            weighted += Terms[i].Weight * values[i];
            total += Terms[i].Weight;
        }

        return weighted / total;
    }

    private static string Wrap(FormulaExpression item) => item is OneMinus ? $"({item.Render()})" : item.Render();
}
