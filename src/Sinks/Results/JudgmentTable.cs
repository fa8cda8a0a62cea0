using MultiTrust.Core.Records;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// The columns of the <c>judgments</c> table (see docs/schema.md). A (sample, variant, model, judge) can have several
/// rows when it was judged again; <c>revision</c> orders them and readers keep the highest (<see cref="RunStore.ReadJudgmentsAsync"/>).
/// </summary>
internal static class JudgmentTable
{
    public static readonly ParquetSchema Schema = new(
        new DataField<string>("run_id", false),
        new DataField<string>("sample_id", false),
        new DataField<string>("variant_id", false),
        new DataField<string>("model_id", false),
        new DataField<string>("task_id", false),
        new DataField<string>("subset", false),
        new DataField<string>("judge_id", false),
        new DataField<string>("judge_version", false),
        new DataField<string>("label", true),
        new DataField<double?>("score", true),
        new DataField<string>("status", false),
        new DataField<string>("raw", true),
        new DataField<string>("expected", true),
        new DataField<int>("revision", false));

    public static async Task WriteAsync(ParquetRowGroupWriter group, string runId, IReadOnlyList<Judgment> rows)
    {
        var fields = Schema.GetDataFields();
        await group.WriteAsync(fields[0], ColumnArrays.Repeat(runId, rows.Count)).ConfigureAwait(false);
        await group.WriteAsync(fields[1], ColumnArrays.Map(rows, r => r.SampleId)).ConfigureAwait(false);
        await group.WriteAsync(fields[2], ColumnArrays.Map(rows, r => r.VariantId)).ConfigureAwait(false);
        await group.WriteAsync(fields[3], ColumnArrays.Map(rows, r => r.ModelId)).ConfigureAwait(false);
        await group.WriteAsync(fields[4], ColumnArrays.Map(rows, r => r.TaskId)).ConfigureAwait(false);
        await group.WriteAsync(fields[5], ColumnArrays.Map(rows, r => r.Subset)).ConfigureAwait(false);
        await group.WriteAsync(fields[6], ColumnArrays.Map(rows, r => r.JudgeId)).ConfigureAwait(false);
        await group.WriteAsync(fields[7], ColumnArrays.Map(rows, r => r.JudgeVersion)).ConfigureAwait(false);
        await group.WriteAsync(fields[8], ColumnArrays.Map(rows, r => r.Label)).ConfigureAwait(false);
        await group.WriteAsync<double>(fields[9], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.Score))).ConfigureAwait(false);
        await group.WriteAsync(fields[10], ColumnArrays.Map(rows, r => r.Status.ToName())).ConfigureAwait(false);
        await group.WriteAsync(fields[11], ColumnArrays.Map(rows, r => r.Raw)).ConfigureAwait(false);
        await group.WriteAsync(fields[12], ColumnArrays.Map(rows, r => r.Expected)).ConfigureAwait(false);
        await group.WriteAsync<int>(fields[13], ColumnArrays.Map(rows, r => r.Revision).AsMemory()).ConfigureAwait(false);
    }

    public static async Task<Judgment[]> ReadAsync(ColumnSource c)
    {
        var sampleId = await c.RequiredStringsAsync("sample_id").ConfigureAwait(false);
        var variantId = await c.RequiredStringsAsync("variant_id").ConfigureAwait(false);
        var modelId = await c.RequiredStringsAsync("model_id").ConfigureAwait(false);
        var taskId = await c.RequiredStringsAsync("task_id").ConfigureAwait(false);
        var subset = await c.RequiredStringsAsync("subset").ConfigureAwait(false);
        var judgeId = await c.RequiredStringsAsync("judge_id").ConfigureAwait(false);
        var judgeVersion = await c.RequiredStringsAsync("judge_version").ConfigureAwait(false);
        var label = await c.StringsAsync("label").ConfigureAwait(false);
        var score = await c.NullableValuesAsync<double>("score").ConfigureAwait(false);
        var status = await c.RequiredStringsAsync("status").ConfigureAwait(false);
        var raw = await c.StringsAsync("raw").ConfigureAwait(false);
        var expected = await c.StringsAsync("expected").ConfigureAwait(false);
        var revision = await RevisionsAsync(c).ConfigureAwait(false);

        var result = new Judgment[c.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new Judgment(
                sampleId[i], variantId[i], modelId[i], taskId[i], subset[i], judgeId[i], judgeVersion[i], label[i], score[i],
                JudgmentStatusNames.Parse(status[i]), raw[i], expected[i], revision[i]);
        }

        return result;
    }

    /// <summary>The <c>revision</c> column; all 0 in parts written before it existed (every row then was a first judgment).</summary>
    public static Task<int[]> RevisionsAsync(ColumnSource c) =>
        c.HasColumn("revision") ? c.ValuesAsync<int>("revision") : Task.FromResult(new int[c.RowCount]);
}
