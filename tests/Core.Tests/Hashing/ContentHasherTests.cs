using System.Text;
using MultiTrust.Core.Hashing;

namespace MultiTrust.Core.Tests.Hashing;

public sealed class ContentHasherTests
{
    [Fact]
    public void Add_FieldBoundaryMoved_ChangesHash()
    {
        var left = new ContentHasher().Add("ab").Add("c").ToHex();
        var right = new ContentHasher().Add("a").Add("bc").ToHex();

        Assert.NotEqual(left, right);
    }

    [Fact]
    public void Add_EmptyFieldAdded_ChangesHash()
    {
        Assert.NotEqual(new ContentHasher().Add("a").ToHex(), new ContentHasher().Add("a").Add("").ToHex());
    }

    [Fact]
    public void ToHex_SameFields_IsDeterministic()
    {
        var long1 = new string('x', 2_000);
        var first = new ContentHasher().Add("task").Add(long1).Add(42L).Add([1, 2, 3]).ToHex();
        var second = new ContentHasher().Add("task").Add(long1).Add(42L).Add([1, 2, 3]).ToHex();

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void ToHex_StringField_IsSha256OfLengthPrefixedUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("héllo");
        byte[] framed = [(byte)bytes.Length, 0, 0, 0, .. bytes];

        Assert.Equal(ContentHasher.Sha256Hex(framed), new ContentHasher().Add("héllo").ToHex());
    }

    // Fields of every size across the 4 KB buffer boundary (streamed into an incremental hash past it) give the
    // SHA-256 of the whole length-prefixed sequence.
    [Theory]
    [InlineData(10)]
    [InlineData(3_000)]
    [InlineData(5_000)]
    [InlineData(70_000)]
    public void ToHex_ManyFieldsPastTheBuffer_IsSha256OfTheConcatenation(int fields)
    {
        var hasher = new ContentHasher();
        var framed = new List<byte>();
        for (var i = 0; i < fields; i++)
        {
            var text = new string((char)('a' + (i % 26)), i % 700);
            var bytes = Encoding.UTF8.GetBytes(text);
            hasher.Add(text).Add((long)i);
            framed.AddRange(BitConverter.GetBytes(bytes.Length));
            framed.AddRange(bytes);
            framed.AddRange(BitConverter.GetBytes((long)i));
            if (i % 97 == 0)
            {
                var blob = new byte[5_000 + i];
                blob[0] = (byte)i;
                hasher.Add(blob);
                framed.AddRange(BitConverter.GetBytes(blob.Length));
                framed.AddRange(blob);
            }
        }

        Assert.Equal(ContentHasher.Sha256Hex(framed.ToArray()), hasher.ToHex());
    }

    [Fact]
    public void ToHex_LongStringField_MatchesBytesField()
    {
        var text = new string('é', 1_000);

        Assert.Equal(new ContentHasher().Add(Encoding.UTF8.GetBytes(text)).ToHex(), new ContentHasher().Add(text).ToHex());
    }

    [Fact]
    public void ToId_IsFirst32HexOfDigest()
    {
        var hex = new ContentHasher().Add("x").ToHex();

        Assert.Equal(hex[..32], new ContentHasher().Add("x").ToId());
    }

    [Fact]
    public void Add_LongValueDiffers_ChangesHash()
    {
        Assert.NotEqual(new ContentHasher().Add(1L).ToHex(), new ContentHasher().Add(2L).ToHex());
    }

    [Fact]
    public void Sha256Hex_Abc_MatchesKnownVector()
    {
        Assert.Equal(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ContentHasher.Sha256Hex("abc"u8));
    }

    [Fact]
    public void Sha256Hex_Empty_MatchesKnownVector()
    {
        Assert.Equal(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ContentHasher.Sha256Hex([]));
    }
}
