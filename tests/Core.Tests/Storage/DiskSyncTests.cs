using System.Text;
using MultiTrust.Core.Storage;

namespace MultiTrust.Core.Tests.Storage;

public sealed class DiskSyncTests
{
    [Fact]
    public void IsSupported_OnLinux_True()
    {
        Assert.Equal(OperatingSystem.IsLinux(), DiskSync.IsSupported);
    }

    [Fact]
    public void FlushDirectory_ExistingFolder_Succeeds()
    {
        using var dir = new TempDirectory();
        dir.WriteFile("a.json", "{}");

        DiskSync.FlushDirectory(dir.Path);
        DiskSync.FlushFileSystem(dir.Path);
    }

    [Fact]
    public void FlushDirectory_MissingFolder_IOExceptionNamingItWhereSupported()
    {
        using var dir = new TempDirectory();
        var missing = dir.Combine("gone");

        var error = Record.Exception(() => DiskSync.FlushDirectory(missing));

        if (DiskSync.IsSupported)
        {
            var io = Assert.IsType<IOException>(error);
            Assert.Contains(missing, io.Message, StringComparison.Ordinal);
            Assert.Contains("errno 2", io.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(error);
        }
    }

    [Fact]
    public void CreateDirectory_NestedMissingFolders_CreatesEveryLevel()
    {
        using var dir = new TempDirectory();
        var nested = dir.Combine("runs", "r1", "_commits");

        DiskSync.CreateDirectory(nested);
        DiskSync.CreateDirectory(nested);

        Assert.True(Directory.Exists(nested));
    }

    [Fact]
    public async Task Publish_TempFile_RenamedIntoPlaceWithoutTheTempName()
    {
        using var dir = new TempDirectory();
        var final = dir.Combine("metrics.parquet");
        var temp = AtomicFile.TempPathFor(final);
        await File.WriteAllTextAsync(temp, "new");

        AtomicFile.Publish(temp, final, overwrite: false);

        Assert.Equal("new", await File.ReadAllTextAsync(final));
        Assert.Equal(["metrics.parquet"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_MissingNestedFolder_CreatedAndFileWritten()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("runs", "r1", "_commits", "0-000000.json");

        await AtomicFile.WriteAsync(path, Encoding.UTF8.GetBytes("{}"), overwrite: false, CancellationToken.None);

        Assert.Equal("{}", await File.ReadAllTextAsync(path));
    }
}
