using MultiTrust.Sinks.Results;
using MultiTrust.Sinks.Compare;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Metrics;

/// <summary>
/// The columns of <c>paired.parquet</c>, one row per (run, model, task, metric, perturbation variant):
/// <list type="table">
/// <item><term>run_id, model_id, task_id, metric</term><description>string, not null: the metric of the task.</description></item>
/// <item><term>variant</term><description>string, not null: the perturbed variant id (never <c>clean</c>).</description></item>
/// <item><term>n_pairs</term><description>int64: samples judged on both the clean and the perturbed variant.</description></item>
/// <item><term>clean_value, perturbed_value</term><description>double: the metric over the paired samples, clean and perturbed.</description></item>
/// <item><term>delta</term><description>double: perturbed_value − clean_value.</description></item>
/// <item><term>ci_low, ci_high</term><description>double, nullable: 95% CI of delta (Newcombe hybrid score interval for
/// 0/1 scores, paired t otherwise; null with fewer than 2 pairs of non-0/1 scores).</description></item>
/// <item><term>mcnemar_b, mcnemar_c</term><description>int64, nullable: discordant pairs clean 1 → perturbed 0 and
/// clean 0 → perturbed 1; null when the scores are not all 0/1.</description></item>
/// <item><term>p_value</term><description>double, nullable: McNemar (exact when b + c &lt; 25, else χ² with continuity
/// correction) for 0/1 scores, paired t-test otherwise.</description></item>
/// </list>
/// </summary>
internal static class PairedTable
{
    public static readonly ParquetSchema Schema = new(
        new DataField<string>("run_id", false),
        new DataField<string>("model_id", false),
        new DataField<string>("task_id", false),
        new DataField<string>("metric", false),
        new DataField<string>("variant", false),
        new DataField<long>("n_pairs", false),
        new DataField<double>("clean_value", false),
        new DataField<double>("perturbed_value", false),
        new DataField<double>("delta", false),
        new DataField<double?>("ci_low", true),
        new DataField<double?>("ci_high", true),
        new DataField<long?>("mcnemar_b", true),
        new DataField<long?>("mcnemar_c", true),
        new DataField<double?>("p_value", true));

    public static async Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<PerturbationEffectRow> rows)
    {
        var f = Schema.GetDataFields();
        await group.WriteAsync(f[0], ColumnArrays.Map(rows, r => r.RunId)).ConfigureAwait(false);
        await group.WriteAsync(f[1], ColumnArrays.Map(rows, r => r.ModelId)).ConfigureAwait(false);
        await group.WriteAsync(f[2], ColumnArrays.Map(rows, r => r.TaskId)).ConfigureAwait(false);
        await group.WriteAsync(f[3], ColumnArrays.Map(rows, r => r.Metric)).ConfigureAwait(false);
        await group.WriteAsync(f[4], ColumnArrays.Map(rows, r => r.Variant)).ConfigureAwait(false);
        await group.WriteAsync<long>(f[5], ColumnArrays.Map(rows, r => r.NPairs).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync<double>(f[6], ColumnArrays.Map(rows, r => r.CleanValue).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync<double>(f[7], ColumnArrays.Map(rows, r => r.PerturbedValue).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync<double>(f[8], ColumnArrays.Map(rows, r => r.Delta).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync<double>(f[9], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.CiLow))).ConfigureAwait(false);
        await group.WriteAsync<double>(f[10], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.CiHigh))).ConfigureAwait(false);
        await group.WriteAsync<long>(f[11], new ReadOnlyMemory<long?>(ColumnArrays.Map(rows, r => r.McNemarB))).ConfigureAwait(false);
        await group.WriteAsync<long>(f[12], new ReadOnlyMemory<long?>(ColumnArrays.Map(rows, r => r.McNemarC))).ConfigureAwait(false);
        await group.WriteAsync<double>(f[13], new ReadOnlyMemory<double?>(ColumnArrays.Map(rows, r => r.PValue))).ConfigureAwait(false);
    }

    public static async Task<PerturbationEffectRow[]> ReadAsync(ColumnSource c)
    {
        var runId = await c.RequiredStringsAsync("run_id").ConfigureAwait(false);
        var modelId = await c.RequiredStringsAsync("model_id").ConfigureAwait(false);
        var taskId = await c.RequiredStringsAsync("task_id").ConfigureAwait(false);
        var metric = await c.RequiredStringsAsync("metric").ConfigureAwait(false);
        var variant = await c.RequiredStringsAsync("variant").ConfigureAwait(false);
        var pairs = await c.ValuesAsync<long>("n_pairs").ConfigureAwait(false);
        var clean = await c.ValuesAsync<double>("clean_value").ConfigureAwait(false);
        var perturbed = await c.ValuesAsync<double>("perturbed_value").ConfigureAwait(false);
        var delta = await c.ValuesAsync<double>("delta").ConfigureAwait(false);
        var ciLow = await c.NullableValuesAsync<double>("ci_low").ConfigureAwait(false);
        var ciHigh = await c.NullableValuesAsync<double>("ci_high").ConfigureAwait(false);
        var b = await c.NullableValuesAsync<long>("mcnemar_b").ConfigureAwait(false);
        var cc = await c.NullableValuesAsync<long>("mcnemar_c").ConfigureAwait(false);
        var p = await c.NullableValuesAsync<double>("p_value").ConfigureAwait(false);
        var result = new PerturbationEffectRow[c.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new PerturbationEffectRow(
                runId[i], modelId[i], taskId[i], metric[i], variant[i], pairs[i], clean[i], perturbed[i], delta[i], ciLow[i], ciHigh[i], b[i], cc[i], p[i]);
        }

        return result;
    }
}
