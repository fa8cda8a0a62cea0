using MultiTrust.Core.Records;
using MultiTrust.Sinks.Results;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Metrics;

/// <summary>The columns of <c>scores.parquet</c> (see docs/schema.md).</summary>
internal static class ScoreTable
{
    public static readonly ParquetSchema Schema = new(
        new DataField<string>("run_id", false),
        new DataField<string>("model_id", false),
        new DataField<string>("level", false),
        new DataField<string>("key", false),
        new DataField<double?>("value", true),
        new DataField<string>("note", true));

    public static async Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<ScoreRow> rows)
    {
        var fields = Schema.GetDataFields();
        await group.WriteAsync(fields[0], ColumnArrays.Map(rows, r => r.RunId)).ConfigureAwait(false);
        await group.WriteAsync(fields[1], ColumnArrays.Map(rows, r => r.ModelId)).ConfigureAwait(false);
        await group.WriteAsync(fields[2], ColumnArrays.Map(rows, r => r.Level)).ConfigureAwait(false);
        await group.WriteAsync(fields[3], ColumnArrays.Map(rows, r => r.Key)).ConfigureAwait(false);
        await group.WriteAsync<double>(fields[4], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.Value))).ConfigureAwait(false);
        await group.WriteAsync(fields[5], ColumnArrays.Map(rows, r => r.Note)).ConfigureAwait(false);
    }

    public static async Task<ScoreRow[]> ReadAsync(ColumnSource c)
    {
        var runId = await c.RequiredStringsAsync("run_id").ConfigureAwait(false);
        var modelId = await c.RequiredStringsAsync("model_id").ConfigureAwait(false);
        var level = await c.RequiredStringsAsync("level").ConfigureAwait(false);
        var key = await c.RequiredStringsAsync("key").ConfigureAwait(false);
        var value = await c.NullableValuesAsync<double>("value").ConfigureAwait(false);
        var note = await c.StringsAsync("note").ConfigureAwait(false);
        var result = new ScoreRow[c.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ScoreRow(runId[i], modelId[i], level[i], key[i], value[i], note[i]);
        }

        return result;
    }
}
