using MultiTrust.Core.Randomness;

namespace MultiTrust.Core.Tests.Randomness;

public sealed class SeededPermutationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(4097)]
    public void Indexer_EverySize_IsABijection(long size)
    {
        var permutation = new SeededPermutation(size, 7, "test");

        var images = Enumerable.Range(0, (int)size).Select(i => permutation[i]).ToList();

        Assert.All(images, v => Assert.InRange(v, 0, size - 1));
        Assert.Equal(size, images.Distinct().Count());
    }

    [Fact]
    public void Indexer_SameSeedAndStream_SameOrder_OtherSeedOrStreamDiffers()
    {
        long[] Order(long seed, string stream)
        {
            var p = new SeededPermutation(10_000, seed, stream);
            return [.. Enumerable.Range(0, 50).Select(i => p[i])];
        }

        Assert.Equal(Order(1, "a"), Order(1, "a"));
        Assert.NotEqual(Order(1, "a"), Order(2, "a"));
        Assert.NotEqual(Order(1, "a"), Order(1, "b"));
    }

    [Fact]
    public void Indexer_KnownSeed_MatchesPinnedValues()
    {
        // Pinned: a change here changes every synthetic dataset that orders its items with a permutation.
        var permutation = new SeededPermutation(1_000_000, 42, "pinned");

        Assert.Equal(PinnedValues, Enumerable.Range(0, 4).Select(i => permutation[i]).ToArray());
    }

    [Fact]
    public void Indexer_LargeSize_StaysInRangeAndShuffles()
    {
        var size = (1L << 40) + 3;
        var permutation = new SeededPermutation(size, 3, "large");

        var values = Enumerable.Range(0, 1000).Select(i => permutation[i]).ToList();

        Assert.All(values, v => Assert.InRange(v, 0, size - 1));
        Assert.Equal(1000, values.Distinct().Count());
        Assert.True(values.Count(v => v > size / 2) is > 400 and < 600);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void Indexer_OutOfRange_Throws(long index)
    {
        var permutation = new SeededPermutation(10, 1, "x");

        Assert.Throws<ArgumentOutOfRangeException>(() => permutation[index]);
    }

    [Fact]
    public void Constructor_EmptySize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeededPermutation(0, 1, "x"));
    }

    private static readonly long[] PinnedValues = [550567, 7249, 880383, 140792];
}
