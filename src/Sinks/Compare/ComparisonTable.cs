using MultiTrust.Sinks.Results;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Compare;

/// <summary>
/// The columns of <c>compare.parquet</c>: <c>run_a</c>, <c>run_b</c> and then the fields of <see cref="ComparisonRow"/>
/// in snake_case (<c>level, model_a, model_b, key, metric, value_a, value_b, delta, ci_low, ci_high, p_value, n_a,
/// n_b, n_pairs, paired, method, higher_is_better, status, note</c>); values and CI nullable doubles, counts int64.
/// </summary>
internal static class ComparisonTable
{
    public static readonly ParquetSchema Schema = new(
        new DataField<string>("run_a", false),
        new DataField<string>("run_b", false),
        new DataField<string>("level", false),
        new DataField<string>("model_a", false),
        new DataField<string>("model_b", false),
        new DataField<string>("key", false),
        new DataField<string>("metric", false),
        new DataField<double?>("value_a", true),
        new DataField<double?>("value_b", true),
        new DataField<double?>("delta", true),
        new DataField<double?>("ci_low", true),
        new DataField<double?>("ci_high", true),
        new DataField<double?>("p_value", true),
        new DataField<long>("n_a", false),
        new DataField<long>("n_b", false),
        new DataField<long>("n_pairs", false),
        new DataField<bool>("paired", false),
        new DataField<string>("method", false),
        new DataField<bool>("higher_is_better", false),
        new DataField<string>("status", false),
        new DataField<string>("note", true));

    public static async Task WriteAsync(ParquetRowGroupWriter group, RunComparison comparison)
    {
        var rows = comparison.Rows;
        var f = Schema.GetDataFields();
        await group.WriteAsync(f[0], ColumnArrays.Repeat(comparison.RunA, rows.Count)).ConfigureAwait(false);
        await group.WriteAsync(f[1], ColumnArrays.Repeat(comparison.RunB, rows.Count)).ConfigureAwait(false);
        await group.WriteAsync(f[2], ColumnArrays.Map(rows, r => r.Level)).ConfigureAwait(false);
        await group.WriteAsync(f[3], ColumnArrays.Map(rows, r => r.ModelA)).ConfigureAwait(false);
        await group.WriteAsync(f[4], ColumnArrays.Map(rows, r => r.ModelB)).ConfigureAwait(false);
        await group.WriteAsync(f[5], ColumnArrays.Map(rows, r => r.Key)).ConfigureAwait(false);
        await group.WriteAsync(f[6], ColumnArrays.Map(rows, r => r.Metric)).ConfigureAwait(false);
        await group.WriteAsync<double>(f[7], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.ValueA))).ConfigureAwait(false);
        await group.WriteAsync<double>(f[8], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.ValueB))).ConfigureAwait(false);
        await group.WriteAsync<double>(f[9], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.Delta))).ConfigureAwait(false);
        await group.WriteAsync<double>(f[10], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.CiLow))).ConfigureAwait(false);
        await group.WriteAsync<double>(f[11], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.CiHigh))).ConfigureAwait(false);
        await group.WriteAsync<double>(f[12], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.PValue))).ConfigureAwait(false);
        await group.WriteAsync<long>(f[13], ColumnArrays.Map(rows, r => r.NA).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync<long>(f[14], ColumnArrays.Map(rows, r => r.NB).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync<long>(f[15], ColumnArrays.Map(rows, r => r.NPairs).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync<bool>(f[16], ColumnArrays.Map(rows, r => r.Paired).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync(f[17], ColumnArrays.Map(rows, r => r.Method)).ConfigureAwait(false);
        await group.WriteAsync<bool>(f[18], ColumnArrays.Map(rows, r => r.HigherIsBetter).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync(f[19], ColumnArrays.Map(rows, r => r.Status)).ConfigureAwait(false);
        await group.WriteAsync(f[20], ColumnArrays.Map(rows, r => r.Note)).ConfigureAwait(false);
    }

    public static async Task<ComparisonRow[]> ReadAsync(ColumnSource c)
    {
        var level = await c.RequiredStringsAsync("level").ConfigureAwait(false);
        var modelA = await c.RequiredStringsAsync("model_a").ConfigureAwait(false);
        var modelB = await c.RequiredStringsAsync("model_b").ConfigureAwait(false);
        var key = await c.RequiredStringsAsync("key").ConfigureAwait(false);
        var metric = await c.RequiredStringsAsync("metric").ConfigureAwait(false);
        var valueA = await c.NullableValuesAsync<double>("value_a").ConfigureAwait(false);
        var valueB = await c.NullableValuesAsync<double>("value_b").ConfigureAwait(false);
        var delta = await c.NullableValuesAsync<double>("delta").ConfigureAwait(false);
        var ciLow = await c.NullableValuesAsync<double>("ci_low").ConfigureAwait(false);
        var ciHigh = await c.NullableValuesAsync<double>("ci_high").ConfigureAwait(false);
        var p = await c.NullableValuesAsync<double>("p_value").ConfigureAwait(false);
        var nA = await c.ValuesAsync<long>("n_a").ConfigureAwait(false);
        var nB = await c.ValuesAsync<long>("n_b").ConfigureAwait(false);
        var pairs = await c.ValuesAsync<long>("n_pairs").ConfigureAwait(false);
        var paired = await c.ValuesAsync<bool>("paired").ConfigureAwait(false);
        var method = await c.RequiredStringsAsync("method").ConfigureAwait(false);
        var higher = await c.ValuesAsync<bool>("higher_is_better").ConfigureAwait(false);
        var status = await c.RequiredStringsAsync("status").ConfigureAwait(false);
        var note = await c.StringsAsync("note").ConfigureAwait(false);
        var result = new ComparisonRow[c.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ComparisonRow(
                level[i], modelA[i], modelB[i], key[i], metric[i], valueA[i], valueB[i], delta[i], ciLow[i], ciHigh[i], p[i],
                nA[i], nB[i], pairs[i], paired[i], method[i], higher[i], status[i], note[i]);
        }

        return result;
    }
}
