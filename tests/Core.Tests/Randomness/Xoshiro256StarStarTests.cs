using MultiTrust.Core.Randomness;

namespace MultiTrust.Core.Tests.Randomness;

public sealed class Xoshiro256StarStarTests
{
    [Fact]
    public void NextUInt64_State1234_MatchesReferenceVector()
    {
        // xoshiro256** from state {1, 2, 3, 4}: the reference implementation's first outputs.
        var generator = Xoshiro256StarStar.FromState(1, 2, 3, 4);

        ulong[] actual = [generator.NextUInt64(), generator.NextUInt64(), generator.NextUInt64(), generator.NextUInt64()];

        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL], actual);
    }

    [Fact]
    public void Constructor_Seed_FillsStateWithFourSplitMix64Outputs()
    {
        var state = 7UL;
        var expected = Xoshiro256StarStar.FromState(
            SplitMix64.Next(ref state), SplitMix64.Next(ref state), SplitMix64.Next(ref state), SplitMix64.Next(ref state));
        var seeded = new Xoshiro256StarStar(7);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(expected.NextUInt64(), seeded.NextUInt64());
        }
    }

    [Fact]
    public void NextUInt64_DifferentSeeds_GiveDifferentStreams()
    {
        var first = new Xoshiro256StarStar(1);
        var second = new Xoshiro256StarStar(2);

        Assert.NotEqual(first.NextUInt64(), second.NextUInt64());
    }

    [Fact]
    public void NextDouble_SameSeed_IsUnitScaledNextUInt64()
    {
        var bits = new Xoshiro256StarStar(99);
        var doubles = new Xoshiro256StarStar(99);

        for (var i = 0; i < 100; i++)
        {
            var value = doubles.NextDouble();
            Assert.Equal(RandomBits.ToUnitDouble(bits.NextUInt64()), value);
            Assert.InRange(value, 0.0, 0.9999999999999999);
        }
    }

    [Fact]
    public void FromState_AllZero_Throws()
    {
        Assert.Throws<ArgumentException>(() => Xoshiro256StarStar.FromState(0, 0, 0, 0));
    }
}
