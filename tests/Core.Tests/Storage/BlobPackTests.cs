using System.Security.Cryptography;
using MultiTrust.Core.Records;
using MultiTrust.Core.Storage;
using MultiTrust.Testing;

namespace MultiTrust.Core.Tests.Storage;

public sealed class BlobPackTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("/out/blobs/packs/a.pack#0", "/out/blobs/packs/a.pack", 0L)]
    [InlineData("/out/blobs/packs/a.pack#123456789012", "/out/blobs/packs/a.pack", 123456789012L)]
    [InlineData("rel/dir#1/b.pack#44", "rel/dir#1/b.pack", 44L)]
    public void TryParseAddress_Address_SplitsPackAndOffset(string address, string pack, long offset)
    {
        Assert.True(BlobPack.TryParseAddress(address, out var parsedPack, out var parsedOffset));
        Assert.Equal((pack, offset), (parsedPack, parsedOffset));
        Assert.Equal(address, BlobPack.Address(parsedPack, parsedOffset));
    }

    [Theory]
    [InlineData("/out/blobs/ab/abc.png")]
    [InlineData("/out/blobs/packs/a.pack")]
    [InlineData("/out/blobs/packs/a.pack#")]
    [InlineData("/out/blobs/packs/a.pack#-1")]
    [InlineData("/out/blobs/packs/a.pack#12x")]
    [InlineData("/photos/a.png#12")]
    [InlineData("")]
    public void TryParseAddress_AnythingElse_IsNotAnAddress(string path)
    {
        Assert.False(BlobPack.TryParseAddress(path, out _, out _));
        Assert.False(BlobPack.IsAddress(path));
    }

    [Fact]
    public void Header_RoundTrips_AndRejectsWhatIsNotAHeader()
    {
        var sha = SHA256.HashData([1, 2, 3]);
        var header = new byte[BlobPack.HeaderBytes];

        BlobPack.WriteHeader(header, sha, "image/jpeg", 3);

        Assert.True(BlobPack.TryReadHeader(header, 88, out var entry));
        Assert.Equal(new BlobPackEntry(Convert.ToHexStringLower(sha), "image/jpeg", 88, 3), entry);
        Assert.Equal("MTB1"u8.ToArray(), header[..4]);
        foreach (var (at, value) in new[] { (0, (byte)'X'), (4, (byte)7), (6, (byte)1), (11, (byte)0x80) })
        {
            var broken = (byte[])header.Clone();
            broken[at] = value;
            Assert.False(BlobPack.TryReadHeader(broken, 0, out _), $"byte {at} = {value} must not read as a header");
        }
    }

    [Fact]
    public async Task ScanAndRead_RecordsWrittenBackToBack_AreFoundAndRead()
    {
        var pack = Path.Combine(_dir.Path, "one.pack");
        byte[][] images = [[1, 2, 3], [4, 5], [6]];
        foreach (var image in images)
        {
            StoredImages.AppendRecord(pack, image);
        }

        await using (var file = new FileStream(pack, FileMode.Append))
        {
            file.Write([0x4D, 0x54]); // the start of a header a crash cut short
        }

        var entries = BlobPack.Scan(pack).ToList();

        Assert.Equal([0L, 47L, 93L], entries.Select(e => e.Offset));
        for (var i = 0; i < images.Length; i++)
        {
            var address = BlobPack.Address(pack, entries[i].Offset);
            Assert.Equal(images[i], await BlobPack.ReadAsync(address, Convert.ToHexStringLower(SHA256.HashData(images[i])), CancellationToken.None));
        }

        var notARecord = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await BlobPack.ReadAsync(BlobPack.Address(pack, 1), entries[0].Sha256, CancellationToken.None));
        Assert.Contains(BlobPack.Address(pack, 1), notARecord.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<FileNotFoundException>(async () =>
            await BlobPack.ReadAsync(BlobPack.Address(pack + "x.pack", 0), entries[0].Sha256, CancellationToken.None));
        Assert.Contains("x.pack", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNameOf_PackedImage_IsItsHashAndExtension()
    {
        var sha = new string('c', 64);

        Assert.Equal(sha + ".jpg", BlobLayout.FileNameOf(new ImageRef(sha, "image/jpeg", 1, 1, "/o/blobs/packs/p.pack#0")));
        Assert.Equal("cat.png", BlobLayout.FileNameOf(new ImageRef(sha, "image/png", 1, 1, "/data/cat.png")));
    }
}
