using System.Collections.Immutable;

namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>
/// The mean over the items that have a value; missing only when none has. An explicit, documented departure from the
/// protocol for suites that run only some of a task's groups (the synthetic P.6 suite has no unrelated-image subsets
/// yet): the items left out are reported as "not available" in the score note, never silently.
/// </summary>
public sealed record MeanOfAvailable : FormulaExpression
{
    public MeanOfAvailable(ImmutableArray<FormulaExpression> items)
    {
        RequireItems(items, "mean of available");
        Items = items;
    }

    public ImmutableArray<FormulaExpression> Items { get; }

    public override string Render() => $"mean of available({List(Items)})";

    internal override double? Evaluate(FormulaContext context)
    {
        var unavailableStart = context.Unavailable.Count;
        double sum = 0;
        var count = 0;
        foreach (var item in Items)
        {
            var before = context.Missing.Count;
            if (item.Evaluate(context) is { } value)
            {
                sum += value;
                count++;
            }

            // What an item lacked is not missing for this node (yet): park it in the "not available" list.
            context.Unavailable.AddRange(context.Missing.Skip(before));
            context.Missing.RemoveRange(before, context.Missing.Count - before);
        }

        if (count > 0)
        {
            return sum / count;
        }

        // Nothing available: everything this node lacked is missing after all.
        context.Missing.AddRange(context.Unavailable.Skip(unavailableStart));
        context.Unavailable.RemoveRange(unavailableStart, context.Unavailable.Count - unavailableStart);
        return null;
    }
}
