using System.Globalization;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Aggregation;

/// <summary>
/// Combines task scores (0–100) into sub-aspect scores and the overall score by a declared table
/// (<see cref="MultiTrustSubAspects.Table"/> by default). A sub-aspect is scored only when every member task has a
/// score; the overall score = round(mean of all sub-aspects, 2) only when every sub-aspect has one. Otherwise the row's
/// value is null and its note says what is missing: never a silent zero. Stateless and thread-safe.
/// </summary>
public sealed class MultiTrustScoring
{
    private readonly IReadOnlyList<SubAspectDefinition> _table;

    /// <param name="table">The sub-aspect table; validated (unique codes, non-empty members, positive weights).</param>
    public MultiTrustScoring(IReadOnlyList<SubAspectDefinition> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Count == 0)
        {
            throw new ArgumentException("The sub-aspect table is empty.", nameof(table));
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sub in table)
        {
            if (!codes.Add(sub.Code))
            {
                throw new ArgumentException($"Sub-aspect '{sub.Code}' appears more than once in the table.", nameof(table));
            }

            if (sub.Tasks.IsDefaultOrEmpty)
            {
                throw new ArgumentException($"Sub-aspect '{sub.Code}' has no member tasks.", nameof(table));
            }

            var bad = sub.Tasks.FirstOrDefault(t => !(t.Weight > 0) || !double.IsFinite(t.Weight));
            if (bad is not null)
            {
                throw new ArgumentException(
                    $"Sub-aspect '{sub.Code}': task '{bad.TaskId}' has weight {bad.Weight}; weights must be finite and > 0.",
                    nameof(table));
            }
        }

        _table = table;
    }

    /// <summary>The MultiTrust protocol's table (§2.6).</summary>
    public static MultiTrustScoring Default { get; } = new(MultiTrustSubAspects.Table);

    public IReadOnlyList<SubAspectDefinition> Table => _table;

    /// <summary>
    /// Sub-aspect rows (level <c>sub_aspect</c>, key = code, in table order) followed by the overall row (level
    /// <c>overall</c>, key <c>overall</c>) for one model. Only <paramref name="taskScores"/> rows of level <c>task</c>
    /// and this model are read (key = task id); the input rows are not repeated in the result.
    /// </summary>
    /// <exception cref="ArgumentException">Two task rows of this model share a key.</exception>
    public IReadOnlyList<ScoreRow> Aggregate(string runId, string modelId, IReadOnlyList<ScoreRow> taskScores)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentNullException.ThrowIfNull(taskScores);

        var byTask = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var row in taskScores)
        {
            if (row.Level != ScoreRow.TaskLevel || row.ModelId != modelId)
            {
                continue;
            }

            if (!byTask.TryAdd(row.Key, row.Value))
            {
                throw new ArgumentException(
                    $"Task '{row.Key}' has more than one task score row for model '{modelId}'.", nameof(taskScores));
            }
        }

        var result = new List<ScoreRow>(_table.Count + 1);
        var missingSubAspects = new List<string>();
        var sum = 0.0;
        foreach (var sub in _table)
        {
            var row = ScoreSubAspect(runId, modelId, sub, byTask);
            result.Add(row);
            if (row.Value is { } v)
            {
                sum += v;
            }
            else
            {
                missingSubAspects.Add(sub.Code);
            }
        }

        result.Add(missingSubAspects.Count == 0
            ? new ScoreRow(runId, modelId, ScoreRow.OverallLevel, ScoreRow.OverallKey, RoundLikePython(sum / _table.Count), null)
            : new ScoreRow(runId, modelId, ScoreRow.OverallLevel, ScoreRow.OverallKey, null, Incomplete(
                _table.Count - missingSubAspects.Count, _table.Count, "sub-aspects", missingSubAspects)));
        return result;
    }

    private static ScoreRow ScoreSubAspect(
        string runId, string modelId, SubAspectDefinition sub, Dictionary<string, double?> byTask)
    {
        var missing = new List<string>();
        double weighted = 0, weights = 0;
        foreach (var member in sub.Tasks)
        {
            if (byTask.TryGetValue(member.TaskId, out var value) && value is { } v && double.IsFinite(v))
            {
                weighted += member.Weight * v;
                weights += member.Weight;
            }
            else
            {
                missing.Add(member.TaskId);
            }
        }

        return missing.Count == 0
            ? new ScoreRow(runId, modelId, ScoreRow.SubAspectLevel, sub.Code, weighted / weights, null)
            : new ScoreRow(runId, modelId, ScoreRow.SubAspectLevel, sub.Code, null, Incomplete(
                sub.Tasks.Length - missing.Count, sub.Tasks.Length, "tasks", missing));
    }

    private static string Incomplete(int scored, int total, string what, List<string> missing) =>
        string.Create(CultureInfo.InvariantCulture,
            $"incomplete: {scored} of {total} {what} scored (missing: {string.Join(", ", missing)})");

    // compute_rank.py uses Python's round(x, 2): round-half-to-even.
    private static double RoundLikePython(double value) => Math.Round(value, 2, MidpointRounding.ToEven);
}
