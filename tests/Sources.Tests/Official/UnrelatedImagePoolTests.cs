using MultiTrust.Sources.Official;

namespace MultiTrust.Sources.Tests.Official;

public sealed class UnrelatedImagePoolTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void CountOf_Kinds_CountsTheVisibleFilesWhoseNameContainsTheKind()
    {
        var folder = Path.Combine(_dir.Path, "unrelated_images");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "color_1.png", "color_2.png", ".color_3.png", "noise_1.png" })
        {
            File.WriteAllBytes(Path.Combine(folder, name), [1]);
        }

        var pool = UnrelatedImagePool.Load(_dir.Path);

        Assert.Equal([2, 0, 1, 0], new[] { "color", "nature", "noise", "unknown" }.Select(pool.CountOf));
    }
}
