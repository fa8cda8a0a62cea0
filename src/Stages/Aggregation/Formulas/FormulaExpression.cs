using System.Collections.Immutable;
using System.Globalization;

namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>
/// A node of a task-score formula over metric values of the clean variant, keyed by (subset, metric). The vocabulary is
/// closed (the records in this namespace; <see cref="Formula"/> builds them). Evaluation never turns a missing input into
/// a zero: a node whose inputs are missing has no value, and the missing inputs are named. Immutable and thread-safe.
/// </summary>
public abstract record FormulaExpression
{
    private protected FormulaExpression()
    {
    }

    /// <summary>The formula as text, for example <c>100 · mean(1 − prompt/asr, prompt/rta)</c>.</summary>
    public abstract string Render();

    /// <summary>The value, or null when an input is missing (the context then names it).</summary>
    internal abstract double? Evaluate(FormulaContext context);

    private protected static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private protected static string List(IEnumerable<FormulaExpression> items) => string.Join(", ", items.Select(i => i.Render()));

    /// <summary>Evaluates every item (so every missing input is named) and returns their values, or null if any is missing.</summary>
    private protected static double[]? EvaluateAll(IReadOnlyList<FormulaExpression> items, FormulaContext context)
    {
        var values = new double[items.Count];
        var complete = true;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Evaluate(context) is { } v)
            {
                values[i] = v;
            }
            else
            {
                complete = false;
            }
        }

        return complete ? values : null;
    }

    private protected static void RequireItems(ImmutableArray<FormulaExpression> items, string what)
    {
        if (items.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"{what} needs at least one item.", nameof(items));
        }
    }
}
