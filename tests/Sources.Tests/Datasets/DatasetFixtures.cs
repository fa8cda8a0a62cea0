using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using MultiTrust.Core.Imaging;
using Parquet;
using Parquet.Schema;

namespace MultiTrust.Sources.Tests.Datasets;

/// <summary>The same rows written as Parquet (several row groups), Arrow IPC (several batches) and JSONL.</summary>
internal static class DatasetFixtures
{
    public sealed record Row(string Question, string? Image, string? Answer, string? Split);

    public static byte[] Png(byte shade) => PngEncoder.Encode(Enumerable.Repeat(shade, 4 * 4 * 3).ToArray(), 4, 4, 3);

    public static async Task WriteParquetAsync(string path, IReadOnlyList<Row> rows, int rowGroup, bool nullablePrompt = false)
    {
        var question = new DataField<string>("question", nullablePrompt);
        var image = new DataField<string>("image_path", true);
        var answer = new DataField<string>("answer", true);
        var split = new DataField<string>("split", true);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(question, image, answer, split), stream);
        foreach (var chunk in rows.Chunk(rowGroup))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(question, chunk.Select(r => r.Question).ToArray());
            await group.WriteAsync(image, chunk.Select(r => r.Image).ToArray());
            await group.WriteAsync(answer, chunk.Select(r => r.Answer).ToArray());
            await group.WriteAsync(split, chunk.Select(r => r.Split).ToArray());
        }
    }

    /// <summary>Prompts <c>q0, q1, ...</c> and a LIST&lt;STRING&gt; column <c>images</c>, in one row group.</summary>
    public static async Task WriteParquetWithImageListsAsync(string path, IReadOnlyList<string[]> lists)
    {
        var question = new DataField<string>("question", false);
        var images = new ListField("images", new DataField<string>("element", false));
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(question, images), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(question, lists.Select((_, i) => $"q{i}").ToArray());
        var values = lists.SelectMany(l => l).ToArray();
        var levels = lists.SelectMany(l => l.Select((_, j) => j == 0 ? 0 : 1)).ToArray();
        await group.WriteAsync((DataField)images.Item, values, levels);
    }

    public static async Task WriteArrowAsync(string path, IReadOnlyList<Row> rows, int batch, IReadOnlyList<byte[]>? bytes = null)
    {
        var builder = new Schema.Builder()
            .Field(f => f.Name("question").DataType(StringType.Default).Nullable(false))
            .Field(f => f.Name("image_path").DataType(StringType.Default).Nullable(true))
            .Field(f => f.Name("answer").DataType(StringType.Default).Nullable(true))
            .Field(f => f.Name("split").DataType(StringType.Default).Nullable(true));
        if (bytes is not null)
        {
            builder = builder.Field(f => f.Name("png").DataType(BinaryType.Default).Nullable(true));
        }

        var schema = builder.Build();
        await using var stream = File.Create(path);
        using var writer = new ArrowFileWriter(stream, schema);
        var offset = 0;
        foreach (var chunk in rows.Chunk(batch))
        {
            var arrays = new List<IArrowArray> { Strings(chunk.Select(r => r.Question)), Strings(chunk.Select(r => r.Image)), Strings(chunk.Select(r => r.Answer)), Strings(chunk.Select(r => r.Split)) };
            if (bytes is not null)
            {
                var binary = new BinaryArray.Builder();
                foreach (var b in bytes.Skip(offset).Take(chunk.Length))
                {
                    binary.Append(b.AsSpan());
                }

                arrays.Add(binary.Build());
            }

            await writer.WriteRecordBatchAsync(new RecordBatch(schema, arrays, chunk.Length));
            offset += chunk.Length;
        }

        await writer.WriteEndAsync();
    }

    public static async Task WriteJsonlAsync(string path, IReadOnlyList<Row> rows) =>
        await File.WriteAllLinesAsync(path, rows.Select(r => JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["question"] = r.Question,
            ["image_path"] = r.Image,
            ["answer"] = r.Answer,
            ["split"] = r.Split,
        })));

    private static StringArray Strings(IEnumerable<string?> values)
    {
        var builder = new StringArray.Builder();
        foreach (var value in values)
        {
            if (value is null)
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(value);
            }
        }

        return builder.Build();
    }
}
