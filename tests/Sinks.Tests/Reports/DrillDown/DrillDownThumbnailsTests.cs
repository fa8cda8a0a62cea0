using System.Text;
using MultiTrust.Core.Hashing;
using MultiTrust.Sinks.Reports.DrillDown;

namespace MultiTrust.Sinks.Tests.Reports.DrillDown;

public sealed class DrillDownThumbnailsTests : IDisposable
{
    private readonly TempDirectory _out = new();

    public void Dispose() => _out.Dispose();

    private static WorstExample Example(long rank, IReadOnlyList<ExampleImage> images, string task = "t1-basic", string model = "m-a") =>
        new(model, task, $"{task}-{model}-{rank}", "clean", rank, 0, "Is it red?", "answered", "No.", "yes-no: ok no (score 0)")
        {
            Images = images,
        };

    private ExampleImage Stored(byte[] bytes) => new(TestImages.StoreBlob(_out.Path, bytes), "");

    [Fact]
    public async Task AttachAsync_ImageInContentStore_ThumbnailOfIt()
    {
        var image = Stored(TestImages.GradientPng(256, 128));

        var example = Assert.Single(await new DrillDownThumbnails().AttachAsync(_out.Path, [Example(1, [image])]));

        var thumbnail = Assert.Single(example.Thumbnails);
        Assert.Null(thumbnail.Note);
        Assert.Equal((1, 128, 64), (thumbnail.Number, thumbnail.Width, thumbnail.Height));
        var uri = thumbnail.DataUri!;
        Assert.StartsWith($"data:{thumbnail.MediaType};base64,", uri);
        Assert.Equal(thumbnail.Bytes, Convert.FromBase64String(uri[(uri.IndexOf(',') + 1)..]));
    }

    [Fact]
    public async Task AttachAsync_ImageInAPack_ThumbnailOfItsRecord()
    {
        TestImages.PackBlob(_out.Path, TestImages.GradientPng(16, 16));
        var bytes = TestImages.GradientPng(256, 128);
        var address = TestImages.PackBlob(_out.Path, bytes);

        var example = Assert.Single(await new DrillDownThumbnails().AttachAsync(
            _out.Path, [Example(1, [new ExampleImage(ContentHasher.Sha256Hex(bytes), address)])]));

        var thumbnail = Assert.Single(example.Thumbnails);
        Assert.Null(thumbnail.Note);
        Assert.Equal((128, 64), (thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public async Task AttachAsync_OutputFolderMovedAfterTheRun_FindsThePackUnderTheNewFolder()
    {
        var bytes = TestImages.GradientPng(64, 64);
        var address = TestImages.PackBlob(Path.Combine(_out.Path, "before"), bytes);
        Directory.Move(Path.Combine(_out.Path, "before"), Path.Combine(_out.Path, "after"));

        var example = Assert.Single(await new DrillDownThumbnails().AttachAsync(
            Path.Combine(_out.Path, "after"), [Example(1, [new ExampleImage(ContentHasher.Sha256Hex(bytes), address)])]));

        Assert.NotNull(Assert.Single(example.Thumbnails).Bytes);
    }

    [Fact]
    public async Task AttachAsync_PackAddressOfAnotherImage_NoteNamesTheAddress()
    {
        var address = TestImages.PackBlob(_out.Path, TestImages.GradientPng(8, 8));
        var sha = new string('d', 64);

        var example = Assert.Single(await new DrillDownThumbnails().AttachAsync(_out.Path, [Example(1, [new ExampleImage(sha, address)])]));

        var note = Assert.Single(example.Thumbnails).Note;
        Assert.StartsWith("image unreadable: ", note);
        Assert.Contains(address, note);
        Assert.Contains(sha, note);
    }

    [Fact]
    public async Task AttachAsync_OnlyAtTheRecordedSourcePath_ReadFromThere()
    {
        var bytes = TestImages.GradientPng(64, 64);
        var path = Path.Combine(_out.Path, "source", "red.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);

        var example = Assert.Single(await new DrillDownThumbnails().AttachAsync(
            _out.Path, [Example(1, [new ExampleImage(ContentHasher.Sha256Hex(bytes), path)])]));

        Assert.NotNull(Assert.Single(example.Thumbnails).Bytes);
    }

    [Fact]
    public async Task AttachAsync_FileMissing_NoteNamesShaAndPath()
    {
        var sha = new string('a', 64);
        var image = new ExampleImage(sha, "/nowhere/cat.png");

        var example = Assert.Single(await new DrillDownThumbnails().AttachAsync(_out.Path, [Example(1, [image])]));

        var thumbnail = Assert.Single(example.Thumbnails);
        Assert.Null(thumbnail.Bytes);
        Assert.Equal($"image missing: sha256 {sha} at /nowhere/cat.png", thumbnail.Note);
    }

    [Fact]
    public async Task AttachAsync_CorruptFile_NoteSaysUnreadable()
    {
        var image = Stored(Encoding.ASCII.GetBytes("\x89PNG but nothing more"));

        var example = Assert.Single(await new DrillDownThumbnails().AttachAsync(_out.Path, [Example(1, [image])]));

        var note = Assert.Single(example.Thumbnails).Note;
        Assert.StartsWith("image unreadable: ", note);
        Assert.Contains(image.Sha256, note);
    }

    [Fact]
    public async Task AttachAsync_FileChangedSinceTheRun_NoteSaysUnreadable()
    {
        var image = Stored(TestImages.GradientPng(32, 32));
        var path = Path.Combine(_out.Path, "blobs", image.Sha256[..2], image.Sha256 + ".png");
        await File.WriteAllBytesAsync(path, TestImages.GradientPng(33, 32));

        var example = Assert.Single(await new DrillDownThumbnails().AttachAsync(_out.Path, [Example(1, [image])]));

        Assert.Equal($"image unreadable: {path} no longer matches sha256 {image.Sha256}", Assert.Single(example.Thumbnails).Note);
    }

    [Fact]
    public async Task AttachAsync_PageBudgetReached_LaterThumbnailsOmittedRankByRankAcrossTables()
    {
        var images = Enumerable.Range(0, 4).Select(i => Stored(TestImages.NoisePng(64, 64, seed: 10 + i))).ToList();
        var sizes = images.Select(i => new ThumbnailMaker().Make(File.ReadAllBytes(
            Path.Combine(_out.Path, "blobs", i.Sha256[..2], i.Sha256 + ".png")))!.Bytes.Length).ToList();
        // Room for the two rank-1 examples (one per task) and nothing more.
        var thumbnails = new DrillDownThumbnails(pageBudgetBytes: sizes[0] + sizes[2] + Math.Min(sizes[1], sizes[3]) - 1);
        WorstExample[] examples =
        [
            Example(1, [images[0]], task: "a-task"), Example(2, [images[1]], task: "a-task"),
            Example(1, [images[2]], task: "b-task"), Example(2, [images[3]], task: "b-task"),
        ];

        var result = await thumbnails.AttachAsync(_out.Path, examples);

        Assert.Equal(examples.Select(e => e.SampleId), result.Select(e => e.SampleId));
        Assert.NotNull(result[0].Thumbnails[0].Bytes);
        Assert.NotNull(result[2].Thumbnails[0].Bytes);
        Assert.Equal(DrillDownThumbnails.BudgetReached, result[1].Thumbnails[0].Note);
        Assert.Equal(DrillDownThumbnails.BudgetReached, result[3].Thumbnails[0].Note);
        Assert.True(result.Sum(e => e.Thumbnails.Sum(t => t.Bytes?.Length ?? 0)) <= sizes[0] + sizes[2]);
    }

    [Fact]
    public async Task AttachAsync_ThumbnailOverItsCap_OmittedWithTheCap()
    {
        var image = Stored(TestImages.NoisePng(200, 200, seed: 5));

        var example = Assert.Single(await new DrillDownThumbnails(new ThumbnailMaker(maxBytes: 256)).AttachAsync(_out.Path, [Example(1, [image])]));

        Assert.Equal($"thumbnail omitted: over the 256-byte cap per thumbnail (sha256 {image.Sha256})", Assert.Single(example.Thumbnails).Note);
    }

    [Fact]
    public async Task AttachAsync_MoreImagesThanPerExample_RestListedAsNotShown()
    {
        var images = Enumerable.Range(0, 3).Select(i => Stored(TestImages.GradientPng(20 + i, 20))).ToList();

        var example = Assert.Single(await new DrillDownThumbnails(imagesPerExample: 2).AttachAsync(_out.Path, [Example(1, images)]));

        Assert.Equal([1, 2, 3], example.Thumbnails.Select(t => t.Number));
        Assert.All(example.Thumbnails.Take(2), t => Assert.NotNull(t.Bytes));
        Assert.Equal("thumbnail omitted: at most 2 images per example are shown", example.Thumbnails[2].Note);
    }

    [Fact]
    public async Task AttachAsync_TextOnlyExample_NoThumbnails()
    {
        var example = Assert.Single(await new DrillDownThumbnails().AttachAsync(_out.Path, [Example(1, [])]));

        Assert.Empty(example.Thumbnails);
    }

    [Fact]
    public async Task AttachAsync_SameExamplesTwice_SameThumbnailBytes()
    {
        WorstExample[] examples = [Example(1, [Stored(TestImages.NoisePng(150, 90, seed: 6))]), Example(2, [Stored(TestImages.GradientPng(300, 40))])];

        var first = await new DrillDownThumbnails().AttachAsync(_out.Path, examples);
        var second = await new DrillDownThumbnails().AttachAsync(_out.Path, examples);

        Assert.Equal(first.SelectMany(e => e.Thumbnails).Select(t => t.DataUri), second.SelectMany(e => e.Thumbnails).Select(t => t.DataUri));
    }
}
