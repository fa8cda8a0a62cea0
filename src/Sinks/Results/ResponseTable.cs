using MultiTrust.Core.Records;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>The columns of the <c>responses</c> table (see docs/schema.md).</summary>
internal static class ResponseTable
{
    public static readonly ParquetSchema Schema = new(
        new DataField<string>("run_id", false),
        new DataField<string>("sample_id", false),
        new DataField<string>("variant_id", false),
        new DataField<string>("model_id", false),
        new DataField<string>("task_id", false),
        new DataField<string>("request_hash", false),
        new DataField<string>("status", false),
        new DataField<string>("text", true),
        new DataField<string>("finish_reason", true),
        new DataField<string>("error", true),
        new DataField<double>("latency_ms", false),
        new DataField<int?>("input_tokens", true),
        new DataField<int?>("output_tokens", true),
        new DataField<int>("attempts", false),
        new DataField<bool>("cache_hit", false),
        new DataField<string>("image_sha256s", false));

    public static async Task WriteAsync(ParquetRowGroupWriter group, string runId, IReadOnlyList<ModelResponse> rows)
    {
        var n = rows.Count;
        var fields = Schema.GetDataFields();
        await group.WriteAsync(fields[0], ColumnArrays.Repeat(runId, n)).ConfigureAwait(false);
        await group.WriteAsync(fields[1], ColumnArrays.Map(rows, r => r.SampleId)).ConfigureAwait(false);
        await group.WriteAsync(fields[2], ColumnArrays.Map(rows, r => r.VariantId)).ConfigureAwait(false);
        await group.WriteAsync(fields[3], ColumnArrays.Map(rows, r => r.ModelId)).ConfigureAwait(false);
        await group.WriteAsync(fields[4], ColumnArrays.Map(rows, r => r.TaskId)).ConfigureAwait(false);
        await group.WriteAsync(fields[5], ColumnArrays.Map(rows, r => r.RequestHash)).ConfigureAwait(false);
        await group.WriteAsync(fields[6], ColumnArrays.Map(rows, r => r.Status.ToName())).ConfigureAwait(false);
        await group.WriteAsync(fields[7], ColumnArrays.Map(rows, r => r.Text)).ConfigureAwait(false);
        await group.WriteAsync(fields[8], ColumnArrays.Map(rows, r => r.FinishReason)).ConfigureAwait(false);
        await group.WriteAsync(fields[9], ColumnArrays.Map(rows, r => r.Error)).ConfigureAwait(false);
        await group.WriteAsync<double>(fields[10], ColumnArrays.Map(rows, r => r.LatencyMs).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync<int>(fields[11], new ReadOnlyMemory<int?>(ColumnArrays.Map(rows, r => r.InputTokens))).ConfigureAwait(false);
        await group.WriteAsync<int>(fields[12], new ReadOnlyMemory<int?>(ColumnArrays.Map(rows, r => r.OutputTokens))).ConfigureAwait(false);
        await group.WriteAsync<int>(fields[13], ColumnArrays.Map(rows, r => r.Attempts).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync<bool>(fields[14], ColumnArrays.Map(rows, r => r.CacheHit).AsMemory()).ConfigureAwait(false);
        await group.WriteAsync(fields[15], ColumnArrays.Map(rows, r => r.ImageSha256s)).ConfigureAwait(false);
    }

    public static async Task<ModelResponse[]> ReadAsync(ColumnSource c)
    {
        var sampleId = await c.RequiredStringsAsync("sample_id").ConfigureAwait(false);
        var variantId = await c.RequiredStringsAsync("variant_id").ConfigureAwait(false);
        var modelId = await c.RequiredStringsAsync("model_id").ConfigureAwait(false);
        var taskId = await c.RequiredStringsAsync("task_id").ConfigureAwait(false);
        var requestHash = await c.RequiredStringsAsync("request_hash").ConfigureAwait(false);
        var status = await c.RequiredStringsAsync("status").ConfigureAwait(false);
        var text = await c.StringsAsync("text").ConfigureAwait(false);
        var finishReason = await c.StringsAsync("finish_reason").ConfigureAwait(false);
        var error = await c.StringsAsync("error").ConfigureAwait(false);
        var latency = await c.ValuesAsync<double>("latency_ms").ConfigureAwait(false);
        var inputTokens = await c.NullableValuesAsync<int>("input_tokens").ConfigureAwait(false);
        var outputTokens = await c.NullableValuesAsync<int>("output_tokens").ConfigureAwait(false);
        var attempts = await c.ValuesAsync<int>("attempts").ConfigureAwait(false);
        var cacheHit = await c.ValuesAsync<bool>("cache_hit").ConfigureAwait(false);
        var images = await c.RequiredStringsAsync("image_sha256s").ConfigureAwait(false);

        var result = new ModelResponse[c.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ModelResponse(
                sampleId[i], variantId[i], modelId[i], taskId[i], requestHash[i], ResponseStatusNames.Parse(status[i]),
                text[i], finishReason[i], error[i], latency[i], inputTokens[i], outputTokens[i], attempts[i], cacheHit[i], images[i]);
        }

        return result;
    }
}
