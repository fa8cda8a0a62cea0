using MultiTrust.Core.Randomness;

namespace MultiTrust.Core.Tests.Randomness;

public sealed class RandomBitsTests
{
    [Theory]
    [InlineData(0UL, 0.0)]
    [InlineData(1UL << 63, 0.5)]
    [InlineData(2047UL, 0.0)]
    [InlineData(2048UL, 1.0 / (1UL << 53))]
    public void ToUnitDouble_Bits_UsesTop53Bits(ulong bits, double expected)
    {
        Assert.Equal(expected, RandomBits.ToUnitDouble(bits));
    }

    [Fact]
    public void ToUnitDouble_AllOnes_IsBelowOne()
    {
        Assert.Equal(1 - (1.0 / (1UL << 53)), RandomBits.ToUnitDouble(ulong.MaxValue));
    }
}
