using MultiTrust.Core.Records;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sinks.Results;

/// <summary>The columns of the <c>samples</c> table (see docs/schema.md).</summary>
internal static class SampleTable
{
    public static readonly ParquetSchema Schema = new(
        new DataField<string>("run_id", false),
        new DataField<string>("sample_id", false),
        new DataField<string>("task_id", false),
        new DataField<string>("aspect", false),
        new DataField<string>("sub_aspect", false),
        new DataField<string>("subset", false),
        new DataField<string>("prompt", false),
        new DataField<string>("image_sha256s", false),
        new DataField<string>("image_paths", false),
        new DataField<string>("expected", true),
        new DataField<string>("reference", true),
        new DataField<string>("secrets", false),
        new DataField<string>("metadata", false),
        new DataField<string>("variant_id", false),
        new DataField<string>("variant_name", false),
        new DataField<string>("variant_params", false),
        new DataField<long>("variant_seed", false));

    public static async Task WriteAsync(ParquetRowGroupWriter group, string runId, IReadOnlyList<SampleRow> rows, ImagePaths imagePaths)
    {
        var fields = Schema.GetDataFields();
        using var json = new JsonText();
        await group.WriteAsync(fields[0], ColumnArrays.Repeat(runId, rows.Count)).ConfigureAwait(false);
        await group.WriteAsync(fields[1], ColumnArrays.Map(rows, r => r.Sample.Id)).ConfigureAwait(false);
        await group.WriteAsync(fields[2], ColumnArrays.Map(rows, r => r.Sample.TaskId)).ConfigureAwait(false);
        await group.WriteAsync(fields[3], ColumnArrays.Map(rows, r => r.Sample.Aspect)).ConfigureAwait(false);
        await group.WriteAsync(fields[4], ColumnArrays.Map(rows, r => r.Sample.SubAspect)).ConfigureAwait(false);
        await group.WriteAsync(fields[5], ColumnArrays.Map(rows, r => r.Sample.Subset)).ConfigureAwait(false);
        await group.WriteAsync(fields[6], ColumnArrays.Map(rows, r => r.Sample.Prompt)).ConfigureAwait(false);
        await group.WriteAsync(fields[7], ColumnArrays.Map(rows, r => ImageHashes(r.Sample))).ConfigureAwait(false);
        await group.WriteAsync(fields[8], ColumnArrays.Map(rows, r => Paths(r.Sample, imagePaths, json))).ConfigureAwait(false);
        await group.WriteAsync(fields[9], ColumnArrays.Map(rows, r => r.Sample.Target.Expected)).ConfigureAwait(false);
        await group.WriteAsync(fields[10], ColumnArrays.Map(rows, r => r.Sample.Target.Reference)).ConfigureAwait(false);
        await group.WriteAsync(fields[11], ColumnArrays.Map(rows, r => json.Array(r.Sample.Target.Secrets))).ConfigureAwait(false);
        await group.WriteAsync(fields[12], ColumnArrays.Map(rows, r => json.Object(r.Sample.Metadata))).ConfigureAwait(false);
        await group.WriteAsync(fields[13], ColumnArrays.Map(rows, r => r.Variant.Id)).ConfigureAwait(false);
        await group.WriteAsync(fields[14], ColumnArrays.Map(rows, r => r.Variant.Name)).ConfigureAwait(false);
        await group.WriteAsync(fields[15], ColumnArrays.Map(rows, r => r.Variant.ParametersJson)).ConfigureAwait(false);
        await group.WriteAsync<long>(fields[16], ColumnArrays.Map(rows, r => r.Variant.Seed).AsMemory()).ConfigureAwait(false);
    }

    private static string ImageHashes(Sample sample) => sample.Images.IsDefaultOrEmpty
        ? string.Empty
        : sample.Images.Length == 1 ? sample.Images[0].Sha256 : string.Join(',', sample.Images.Select(i => i.Sha256));

    private static string Paths(Sample sample, ImagePaths imagePaths, JsonText json) => sample.Images.IsDefaultOrEmpty
        ? "[]"
        : json.Array(sample.Images.Select(i => imagePaths.Stored(i.Path)));
}
