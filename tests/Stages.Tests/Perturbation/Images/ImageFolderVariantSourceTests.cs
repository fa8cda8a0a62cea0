using MultiTrust.Stages.Perturbation.Images;

namespace MultiTrust.Stages.Tests.Perturbation.Images;

public sealed class ImageFolderVariantSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("variant-images-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReadAsync_ExistingFile_ReturnsItsBytes()
    {
        await File.WriteAllBytesAsync(Path.Combine(_folder, "cat_001.png"), [1, 2, 3]);
        var source = new ImageFolderVariantSource(_folder);

        Assert.Equal(new byte[] { 1, 2, 3 }, await source.ReadAsync("cat_001.png"));
        Assert.True(source.Contains("cat_001.png"));
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsNamingFolderAndFile()
    {
        var source = new ImageFolderVariantSource(_folder);

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => source.ReadAsync("dog_042.jpg"));

        Assert.Contains(_folder, error.Message, StringComparison.Ordinal);
        Assert.Contains("dog_042.jpg", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secret.png")]
    [InlineData("sub/a.png")]
    [InlineData("..")]
    public void PathFor_NotAPlainFileName_Throws(string name)
    {
        var source = new ImageFolderVariantSource(_folder);

        Assert.Throws<ArgumentException>(() => source.PathFor(name));
    }

    [Fact]
    public void Constructor_MissingFolder_ThrowsNamingIt()
    {
        var missing = Path.Combine(_folder, "nope");

        var error = Assert.Throws<DirectoryNotFoundException>(() => new ImageFolderVariantSource(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
