using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Compare;

public sealed class PairedMeanComparisonTests
{
    [Fact]
    public void Compute_Differences_PairedTTest()
    {
        // Differences 0.5, 0.2, −0.1, 0.4, 0.3, 0, 0.6, 0.1: mean 0.25, variance 0.06, t = 2.88675 on 7 df.
        var result = PairedMeanComparison.Compute(8, 0.4, 0.65, 0.06);

        Assert.Equal(0.25, result.Delta, 12);
        Assert.Equal(0.0234246, result.PValue!.Value, 6);
        Assert.Equal(0.25 - 0.2047824672, result.CiLow!.Value, 6);
        Assert.Equal(0.25 + 0.2047824672, result.CiHigh!.Value, 6);
        Assert.Equal(ComparisonMethods.PairedT, result.Method);
    }

    [Fact]
    public void Compute_ZeroVarianceZeroMean_POne()
    {
        var result = PairedMeanComparison.Compute(5, 0.3, 0.3, 0);

        Assert.Equal(1, result.PValue);
        Assert.Equal(0, result.CiLow);
    }
}
