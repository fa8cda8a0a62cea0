using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Hashing;
using MultiTrust.Sources.Storage;

namespace MultiTrust.Cli.Tests;

public sealed class ImageCommandTests
{
    private static string Quickstart => Path.Combine(RepoPaths.Root, "pipelines", "quickstart.yaml");

    [Fact]
    public async Task Image_ShaFromAQuery_WritesThatImageOutOfThePacks()
    {
        using var cli = new CliHarness();
        var (code, output) = await cli.RunAsync("run", Quickstart, "--samples", "6", "--out", "out", "--model", "baseline:oracle");
        Assert.True(code == ExitCodes.Ok, output);
        var shas = (await cli.RunAsync("query", "SELECT DISTINCT image_sha256s FROM samples WHERE image_sha256s <> '' ORDER BY 1", "--out", "out", "--format", "csv"))
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).SelectMany(l => l.Split(',')).ToList();
        Assert.NotEmpty(shas);

        foreach (var sha in shas.Take(3))
        {
            (code, output) = await cli.RunAsync("image", sha, "--out", "out", "-o", $"{sha[..8]}.img");

            Assert.True(code == ExitCodes.Ok, output);
            var written = Path.Combine(cli.WorkingDirectory, $"{sha[..8]}.img");
            Assert.Contains(written, output);
            Assert.Equal(sha, ContentHasher.Sha256Hex(await File.ReadAllBytesAsync(written)));
        }
    }

    [Fact]
    public async Task Image_JpegInTheStore_DefaultNameHasItsExtension()
    {
        using var cli = new CliHarness();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        using (var store = new FileBlobStore(Path.Combine(cli.WorkingDirectory, "out")))
        {
            await store.PutAsync(jpeg, "image/jpeg", 1, 1, CancellationToken.None);
        }

        var sha = ContentHasher.Sha256Hex(jpeg);
        var (code, output) = await cli.RunAsync("image", sha.ToUpperInvariant(), "--out", "out");

        Assert.True(code == ExitCodes.Ok, output);
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(Path.Combine(cli.WorkingDirectory, sha + ".jpg")));
    }

    [Fact]
    public async Task Image_UnknownOrMalformedShaOrNoStore_ClearErrorsNamingThem()
    {
        using var cli = new CliHarness();
        using (var store = new FileBlobStore(Path.Combine(cli.WorkingDirectory, "out")))
        {
            await store.PutAsync(new byte[] { 1, 2, 3 }, "image/png", 1, 1, CancellationToken.None);
        }

        var unknown = new string('b', 64);
        var (code, output) = await cli.RunAsync("image", unknown, "--out", "out");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains($"Image {unknown} is not in the content store of {Path.Combine(cli.WorkingDirectory, "out")}", output);

        (code, output) = await cli.RunAsync("image", "abc", "--out", "out");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("'abc' is not a SHA-256", output);

        (code, output) = await cli.RunAsync("image", unknown, "--out", "elsewhere");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("no blobs/ folder", output);
    }
}
