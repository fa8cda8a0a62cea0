using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Aggregation.Formulas;

/// <summary>The inputs of one formula evaluation and what it found missing. Not thread-safe: one per evaluation.</summary>
internal sealed class FormulaContext
{
    private readonly Dictionary<(string Subset, string Metric), MetricRow> _rows;

    public FormulaContext(Dictionary<(string Subset, string Metric), MetricRow> rows) => _rows = rows;

    /// <summary>Inputs the value needed and did not find ("subset/metric").</summary>
    public List<string> Missing { get; } = [];

    /// <summary>Inputs left out by a "mean of the available" node.</summary>
    public List<string> Unavailable { get; } = [];

    public MetricRow? Row(string subset, string metric) => _rows.GetValueOrDefault((subset, metric));
}
