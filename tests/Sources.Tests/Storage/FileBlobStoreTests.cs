using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Storage;

namespace MultiTrust.Sources.Tests.Storage;

public sealed class FileBlobStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PutAsync_NewBytes_WritesContentAddressedFile()
    {
        var store = new FileBlobStore(_dir.Path);
        byte[] bytes = [1, 2, 3, 4];
        var sha = ContentHasher.Sha256Hex(bytes);

        var image = await store.PutAsync(bytes, "image/png", 2, 3, CancellationToken.None);

        var expected = Path.Combine(_dir.Path, "blobs", sha[..2], sha + ".png");
        Assert.Equal(expected, image.Path);
        Assert.Equal(sha, image.Sha256);
        Assert.Equal((2, 3, "image/png"), (image.Width, image.Height, image.MediaType));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(expected));
    }

    [Fact]
    public async Task PutAsync_Jpeg_UsesJpgExtension()
    {
        var store = new FileBlobStore(_dir.Path);

        var image = await store.PutAsync(new byte[] { 9, 9 }, "image/jpeg", 1, 1, CancellationToken.None);

        Assert.EndsWith(".jpg", image.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_UnsupportedMediaType_ThrowsNamingIt()
    {
        var store = new FileBlobStore(_dir.Path);

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await store.PutAsync(new byte[] { 1 }, "image/gif", 1, 1, CancellationToken.None));

        Assert.Contains("image/gif", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_SameBytesTwice_IsIdempotentAndLeavesNoTemporaryFiles()
    {
        var store = new FileBlobStore(_dir.Path);
        byte[] bytes = [5, 6, 7];

        var first = await store.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);
        var second = await store.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, "blobs"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PutAsync_ManyConcurrentWriters_StoresEveryBlobIntact()
    {
        var store = new FileBlobStore(_dir.Path);
        var payloads = Enumerable.Range(0, 8).Select(i => Enumerable.Repeat((byte)i, 50_000 + i).ToArray()).ToArray();

        var refs = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(async () => await store.PutAsync(payloads[i % payloads.Length], "image/png", 1, 1, CancellationToken.None))));

        var files = Directory.GetFiles(Path.Combine(_dir.Path, "blobs"), "*", SearchOption.AllDirectories);
        Assert.Equal(payloads.Length, files.Length);
        foreach (var image in refs)
        {
            Assert.Equal(image.Sha256, ContentHasher.Sha256Hex(await store.ReadAsync(image, CancellationToken.None)));
        }
    }

    [Fact]
    public async Task PutAsync_TruncatedLeftover_IsRepaired()
    {
        var store = new FileBlobStore(_dir.Path);
        byte[] bytes = [1, 2, 3, 4, 5, 6];
        var path = store.PathFor(ContentHasher.Sha256Hex(bytes), "image/png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, [1, 2]);

        var image = await store.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);

        Assert.Equal(bytes, await store.ReadAsync(image, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_MissingBlob_ThrowsNamingThePath()
    {
        var store = new FileBlobStore(_dir.Path);
        var sha = new string('a', 64);
        var image = new ImageRef(sha, "image/png", 1, 1, store.PathFor(sha, "image/png"));

        var error = await Assert.ThrowsAsync<FileNotFoundException>(async () => await store.ReadAsync(image, CancellationToken.None));

        Assert.Contains(store.PathFor(sha, "image/png"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CorruptBlob_ThrowsNamingTheFile()
    {
        var store = new FileBlobStore(_dir.Path);
        var image = await store.PutAsync(new byte[] { 1, 2, 3 }, "image/png", 1, 1, CancellationToken.None);
        await File.WriteAllBytesAsync(image.Path, [3, 2, 1]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.ReadAsync(image, CancellationToken.None));

        Assert.Contains(image.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SourcePathOutsideStore_ReadsAndVerifies()
    {
        var store = new FileBlobStore(_dir.Path);
        var source = Path.Combine(_dir.Path, "photo.png");
        byte[] bytes = [7, 7, 7];
        await File.WriteAllBytesAsync(source, bytes);
        var image = new ImageRef(ContentHasher.Sha256Hex(bytes), "image/png", 1, 1, source);

        Assert.Equal(bytes, await store.ReadAsync(image, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_RecentlyStored_ServedFromMemoryWithoutTheFile()
    {
        var store = new FileBlobStore(_dir.Path, recentBlobs: 8);
        byte[] bytes = [4, 5, 6];
        var image = await store.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);
        File.Delete(image.Path);

        var read = await store.ReadAsync(image, CancellationToken.None);

        Assert.Equal(bytes, read);
        read[0] = 99; // a copy: the caller cannot change what the store serves next
        Assert.Equal(bytes, await store.ReadAsync(image, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_EvictedFromRecent_ReadsTheFileAgain()
    {
        var store = new FileBlobStore(_dir.Path, recentBlobs: 2);
        var first = await store.PutAsync(new byte[] { 1 }, "image/png", 1, 1, CancellationToken.None);
        await store.PutAsync(new byte[] { 2 }, "image/png", 1, 1, CancellationToken.None);
        await store.PutAsync(new byte[] { 3 }, "image/png", 1, 1, CancellationToken.None);
        File.Delete(first.Path);

        await Assert.ThrowsAsync<FileNotFoundException>(async () => await store.ReadAsync(first, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_NoRecentBlobs_AlwaysReadsTheFile()
    {
        var store = new FileBlobStore(_dir.Path);
        var image = await store.PutAsync(new byte[] { 1, 2 }, "image/png", 1, 1, CancellationToken.None);
        File.Delete(image.Path);

        await Assert.ThrowsAsync<FileNotFoundException>(async () => await store.ReadAsync(image, CancellationToken.None));
    }

    [Fact]
    public async Task FlushAsync_NothingWritten_TouchesNothing()
    {
        var store = new FileBlobStore(Path.Combine(_dir.Path, "never-created"));

        await store.FlushAsync(CancellationToken.None);

        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "never-created")));
    }

    [Fact]
    public async Task FlushAsync_AfterAWrite_FlushesTheBlobFolderAndFailsLoudlyWhenItIsGone()
    {
        var store = new FileBlobStore(_dir.Path);
        await store.PutAsync(new byte[] { 1, 2, 3 }, "image/png", 1, 1, CancellationToken.None);
        await store.FlushAsync(CancellationToken.None);
        await store.PutAsync(new byte[] { 4, 5, 6 }, "image/png", 1, 1, CancellationToken.None);
        Directory.Delete(store.BlobRoot, recursive: true);

        var error = await Record.ExceptionAsync(async () => await store.FlushAsync(CancellationToken.None));
        Directory.CreateDirectory(store.BlobRoot);
        await store.FlushAsync(CancellationToken.None);

        Assert.True(error is IOException, $"a flush after a write must reach the blob folder, got {error?.GetType().Name ?? "no error"}");
        Assert.Contains(store.BlobRoot, error!.Message, StringComparison.Ordinal);
    }
}
