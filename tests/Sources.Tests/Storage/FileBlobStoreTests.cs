using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;
using MultiTrust.Core.Storage;
using MultiTrust.Sources.Storage;

namespace MultiTrust.Sources.Tests.Storage;

public sealed class FileBlobStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string PackRoot => Path.Combine(_dir.Path, "blobs", "packs");

    private string[] Packs() => Directory.Exists(PackRoot) ? Directory.GetFiles(PackRoot) : [];

    // Stores the bytes with a store that is then closed, as an earlier run or attempt in the same folder does.
    private async Task<ImageRef> StoredEarlierAsync(byte[] bytes)
    {
        using var earlier = new FileBlobStore(_dir.Path);
        return await earlier.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);
    }

    private static string PackOf(ImageRef image) => BlobPack.TryParseAddress(image.Path, out var pack, out _) ? pack : throw new InvalidOperationException(image.Path);

    [Fact]
    public async Task PutAsync_NewBytes_AppendsOneRecordToAPackAndReturnsItsAddress()
    {
        using var store = new FileBlobStore(_dir.Path);
        byte[] bytes = [1, 2, 3, 4];
        var sha = ContentHasher.Sha256Hex(bytes);

        var image = await store.PutAsync(bytes, "image/png", 2, 3, CancellationToken.None);

        var pack = Assert.Single(Packs());
        Assert.Equal(BlobPack.Address(pack, 0), image.Path);
        Assert.Equal(sha, image.Sha256);
        Assert.Equal((2, 3, "image/png"), (image.Width, image.Height, image.MediaType));
        Assert.Equal(new BlobPackEntry(sha, "image/png", 0, 4), Assert.Single(BlobPack.Scan(pack)));
        Assert.Equal(bytes, (await File.ReadAllBytesAsync(pack))[BlobPack.HeaderBytes..]);
        Assert.Equal(bytes, await BlobPack.ReadAsync(image.Path, sha, CancellationToken.None));
    }

    [Fact]
    public async Task PutAsync_SeveralImages_FollowEachOtherInThePack()
    {
        using var store = new FileBlobStore(_dir.Path);

        var first = await store.PutAsync(new byte[] { 1, 2, 3 }, "image/png", 1, 1, CancellationToken.None);
        var second = await store.PutAsync(new byte[] { 9, 9 }, "image/jpeg", 1, 1, CancellationToken.None);

        var pack = Assert.Single(Packs());
        Assert.Equal(BlobPack.Address(pack, BlobPack.HeaderBytes + 3), second.Path);
        Assert.Equal("image/jpeg", second.MediaType);
        Assert.Equal([(first.Sha256, "image/png"), (second.Sha256, "image/jpeg")], BlobPack.Scan(pack).Select(e => (e.Sha256, e.MediaType)));
    }

    [Fact]
    public async Task PutAsync_UnsupportedMediaType_ThrowsNamingIt()
    {
        using var store = new FileBlobStore(_dir.Path);

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await store.PutAsync(new byte[] { 1 }, "image/gif", 1, 1, CancellationToken.None));

        Assert.Contains("image/gif", error.Message, StringComparison.Ordinal);
        Assert.Empty(Packs());
    }

    [Fact]
    public async Task PutAsync_SameBytesTwice_IsIdempotent()
    {
        using var store = new FileBlobStore(_dir.Path);
        byte[] bytes = [5, 6, 7];

        var first = await store.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);
        var second = await store.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(BlobPack.Scan(Assert.Single(Packs())));
    }

    [Fact]
    public async Task PutAsync_ManyConcurrentWriters_StoresEveryImageOnceAndIntact()
    {
        using var store = new FileBlobStore(_dir.Path);
        var payloads = Enumerable.Range(0, 8).Select(i => Enumerable.Repeat((byte)i, 50_000 + i).ToArray()).ToArray();

        var refs = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(async () => await store.PutAsync(payloads[i % payloads.Length], "image/png", 1, 1, CancellationToken.None))));

        Assert.Equal(payloads.Length, BlobPack.Scan(Assert.Single(Packs())).Count());
        foreach (var image in refs)
        {
            Assert.Equal(image.Sha256, ContentHasher.Sha256Hex(await store.ReadAsync(image, CancellationToken.None)));
        }
    }

    [Fact]
    public async Task PutAsync_PackFull_StartsANewPackAndEveryImageStaysReadable()
    {
        using var store = new FileBlobStore(_dir.Path, packBytes: 3 * (BlobPack.HeaderBytes + 100));
        var payloads = Enumerable.Range(0, 10).Select(i => Enumerable.Repeat((byte)i, 100).ToArray()).ToArray();

        var refs = new List<ImageRef>();
        foreach (var payload in payloads)
        {
            refs.Add(await store.PutAsync(payload, "image/png", 1, 1, CancellationToken.None));
        }

        Assert.Equal(4, Packs().Length);
        Assert.All(Packs(), p => Assert.True(new FileInfo(p).Length <= 3 * (BlobPack.HeaderBytes + 100)));
        using var reader = new FileBlobStore(_dir.Path);
        for (var i = 0; i < payloads.Length; i++)
        {
            Assert.Equal(payloads[i], await reader.ReadAsync(refs[i], CancellationToken.None));
        }
    }

    [Fact]
    public async Task PutAsync_ImageStoredByAnEarlierStore_ReturnsItsAddressWithoutWritingAgain()
    {
        byte[] bytes = [8, 8, 8];
        var first = await StoredEarlierAsync(bytes);

        using var later = new FileBlobStore(_dir.Path);
        var second = await later.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);
        var other = await later.PutAsync(new byte[] { 1 }, "image/png", 1, 1, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.NotEqual(PackOf(first), PackOf(other)); // a store never appends to a pack it did not create
        Assert.Equal(2, Packs().Length);
    }

    [Fact]
    public async Task PutAsync_AfterACrashLeftATornRecord_IgnoresItAndStoresTheImageAgain()
    {
        byte[] whole = [1, 2, 3], torn = [4, 5, 6, 7, 8, 9];
        string pack;
        using (var crashed = new FileBlobStore(_dir.Path))
        {
            pack = PackOf(await crashed.PutAsync(whole, "image/png", 1, 1, CancellationToken.None));
            await crashed.PutAsync(torn, "image/png", 1, 1, CancellationToken.None);
        }

        using (var file = new FileStream(pack, FileMode.Open))
        {
            file.SetLength(file.Length - 2); // the crash cut the second record short
        }

        using var store = new FileBlobStore(_dir.Path);
        var again = await store.PutAsync(torn, "image/png", 1, 1, CancellationToken.None);
        var kept = await store.PutAsync(whole, "image/png", 1, 1, CancellationToken.None);

        Assert.Equal(BlobPack.Address(pack, 0), kept.Path);
        Assert.NotEqual(pack, PackOf(again));
        Assert.Equal(torn, await store.ReadAsync(again, CancellationToken.None));
        Assert.Single(BlobPack.Scan(pack));
    }

    [Fact]
    public async Task ReadAsync_MissingLegacyFile_ThrowsNamingThePath()
    {
        using var store = new FileBlobStore(_dir.Path);
        var sha = new string('a', 64);
        var image = new ImageRef(sha, "image/png", 1, 1, store.PathFor(sha, "image/png"));

        var error = await Assert.ThrowsAsync<FileNotFoundException>(async () => await store.ReadAsync(image, CancellationToken.None));

        Assert.Contains(store.PathFor(sha, "image/png"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PackDeleted_ThrowsNamingTheAddress()
    {
        using var store = new FileBlobStore(_dir.Path);
        var image = await store.PutAsync(new byte[] { 1, 2 }, "image/png", 1, 1, CancellationToken.None);
        File.Delete(PackOf(image));

        var error = await Assert.ThrowsAsync<FileNotFoundException>(async () => await store.ReadAsync(image, CancellationToken.None));

        Assert.Contains(image.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains(image.Sha256, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CorruptImageInThePack_ThrowsNamingTheAddress()
    {
        using var store = new FileBlobStore(_dir.Path);
        var image = await store.PutAsync(new byte[] { 1, 2, 3 }, "image/png", 1, 1, CancellationToken.None);
        store.Dispose();
        using (var file = new FileStream(PackOf(image), FileMode.Open))
        {
            file.Position = BlobPack.HeaderBytes;
            file.WriteByte(99);
        }

        using var reader = new FileBlobStore(_dir.Path);
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(image, CancellationToken.None));

        Assert.Contains(image.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AddressOfAnotherImage_ThrowsNamingBoth()
    {
        using var store = new FileBlobStore(_dir.Path);
        var stored = await store.PutAsync(new byte[] { 1, 2, 3 }, "image/png", 1, 1, CancellationToken.None);
        var other = new string('b', 64);

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await store.ReadAsync(stored with { Sha256 = other }, CancellationToken.None));

        Assert.Contains(stored.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains(other, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OneFilePerImageStore_StaysReadable()
    {
        using var store = new FileBlobStore(_dir.Path);
        byte[] bytes = [3, 1, 4, 1, 5];
        var sha = ContentHasher.Sha256Hex(bytes);
        var path = store.PathFor(sha, "image/jpeg");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);

        Assert.EndsWith($"{sha}.jpg", path, StringComparison.Ordinal);
        Assert.Equal(bytes, await store.ReadAsync(new ImageRef(sha, "image/jpeg", 1, 1, path), CancellationToken.None));
        Assert.Equal(bytes, await store.ReadAsync(new ImageRef(sha, "image/jpeg", 1, 1, string.Empty), CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_OutputFolderMoved_FindsThePackUnderTheNewFolder()
    {
        var before = Path.Combine(_dir.Path, "before");
        var after = Path.Combine(_dir.Path, "after");
        byte[] bytes = [2, 7, 1, 8];
        ImageRef image;
        using (var store = new FileBlobStore(before))
        {
            image = await store.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);
        }

        Directory.Move(before, after);

        using var moved = new FileBlobStore(after);
        Assert.Equal(bytes, await moved.ReadAsync(image, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_SourcePathOutsideStore_ReadsAndVerifies()
    {
        using var store = new FileBlobStore(_dir.Path);
        var source = Path.Combine(_dir.Path, "photo.png");
        byte[] bytes = [7, 7, 7];
        await File.WriteAllBytesAsync(source, bytes);
        var image = new ImageRef(ContentHasher.Sha256Hex(bytes), "image/png", 1, 1, source);

        Assert.Equal(bytes, await store.ReadAsync(image, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_RecentlyStored_ServedFromMemoryWithoutThePack()
    {
        using var store = new FileBlobStore(_dir.Path, recentBlobs: 8);
        byte[] bytes = [4, 5, 6];
        var image = await store.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);
        File.Delete(PackOf(image));

        var read = await store.ReadAsync(image, CancellationToken.None);

        Assert.Equal(bytes, read);
        read[0] = 99; // a copy: the caller cannot change what the store serves next
        Assert.Equal(bytes, await store.ReadAsync(image, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_EvictedFromRecent_ReadsThePackAgain()
    {
        using var store = new FileBlobStore(_dir.Path, recentBlobs: 2);
        var first = await store.PutAsync(new byte[] { 1 }, "image/png", 1, 1, CancellationToken.None);
        var second = await store.PutAsync(new byte[] { 2 }, "image/png", 1, 1, CancellationToken.None);
        await store.PutAsync(new byte[] { 3 }, "image/png", 1, 1, CancellationToken.None);
        await store.FlushAsync(CancellationToken.None);

        Assert.Equal([1], await store.ReadAsync(first, CancellationToken.None)); // from the pack
        File.Delete(PackOf(first));

        await Assert.ThrowsAsync<FileNotFoundException>(async () => await store.ReadAsync(first, CancellationToken.None));
        Assert.Equal([2], await store.ReadAsync(second, CancellationToken.None)); // still in memory
    }

    [Fact]
    public async Task FlushAsync_NothingWritten_TouchesNothing()
    {
        using var store = new FileBlobStore(Path.Combine(_dir.Path, "never-created"));

        await store.FlushAsync(CancellationToken.None);

        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "never-created")));
    }

    [Fact]
    public async Task FlushAsync_AfterAWrite_FailsLoudlyWhenThePackWasRemoved()
    {
        using var store = new FileBlobStore(_dir.Path);
        var image = await store.PutAsync(new byte[] { 1, 2, 3 }, "image/png", 1, 1, CancellationToken.None);
        await store.FlushAsync(CancellationToken.None);
        await store.PutAsync(new byte[] { 4, 5, 6 }, "image/png", 1, 1, CancellationToken.None);
        Directory.Delete(store.BlobRoot, recursive: true);

        var error = await Record.ExceptionAsync(async () => await store.FlushAsync(CancellationToken.None));

        Assert.True(error is IOException, $"a flush after a write must notice the pack is gone, got {error?.GetType().Name ?? "no error"}");
        Assert.Contains(PackOf(image), error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlushAsync_ImageFoundInAnEarlierPack_FlushesThatPackAndFailsNamingItWhenItIsGone()
    {
        byte[] bytes = [6, 6, 6];
        var stored = await StoredEarlierAsync(bytes);

        using var store = new FileBlobStore(_dir.Path);
        Assert.Equal(stored, await store.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None));
        await store.FlushAsync(CancellationToken.None);
        using var again = new FileBlobStore(_dir.Path);
        await again.PutAsync(bytes, "image/png", 1, 1, CancellationToken.None);
        File.Delete(PackOf(stored));

        var error = await Assert.ThrowsAsync<IOException>(async () => await again.FlushAsync(CancellationToken.None));

        Assert.Contains(PackOf(stored), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_MoreImagesThanItRemembers_StoresEachOnceWhileRecentAndReadsAll()
    {
        using var store = new FileBlobStore(_dir.Path);
        var images = new List<ImageRef>();
        for (var i = 0; i < 70_000; i++)
        {
            images.Add(await store.PutAsync(BitConverter.GetBytes(i), "image/png", 1, 1, CancellationToken.None));
        }

        var repeated = await store.PutAsync(BitConverter.GetBytes(69_999), "image/png", 1, 1, CancellationToken.None);

        Assert.Equal(images[^1], repeated);
        Assert.Equal(70_000, BlobPack.Scan(Assert.Single(Packs())).Count());
        Assert.Equal(BitConverter.GetBytes(5), await store.ReadAsync(images[5], CancellationToken.None));
    }

    [Fact]
    public async Task PutAsync_AfterDispose_Throws()
    {
        var store = new FileBlobStore(_dir.Path);
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.PutAsync(new byte[] { 1 }, "image/png", 1, 1, CancellationToken.None));
    }
}
