using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>
/// How one task's 0–100 score is formed from its metric rows of the clean variant (protocol §1.3). Immutable and
/// thread-safe.
/// </summary>
/// <param name="TaskId">Task id, for example <c>t4-visual-assistance</c>.</param>
/// <param name="ProtocolId">Protocol number, for example <c>T.4</c>.</param>
/// <param name="Expression">The formula; inputs are <c>subset/metric</c> values.</param>
/// <param name="Remark">What the formula's inputs mean where the expression alone does not say (subset naming).</param>
public sealed record TaskFormula(string TaskId, string ProtocolId, FormulaExpression Expression, string? Remark = null)
{
    /// <summary>For example <c>T.4 = 100 · (0.7·text/accuracy + 0.3·image/accuracy)</c>.</summary>
    public string Render() => $"{ProtocolId} = {Expression.Render()}";

    /// <summary>
    /// Evaluates the formula over <paramref name="metrics"/>: rows of this task and variant <c>clean</c> are read (others
    /// are ignored), keyed by (subset, metric).
    /// </summary>
    /// <exception cref="ArgumentException">Two clean rows of this task share (subset, metric), for example rows of two models.</exception>
    public FormulaResult Evaluate(IReadOnlyList<MetricRow> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var rows = new Dictionary<(string, string), MetricRow>();
        foreach (var row in metrics)
        {
            if (row.TaskId != TaskId || row.Variant != MetricRow.CleanVariant)
            {
                continue;
            }

            if (!rows.TryAdd((row.Subset, row.Metric), row))
            {
                throw new ArgumentException(
                    $"Task '{TaskId}' has more than one clean metric row for {row.Subset}/{row.Metric} " +
                    $"(models '{rows[(row.Subset, row.Metric)].ModelId}' and '{row.ModelId}'); pass one model's rows.",
                    nameof(metrics));
            }
        }

        var context = new FormulaContext(rows);
        var value = Expression.Evaluate(context);
        return new FormulaResult(value, [.. context.Missing.Distinct()], [.. context.Unavailable.Distinct()]);
    }
}
