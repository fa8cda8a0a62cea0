using System.Text;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Core.Tests.Randomness;

public sealed class Fnv1a64Tests
{
    [Fact]
    public void AppendBytes_Ascii_MatchesReferenceValues()
    {
        // FNV-1a 64 reference values: "" and "a".
        Assert.Equal(0xCBF29CE484222325UL, Fnv1a64.AppendBytes(Fnv1a64.OffsetBasis, []));
        Assert.Equal(0xAF63DC4C8601EC8CUL, Fnv1a64.AppendBytes(Fnv1a64.OffsetBasis, "a"u8));
        Assert.Equal(0x85944171F73967E8UL, Fnv1a64.AppendBytes(Fnv1a64.OffsetBasis, "foobar"u8));
    }

    [Fact]
    public void AppendChars_Ascii_EqualsAppendBytesOfSameText()
    {
        Assert.Equal(Fnv1a64.AppendBytes(Fnv1a64.OffsetBasis, "typos"u8), Fnv1a64.AppendChars(Fnv1a64.OffsetBasis, "typos"));
    }

    [Fact]
    public void AppendChars_NonAscii_HashesCodeUnitsNotUtf8()
    {
        const string text = "é";

        Assert.NotEqual(
            Fnv1a64.AppendBytes(Fnv1a64.OffsetBasis, Encoding.UTF8.GetBytes(text)),
            Fnv1a64.AppendChars(Fnv1a64.OffsetBasis, text));
    }
}
