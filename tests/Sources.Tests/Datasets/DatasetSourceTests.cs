using MultiTrust.Core.Contracts;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Datasets;
using MultiTrust.Sources.Official;
using MultiTrust.Sources.Storage;

namespace MultiTrust.Sources.Tests.Datasets;

public sealed class DatasetSourceTests : IDisposable
{
    private static readonly TaskInfo s_task = new("t1-basic", "T.1", "Truthfulness", "T.A", "Basic", ["accuracy"]);
    private static readonly DatasetColumns s_columns = new("question", "image_path", null, "answer", null, "split");

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("parquet")]
    [InlineData("arrow")]
    [InlineData("jsonl")]
    public async Task ReadAsync_EachFormat_YieldsEveryRowMappedWithImagesHashedFromTheirFiles(string format)
    {
        var rows = await RowsWithImagesAsync(25);
        var path = await WriteAsync(format, rows);

        var samples = await ReadAllAsync(new DatasetSource(new DatasetSourceDefinition(path, format, s_columns, Here)), int.MaxValue);

        Assert.Equal(25, samples.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Question, samples[i].Prompt);
            Assert.Equal(rows[i].Answer, samples[i].Target.Expected);
            Assert.Equal(rows[i].Answer, samples[i].Target.Reference);
            Assert.Equal(rows[i].Split ?? DatasetColumns.DefaultSubset, samples[i].Subset);
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), samples[i].Metadata[DatasetSource.RowKey]);
            if (rows[i].Image is { } image)
            {
                var bytes = await File.ReadAllBytesAsync(Path.Combine(_dir.Path, image));
                Assert.Equal(ContentHasher.Sha256Hex(bytes), Assert.Single(samples[i].Images).Sha256);
                Assert.Equal("image/png", samples[i].Images[0].MediaType);
            }
            else
            {
                Assert.Empty(samples[i].Images);
            }
        }
    }

    [Fact]
    public async Task ReadAsync_SameRowsInThreeFormats_GiveTheSameSampleIds()
    {
        var rows = await RowsWithImagesAsync(12);
        var ids = new List<string[]>();
        foreach (var format in new[] { "parquet", "arrow", "jsonl" })
        {
            var path = await WriteAsync(format, rows);
            var samples = await ReadAllAsync(new DatasetSource(new DatasetSourceDefinition(path, format, s_columns, Here)), int.MaxValue);
            ids.Add([.. samples.Select(s => s.Id)]);
        }

        Assert.Equal(12, ids[0].Distinct().Count());
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[0], ids[2]);
    }

    [Fact]
    public async Task ReadAsync_ImageBytesColumn_StoresTheBytesContentAddressed()
    {
        var rows = Enumerable.Range(0, 3).Select(i => new DatasetFixtures.Row($"q{i}", null, "yes", null)).ToList();
        var images = rows.Select((_, i) => DatasetFixtures.Png((byte)(40 * i))).ToList();
        var path = Path.Combine(_dir.Path, "bytes.arrow");
        await DatasetFixtures.WriteArrowAsync(path, rows, batch: 2, images);
        var blobs = new FileBlobStore(Path.Combine(_dir.Path, "out"));
        var columns = s_columns with { Image = null, ImageBytes = "png" };

        var samples = await ReadAllAsync(new DatasetSource(new DatasetSourceDefinition(path, "arrow", columns, Here)), int.MaxValue, blobs);

        for (var i = 0; i < 3; i++)
        {
            var image = Assert.Single(samples[i].Images);
            Assert.Equal(ContentHasher.Sha256Hex(images[i]), image.Sha256);
            Assert.Equal(images[i], await blobs.ReadAsync(image, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ReadAsync_ParquetListOfImagePaths_EveryImageOfTheRowInOrder()
    {
        await RowsWithImagesAsync(5); // writes img/0.png ... img/4.png
        var lists = new[] { new[] { "img/0.png", "img/1.png" }, ["img/3.png"], ["img/4.png", "img/0.png", "img/1.png"] };
        var path = Path.Combine(_dir.Path, "lists.parquet");
        await DatasetFixtures.WriteParquetWithImageListsAsync(path, lists);
        var columns = new DatasetColumns("question", "images", null, null, null, null);

        var samples = await ReadAllAsync(new DatasetSource(new DatasetSourceDefinition(path, "parquet", columns, Here)), int.MaxValue);

        Assert.Equal(3, samples.Count);
        for (var i = 0; i < lists.Length; i++)
        {
            var expected = lists[i].Select(p => ContentHasher.Sha256Hex(File.ReadAllBytes(Path.Combine(_dir.Path, p))));
            Assert.Equal(expected, samples[i].Images.Select(image => image.Sha256));
            Assert.Equal($"q{i}", samples[i].Prompt);
        }
    }

    [Fact]
    public async Task ReadAsync_MissingImageFile_IsTheSamplesInputErrorNotACrash()
    {
        var rows = new List<DatasetFixtures.Row> { new("q", "img/none.png", "yes", null), new("q2", null, "no", null) };
        var path = await WriteAsync("jsonl", rows);

        var samples = await ReadAllAsync(new DatasetSource(new DatasetSourceDefinition(path, "jsonl", s_columns, Here)), int.MaxValue);

        Assert.Equal(2, samples.Count);
        Assert.Contains("none.png", samples[0].Metadata[SampleMetadataKeys.InputError], StringComparison.Ordinal);
        Assert.False(samples[1].Metadata.ContainsKey(SampleMetadataKeys.InputError));
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("arrow")]
    [InlineData("jsonl")]
    public async Task CountAsync_MissingMappedColumn_NamesTheColumnAndTheFile(string format)
    {
        var path = await WriteAsync(format, await RowsWithImagesAsync(3));
        var source = new DatasetSource(new DatasetSourceDefinition(path, format, s_columns with { Target = "label" }, Here));

        var error = await Assert.ThrowsAsync<AnnotationException>(() => source.CountAsync(s_task, Context(10), CancellationToken.None));

        Assert.Contains("'label' (target) not found", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("question", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountAsync_MalformedJsonLine_NamesFileAndLine()
    {
        var path = Path.Combine(_dir.Path, "bad.jsonl");
        await File.WriteAllLinesAsync(path, ["{\"question\": \"a\"}", "{\"question\": \"b\"}", "{\"question\": oops"]);
        var source = new DatasetSource(new DatasetSourceDefinition(path, "jsonl", DatasetColumns.Default with { Prompt = "question" }, Here));

        var error = await Assert.ThrowsAsync<AnnotationException>(() => source.CountAsync(s_task, Context(10), CancellationToken.None));

        Assert.Equal(3, error.Line);
        Assert.StartsWith($"{path}:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountAsync_NullPromptInALaterRowGroup_NamesTheRow()
    {
        var rows = (await RowsWithImagesAsync(14)).ToList();
        rows[11] = rows[11] with { Question = null! };
        var path = await WriteAsync("parquet", rows, nullablePrompt: true);
        var source = new DatasetSource(new DatasetSourceDefinition(path, "parquet", s_columns, Here));

        var error = await Assert.ThrowsAsync<AnnotationException>(() => source.CountAsync(s_task, Context(100), CancellationToken.None));

        Assert.Equal(12, error.Line);
    }

    [Fact]
    public async Task ReadAsync_Count_StopsAfterThatManySamples()
    {
        var path = await WriteAsync("parquet", await RowsWithImagesAsync(30));
        var source = new DatasetSource(new DatasetSourceDefinition(path, "parquet", s_columns, Here));

        Assert.Equal(7, (await ReadAllAsync(source, 7)).Count);
        Assert.Equal(7, await source.CountAsync(s_task, Context(7), CancellationToken.None));
        Assert.Equal(30, await source.CountAsync(s_task, Context(int.MaxValue), CancellationToken.None));
    }

    private static SourceLocation Here => new("test.yaml", 1, 1);

    private TaskGenerationContext Context(int count, FileBlobStore? blobs = null) =>
        new(1, count, blobs ?? new FileBlobStore(Path.Combine(_dir.Path, "out")));

    private async Task<List<Sample>> ReadAllAsync(DatasetSource source, int count, FileBlobStore? blobs = null)
    {
        var result = new List<Sample>();
        await foreach (var sample in source.ReadAsync(s_task, Context(count, blobs), CancellationToken.None))
        {
            result.Add(sample);
        }

        return result;
    }

    private async Task<IReadOnlyList<DatasetFixtures.Row>> RowsWithImagesAsync(int count)
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "img"));
        var rows = new List<DatasetFixtures.Row>();
        for (var i = 0; i < count; i++)
        {
            string? image = null;
            if (i % 3 != 2)
            {
                image = $"img/{i}.png";
                await File.WriteAllBytesAsync(Path.Combine(_dir.Path, image), DatasetFixtures.Png((byte)i));
            }

            rows.Add(new DatasetFixtures.Row($"Is there a square in image {i}?", image, i % 2 == 0 ? "yes" : "no", i % 4 == 0 ? null : $"s{i % 4}"));
        }

        return rows;
    }

    private async Task<string> WriteAsync(string format, IReadOnlyList<DatasetFixtures.Row> rows, bool nullablePrompt = false)
    {
        var path = Path.Combine(_dir.Path, $"data-{Guid.NewGuid():N}.{format}");
        switch (format)
        {
            case "parquet":
                await DatasetFixtures.WriteParquetAsync(path, rows, rowGroup: 10, nullablePrompt);
                break;
            case "arrow":
                await DatasetFixtures.WriteArrowAsync(path, rows, batch: 10);
                break;
            default:
                await DatasetFixtures.WriteJsonlAsync(path, rows);
                break;
        }

        return path;
    }
}
