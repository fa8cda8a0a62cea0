using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Results;

/// <summary>The three tables of one task. The row lists keep their capacity across flushes and commits.</summary>
internal sealed class TaskBuffer(string task, ImagePaths imagePaths)
{
    public TableRows<SampleRow> Samples { get; } = new(
        TableNames.Samples, task, SampleTable.Schema, (group, runId, rows) => SampleTable.WriteAsync(group, runId, rows, imagePaths));

    public TableRows<ModelResponse> Responses { get; } = new(TableNames.Responses, task, ResponseTable.Schema, ResponseTable.WriteAsync);

    public TableRows<Judgment> Judgments { get; } = new(TableNames.Judgments, task, JudgmentTable.Schema, JudgmentTable.WriteAsync);

    /// <summary>The tables in the order their parts are listed in a commit marker.</summary>
    public IEnumerable<TableBuffer> Tables => [Samples, Responses, Judgments];
}
