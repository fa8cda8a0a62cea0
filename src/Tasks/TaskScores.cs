using MultiTrust.Core.Records;
using MultiTrust.Stages.Aggregation;
using MultiTrust.Stages.Aggregation.Formulas;

namespace MultiTrust.Tasks;

/// <summary>Task score rows from the formula table (<see cref="TaskFormulas"/>).</summary>
internal static class TaskScores
{
    public const string Synthetic = "synthetic suite: not comparable to the paper";

    public const string Official = "official suite";

    public const string Dataset = "lake dataset: the official verdict chain and formula on your data; not comparable to the paper";

    /// <summary>The suite label of score notes.</summary>
    public static string SuiteNote(string suite) => suite switch
    {
        Core.Contracts.TaskSuites.Official => Official,
        Core.Pipeline.DatasetSourceDefinition.Suite => Dataset,
        _ => Synthetic,
    };

    /// <summary>
    /// Scores a synthetic-suite task by its formula (<see cref="TaskFormulas.ForSynthetic"/>). The note says the suite
    /// is synthetic, renders the formula (and its remark), and names inputs a "mean of available" left out; without a
    /// value it starts with <c>not scored: missing …</c>.
    /// </summary>
    public static ScoreRow FromSyntheticFormula(string runId, string modelId, string taskId, IReadOnlyList<MetricRow> metrics) =>
        FromResult(runId, modelId, TaskFormulas.ForSynthetic(taskId), TaskFormulas.ForSynthetic(taskId).Evaluate(metrics));

    public static ScoreRow FromResult(string runId, string modelId, TaskFormula formula, FormulaResult result, string suite = Core.Contracts.TaskSuites.Synthetic)
    {
        var label = SuiteNote(suite);
        var described = formula.Remark is null ? formula.Render() : $"{formula.Render()} ({formula.Remark})";
        if (result.Value is not { } value)
        {
            return Row(runId, modelId, formula.TaskId, null, $"{result.NotScoredReason}; {label}; {described}");
        }

        var note = result.UnavailableNote is { } unavailable
            ? $"{label}; {described}; {unavailable}"
            : $"{label}; {described}";
        return Row(runId, modelId, formula.TaskId, value, note);
    }

    public static ScoreRow Row(string runId, string modelId, string taskId, double? value, string note) =>
        new(runId, modelId, ScoreRow.TaskLevel, taskId, value, note);
}
