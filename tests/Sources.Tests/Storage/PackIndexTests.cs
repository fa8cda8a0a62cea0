using System.Security.Cryptography;
using MultiTrust.Core.Storage;
using MultiTrust.Sources.Storage;
using MultiTrust.Testing;

namespace MultiTrust.Sources.Tests.Storage;

public sealed class PackIndexTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WritePack(string name, params byte[][] hashes)
    {
        var path = Path.Combine(_dir.Path, name);
        foreach (var hash in hashes)
        {
            StoredImages.AppendRecord(path, [1, 2, 3], sha256: hash);
        }

        return path;
    }

    [Fact]
    public void Find_HashesInSeveralPacks_ReturnsEachAddress()
    {
        var hashes = Enumerable.Range(0, 50).Select(i => SHA256.HashData([(byte)i])).ToArray();
        var first = WritePack("a.pack", hashes[..20]);
        var second = WritePack("b.pack", hashes[20..]);

        var index = PackIndex.Build(_dir.Path);

        Assert.Equal(50, index.Count);
        Assert.Equal([first, second], index.PackPaths);
        Assert.Equal(BlobPack.Address(first, 0), index.Find(hashes[0]));
        Assert.Equal(BlobPack.Address(first, 19 * (BlobPack.HeaderBytes + 3)), index.Find(hashes[19]));
        Assert.Equal(BlobPack.Address(second, 29 * (BlobPack.HeaderBytes + 3)), index.Find(hashes[49]));
        Assert.Null(index.Find(SHA256.HashData([200])));
    }

    [Fact]
    public void Find_SameFirstEightBytes_ConfirmsTheWholeHash()
    {
        var stored = SHA256.HashData([7]);
        var twin = (byte[])stored.Clone();
        twin[31] ^= 0xFF; // shares the indexed prefix, differs after it
        var pack = WritePack("a.pack", stored);

        var index = PackIndex.Build(_dir.Path);

        Assert.Null(index.Find(twin));
        Assert.Equal(BlobPack.Address(pack, 0), index.Find(stored));
    }

    [Fact]
    public void Find_PackRemovedAfterIndexing_IsNotFound()
    {
        var hash = SHA256.HashData([1]);
        var pack = WritePack("a.pack", hash);
        var index = PackIndex.Build(_dir.Path);
        File.Delete(pack);

        Assert.Null(index.Find(hash));
    }

    [Fact]
    public void Build_NoFolder_IsEmpty()
    {
        var index = PackIndex.Build(Path.Combine(_dir.Path, "none"));

        Assert.Equal(0, index.Count);
        Assert.Null(index.Find(SHA256.HashData([1])));
    }
}
