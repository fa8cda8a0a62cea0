using MultiTrust.Sources.Synthetic.Cases;

namespace MultiTrust.Sources.Tests.Synthetic.Cases;

public sealed class CaseDigitsTests
{
    [Fact]
    public void Next_MixedRadix_DecodesLeastSignificantFirst()
    {
        // 1·(4·3) + 2·4 + 3 = 23 with radices 4, 3, 2 reads as (3, 2, 1).
        var digits = new CaseDigits(3 + (2 * 4) + (1 * 12));

        Assert.Equal((3, 2, 1), (digits.Next(4), digits.Next(3), digits.Next(2)));
        digits.RequireExhausted();
    }

    [Fact]
    public void Combination_EveryRank_DistinctAscendingSubsets()
    {
        var total = CaseDigits.Binomial(7, 3);
        var subsets = new HashSet<string>(StringComparer.Ordinal);

        for (var rank = 0; rank < total; rank++)
        {
            var subset = new CaseDigits(rank).Combination(7, 3);
            Assert.Equal(subset.Order(), subset);
            Assert.Equal(3, subset.Distinct().Count());
            Assert.All(subset, v => Assert.InRange(v, 0, 6));
            subsets.Add(string.Join(',', subset));
        }

        Assert.Equal(35, subsets.Count);
    }

    [Fact]
    public void Distinct_EveryIndex_DistinctOrderedChoices()
    {
        var total = CaseDigits.Arrangements(5, 3);
        var tuples = Enumerable.Range(0, (int)total).Select(i => string.Join(',', new CaseDigits(i).Distinct(5, 3))).ToList();

        Assert.Equal(60, total);
        Assert.Equal(60, tuples.Distinct().Count());
        Assert.All(tuples, t => Assert.Equal(3, t.Split(',').Distinct().Count()));
    }

    [Fact]
    public void RequireExhausted_DigitsLeftOver_Throws()
    {
        var digits = new CaseDigits(10);
        digits.Next(4);

        Assert.Throws<InvalidOperationException>(digits.RequireExhausted);
    }

    [Theory]
    [InlineData(16, 2, 120)]
    [InlineData(16, 4, 1820)]
    [InlineData(5, 0, 1)]
    [InlineData(3, 4, 0)]
    public void Binomial_KnownValues(int n, int k, long expected)
    {
        Assert.Equal(expected, CaseDigits.Binomial(n, k));
    }
}
