using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Compare;

public sealed class UnpairedComparisonTests
{
    [Fact]
    public void Proportions_HandComputed_NewcombeIntervalAndZTest()
    {
        // 56/70 vs 48/80: delta = −0.2; pooled p = 104/150.
        var result = UnpairedComparison.Proportions(56, 70, 48, 80);

        Assert.Equal(-0.2, result.Delta, 12);
        Assert.Equal(-0.333872654, result.CiLow!.Value, 6);
        Assert.Equal(-0.052431472, result.CiHigh!.Value, 6);
        Assert.Equal(0.0080450814, result.PValue!.Value, 8);
        Assert.False(result.Paired);
        Assert.Equal(ComparisonMethods.TwoProportion, result.Method);
    }

    [Fact]
    public void Proportions_Identical_POne()
    {
        var result = UnpairedComparison.Proportions(30, 60, 30, 60);

        Assert.Equal(1, result.PValue!.Value, 12);
        Assert.True(result.CiLow < 0 && result.CiHigh > 0);
    }

    [Fact]
    public void Proportions_BothAllOnes_POneNoNaN()
    {
        var result = UnpairedComparison.Proportions(10, 10, 20, 20);

        Assert.Equal(1, result.PValue);
        Assert.True(double.IsFinite(result.CiLow!.Value) && double.IsFinite(result.CiHigh!.Value));
    }

    [Fact]
    public void Means_Welch_MatchesHandComputedTTest()
    {
        // t = 1.5 / √(4/10 + 9/12) = 1.39876, Welch df = 19.19.
        var result = UnpairedComparison.Means(new SampleSummary(10, 5, 4), new SampleSummary(12, 6.5, 9));

        Assert.Equal(1.5, result.Delta, 12);
        Assert.Equal(0.177840, result.PValue!.Value, 5);
        Assert.Equal(1.5 - 2.243011, result.CiLow!.Value, 5);
        Assert.Equal(1.5 + 2.243011, result.CiHigh!.Value, 5);
    }

    [Fact]
    public void Means_OneObservation_NoCiNoP()
    {
        var result = UnpairedComparison.Means(new SampleSummary(1, 0.5, 0), new SampleSummary(5, 0.7, 0.1));

        Assert.Null(result.CiLow);
        Assert.Null(result.PValue);
    }
}
