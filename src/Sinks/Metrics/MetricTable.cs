using MultiTrust.Core.Records;
using MultiTrust.Sinks.Results;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Metrics;

/// <summary>The columns of <c>metrics.parquet</c> (see docs/schema.md).</summary>
internal static class MetricTable
{
    public static readonly ParquetSchema Schema = new(
        new DataField<string>("run_id", false),
        new DataField<string>("model_id", false),
        new DataField<string>("task_id", false),
        new DataField<string>("subset", false),
        new DataField<string>("metric", false),
        new DataField<double?>("value", true),
        new DataField<long>("n", false),
        new DataField<double?>("ci_low", true),
        new DataField<double?>("ci_high", true),
        new DataField<long>("excluded", false),
        new DataField<string>("variant", false));

    public static async Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<MetricRow> rows)
    {
        var fields = Schema.GetDataFields();
        await group.WriteAsync(fields[0], ColumnArrays.Map(rows, r => r.RunId)).ConfigureAwait(false);
        await group.WriteAsync(fields[1], ColumnArrays.Map(rows, r => r.ModelId)).ConfigureAwait(false);
        await group.WriteAsync(fields[2], ColumnArrays.Map(rows, r => r.TaskId)).ConfigureAwait(false);
        await group.WriteAsync(fields[3], ColumnArrays.Map(rows, r => r.Subset)).ConfigureAwait(false);
        await group.WriteAsync(fields[4], ColumnArrays.Map(rows, r => r.Metric)).ConfigureAwait(false);
        await group.WriteAsync<double>(fields[5], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.Value))).ConfigureAwait(false);
        await group.WriteAsync<long>(fields[6], ColumnArrays.Map(rows, r => r.N).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync<double>(fields[7], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.CiLow))).ConfigureAwait(false);
        await group.WriteAsync<double>(fields[8], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.CiHigh))).ConfigureAwait(false);
        await group.WriteAsync<long>(fields[9], ColumnArrays.Map(rows, r => r.Excluded).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync(fields[10], ColumnArrays.Map(rows, r => r.Variant)).ConfigureAwait(false);
    }

    public static async Task<MetricRow[]> ReadAsync(ColumnSource c)
    {
        var runId = await c.RequiredStringsAsync("run_id").ConfigureAwait(false);
        var modelId = await c.RequiredStringsAsync("model_id").ConfigureAwait(false);
        var taskId = await c.RequiredStringsAsync("task_id").ConfigureAwait(false);
        var subset = await c.RequiredStringsAsync("subset").ConfigureAwait(false);
        var metric = await c.RequiredStringsAsync("metric").ConfigureAwait(false);
        var value = await c.NullableValuesAsync<double>("value").ConfigureAwait(false);
        var n = await c.ValuesAsync<long>("n").ConfigureAwait(false);
        var ciLow = await c.NullableValuesAsync<double>("ci_low").ConfigureAwait(false);
        var ciHigh = await c.NullableValuesAsync<double>("ci_high").ConfigureAwait(false);
        var excluded = await c.ValuesAsync<long>("excluded").ConfigureAwait(false);
        var variant = await c.RequiredStringsAsync("variant").ConfigureAwait(false);
        var result = new MetricRow[c.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new MetricRow(runId[i], modelId[i], taskId[i], subset[i], metric[i], value[i], n[i], ciLow[i], ciHigh[i], excluded[i],
                variant[i]);
        }

        return result;
    }
}
