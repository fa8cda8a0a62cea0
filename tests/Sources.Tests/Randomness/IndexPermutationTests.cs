using MultiTrust.Sources.Randomness;

namespace MultiTrust.Sources.Tests.Randomness;

public sealed class IndexPermutationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(1000)]
    [InlineData(4097)]
    [InlineData(65536)]
    public void Map_EveryIndex_IsABijectionOfTheRange(int size)
    {
        var permutation = new IndexPermutation(size, new SeededRandom(5));

        var images = Enumerable.Range(0, size).Select(i => permutation.Map(i)).ToList();

        Assert.All(images, x => Assert.InRange(x, 0, size - 1));
        Assert.Equal(size, images.Distinct().Count());
    }

    [Fact]
    public void Map_SameKeys_SameOrder_OtherKeys_OtherOrder()
    {
        var a = new IndexPermutation(1_752_192, SeededRandom.ForStream(1, "space", 0));
        var b = new IndexPermutation(1_752_192, SeededRandom.ForStream(1, "space", 0));
        var c = new IndexPermutation(1_752_192, SeededRandom.ForStream(2, "space", 0));

        var first = Enumerable.Range(0, 50).Select(i => a.Map(i)).ToList();

        Assert.Equal(first, Enumerable.Range(0, 50).Select(i => b.Map(i)));
        Assert.NotEqual(first, Enumerable.Range(0, 50).Select(i => c.Map(i)));
    }

    // Fixed integer arithmetic: the same mapping on every machine and runtime.
    [Fact]
    public void Map_FixedKeys_MatchesGoldenValues()
    {
        var permutation = new IndexPermutation(1_000_000, new SeededRandom(42));

        Assert.Equal(new long[] { 438540, 406415, 436689, 751052, 269838 }, new long[] { 0, 1, 2, 999_998, 999_999 }.Select(permutation.Map));
    }

    [Fact]
    public void Map_PrefixOfALargeSpace_SpreadsOverIt()
    {
        const long size = 199_311_840;
        var permutation = new IndexPermutation(size, new SeededRandom(9));

        var tenths = Enumerable.Range(0, 10_000).Select(i => permutation.Map(i) * 10 / size).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(10, tenths.Count);
        Assert.All(tenths.Values, n => Assert.InRange(n, 850, 1150));
    }

    [Fact]
    public void Map_OutOfRange_Throws()
    {
        var permutation = new IndexPermutation(10, new SeededRandom(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => permutation.Map(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => permutation.Map(-1));
    }
}
