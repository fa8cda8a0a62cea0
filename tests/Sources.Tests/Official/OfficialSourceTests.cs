using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Imaging;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;
using MultiTrust.Sources.Storage;

namespace MultiTrust.Sources.Tests.Official;

public sealed class OfficialSourceTests : IDisposable
{
    private static readonly TaskInfo s_task = new("t5-text-misleading", "T.5", "Truthfulness", "T.M", "Text Misleading VQA", ["accuracy"]);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Image(string relative, byte[] bytes)
    {
        var path = OfficialPaths.Combine(_dir.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private async Task<List<Sample>> ReadAsync(OfficialSource source, int count = int.MaxValue)
    {
        var context = new TaskGenerationContext(7, count, new FileBlobStore(Path.Combine(_dir.Path, "out"))) { DataRoot = _dir.Path };
        var samples = new List<Sample>();
        await foreach (var sample in source.ReadAsync(s_task, context, CancellationToken.None))
        {
            samples.Add(sample);
        }

        return samples;
    }

    [Fact]
    public async Task ReadAsync_MissingAndCorruptImages_BecomeInputErrors_OthersLoadInOrder()
    {
        var good = PngEncoder.Encode(new byte[4 * 3 * 3], 4, 3, 3);
        Image("img/0.png", good);
        Image("img/2.png", good[..^10]);
        var source = new ListSource(Enumerable.Range(0, 20).Select(i => $"img/{i % 3}.png").ToArray());

        var samples = await ReadAsync(source);

        Assert.Equal(20, samples.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"q{i}"), samples.Select(s => s.Prompt));
        var ok = samples[0];
        Assert.False(ok.Metadata.ContainsKey(SampleMetadataKeys.InputError));
        Assert.Equal((4, 3, "image/png"), (ok.Images[0].Width, ok.Images[0].Height, ok.Images[0].MediaType));
        Assert.Equal($"image not found: {OfficialPaths.Combine(_dir.Path, "img/1.png")}", samples[1].Metadata[SampleMetadataKeys.InputError]);
        Assert.StartsWith($"corrupt image: {OfficialPaths.Combine(_dir.Path, "img/2.png")}: PNG is truncated", samples[2].Metadata[SampleMetadataKeys.InputError], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SameData_SameIds_CountLimitsAPrefix()
    {
        Image("img/0.png", PngEncoder.Encode(new byte[12], 2, 2, 3));
        var source = new ListSource(Enumerable.Range(0, 12).Select(_ => "img/0.png").ToArray());

        var all = await ReadAsync(source);
        var again = await ReadAsync(source);
        var five = await ReadAsync(source, 5);

        Assert.Equal(all.Select(s => s.Id), again.Select(s => s.Id));
        Assert.Equal(all.Take(5).Select(s => s.Id), five.Select(s => s.Id));
    }

    [Fact]
    public async Task ReadAsync_NoDataRoot_ThrowsNamingTheOption()
    {
        var context = new TaskGenerationContext(7, 10, new FileBlobStore(_dir.Path));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in new ListSource(["x.png"]).ReadAsync(s_task, context, CancellationToken.None))
            {
            }
        });

        Assert.Contains("--data DIR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnrelatedImagePool_DrawsAreSeededAndIndependentOfListingOrder()
    {
        foreach (var name in new[] { "noise_3.png", "color_b.png", "nature_1.png", "color_a.png", ".hidden_color.png" })
        {
            Image($"unrelated_images/{name}", [1]);
        }

        var pool = UnrelatedImagePool.Load(_dir.Path);
        var draws = Enumerable.Range(0, 40).Select(i => pool.Draw(3, "t", $"s{i}", "color")).ToList();

        Assert.Equal(draws, Enumerable.Range(0, 40).Select(i => UnrelatedImagePool.Load(_dir.Path).Draw(3, "t", $"s{i}", "color")));
        Assert.Equal(["unrelated_images/color_a.png", "unrelated_images/color_b.png"], draws.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("unrelated_images/noise_3.png", pool.Draw(3, "t", "s0", "noise"));
        Assert.NotEqual(draws, Enumerable.Range(0, 40).Select(i => pool.Draw(4, "t", $"s{i}", "color")));
    }

    private sealed class ListSource(string[] images) : OfficialSource
    {
        public override IReadOnlyList<string> RequiredData => ["img"];

        protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
            string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < images.Length; i++)
            {
                await Task.Yield();
                yield return OfficialItem.WithImage("mistext", $"q{i}", images[i], new SampleTarget("a", [], "a"));
            }
        }
    }
}
