using System.Text;
using MultiTrust.Core.Storage;

namespace MultiTrust.Core.Tests.Storage;

public sealed class AtomicFileTests
{
    [Fact]
    public async Task WriteAsync_Overwrite_ReplacesContentAndLeavesNoTempFile()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("run.json", "old");

        await AtomicFile.WriteAsync(path, Encoding.UTF8.GetBytes("new"), overwrite: true, CancellationToken.None);

        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal(["run.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_ExistingFileWithoutOverwrite_ThrowsKeepsOldAndLeavesNoTempFile()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteFile("marker.json", "committed");

        await Assert.ThrowsAsync<IOException>(
            () => AtomicFile.WriteAsync(path, Encoding.UTF8.GetBytes("again"), overwrite: false, CancellationToken.None));

        Assert.Equal("committed", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
