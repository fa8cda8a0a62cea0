using MultiTrust.Core.Statistics;

namespace MultiTrust.Core.Tests.Statistics;

public sealed class ChiSquareIndependenceTests
{
    [Theory]
    [InlineData(3.841458820694124, 1, 0.05)] // the textbook 5% critical values
    [InlineData(5.991464547107979, 2, 0.05)]
    [InlineData(7.814727903251178, 3, 0.05)]
    [InlineData(18.307038053275146, 10, 0.05)]
    [InlineData(6.634896601021214, 1, 0.01)]
    [InlineData(2.0, 2, 0.36787944117144233)] // df = 2: P = exp(−x/2)
    [InlineData(0.0, 4, 1.0)]
    public void UpperTail_KnownTableValues_MatchToSixDigits(double statistic, int df, double expected)
    {
        Assert.Equal(expected, ChiSquareIndependence.UpperTail(statistic, df), 6);
    }

    [Fact]
    public void Test_TwoByTwoWithoutCorrection_MatchesHandComputation()
    {
        // Expected 15 in every cell; χ² = 4 · 5² / 15 = 6.6667; df 1: p = erfc(√(χ²/2)) = 0.0098233.
        var result = ChiSquareIndependence.Test(new long[,] { { 10, 20 }, { 20, 10 } }, yatesCorrection: false);

        Assert.Equal(20.0 / 3, result.Statistic, 10);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal(0.009823274507519245, result.PValue, 9);
    }

    [Fact]
    public void Test_TwoByTwoDefault_AppliesYatesCorrectionLikeScipy()
    {
        // |O − E| = 5 → 4.5: χ² = 4 · 4.5² / 15 = 5.4; p = erfc(√2.7) = 0.0201368.
        var result = ChiSquareIndependence.Test(new long[,] { { 10, 20 }, { 20, 10 } });

        Assert.Equal(5.4, result.Statistic, 10);
        Assert.Equal(0.02013675155034634, result.PValue, 9);
    }

    [Fact]
    public void Test_TwoByThree_NoCorrectionAndDfTwo()
    {
        // Row totals 60, 50; column totals 30, 40, 40; χ² = 12.5278, df 2: p = exp(−χ²/2) = 0.0019038.
        var result = ChiSquareIndependence.Test(new long[,] { { 10, 20, 30 }, { 20, 20, 10 } });

        Assert.Equal(12.52777777777778, result.Statistic, 9);
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(0.001903827607695494, result.PValue, 9);
    }

    [Fact]
    public void Test_IndependentTable_PValueOne()
    {
        var result = ChiSquareIndependence.Test(new long[,] { { 10, 20 }, { 20, 40 } }, yatesCorrection: false);

        Assert.Equal(0, result.Statistic, 12);
        Assert.Equal(1, result.PValue, 12);
    }

    [Fact]
    public void Test_EmptyColumn_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => ChiSquareIndependence.Test(new long[,] { { 1, 0 }, { 2, 0 } }));

        Assert.Contains("Column 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_OneRow_Throws()
    {
        Assert.Throws<ArgumentException>(() => ChiSquareIndependence.Test(new long[,] { { 1, 2 } }));
    }

    [Theory]
    [InlineData(0.5, 0.3)]
    [InlineData(3, 1)]
    [InlineData(3, 10)]
    [InlineData(50, 45)]
    public void IncompleteGamma_LowerPlusUpper_IsOne(double a, double x)
    {
        Assert.Equal(1, IncompleteGamma.LowerRegularized(a, x) + IncompleteGamma.UpperRegularized(a, x), 12);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(5, 3.1780538303479458)] // ln 4! = ln 24
    [InlineData(0.5, 0.5723649429247001)] // ln √π
    [InlineData(10.5, 13.940625219403763)]
    public void LogGamma_KnownValues(double x, double expected)
    {
        Assert.Equal(expected, IncompleteGamma.LogGamma(x), 10);
    }
}
