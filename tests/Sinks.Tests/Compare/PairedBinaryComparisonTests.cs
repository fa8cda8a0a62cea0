using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Tests.Compare;

public sealed class PairedBinaryComparisonTests
{
    [Fact]
    public void McNemar_FewDiscordantPairs_ExactBinomial()
    {
        // 2 · P(X ≤ 1), X ~ Bin(10, ½) = 2 · 11/1024.
        Assert.Equal(0.021484375, PairedBinaryComparison.McNemar(1, 9), 1e-12);
    }

    [Fact]
    public void McNemar_ManyDiscordantPairs_ChiSquaredWithContinuityCorrection()
    {
        // (|10 − 30| − 1)² / 40 = 9.025 on 1 df.
        Assert.Equal(0.0026631192591, PairedBinaryComparison.McNemar(10, 30), 1e-10);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 4)]
    [InlineData(30, 30)]
    public void McNemar_SymmetricDiscordance_POne(long b, long c)
    {
        Assert.Equal(1.0, PairedBinaryComparison.McNemar(b, c), 12);
    }

    [Fact]
    public void Compute_HandComputedTable_ValuesNewcombeIntervalAndExactTest()
    {
        // a = 12, b = 2, c = 9, d = 21: p_A = 14/44, p_B = 21/44, delta = 7/44.
        var result = PairedBinaryComparison.Compute(new PairedCounts(12, 2, 9, 21));

        Assert.Equal(14.0 / 44, result.ValueA, 12);
        Assert.Equal(21.0 / 44, result.ValueB, 12);
        Assert.Equal(7.0 / 44, result.Delta, 12);
        Assert.Equal(0.018210226, result.CiLow!.Value, 6);
        Assert.Equal(0.289156660, result.CiHigh!.Value, 6);
        Assert.Equal(2 * (1 + 11 + 55) / 2048.0, result.PValue!.Value, 12);
        Assert.Equal(ComparisonMethods.McNemarExact, result.Method);
        Assert.Equal((2L, 9L, 44L), (result.McNemarB!.Value, result.McNemarC!.Value, result.NA));
        Assert.True(result.Paired);
    }

    [Fact]
    public void Compute_NoChange_DeltaZeroPOneCiCoversZero()
    {
        var result = PairedBinaryComparison.Compute(new PairedCounts(30, 5, 5, 20));

        Assert.Equal(0, result.Delta, 12);
        Assert.Equal(1, result.PValue!.Value, 12);
        Assert.True(result.CiLow < 0 && result.CiHigh > 0);
    }

    [Fact]
    public void Compute_CompleteCollapse_IntervalInsideMinusOneOne()
    {
        // Every pair goes from 1 to 0: delta = −1, the interval must stay in [−1, 1] and exclude 0.
        var result = PairedBinaryComparison.Compute(new PairedCounts(0, 40, 0, 0));

        Assert.Equal(-1, result.Delta, 12);
        Assert.InRange(result.CiLow!.Value, -1, result.Delta);
        Assert.InRange(result.CiHigh!.Value, result.Delta, -0.0001);
        Assert.Equal(ComparisonMethods.McNemarChiSquared, result.Method);
        Assert.True(result.PValue < 1e-8);
    }

    [Theory]
    [InlineData(10, 0, 3, 7)]
    [InlineData(0, 1, 0, 0)]
    [InlineData(50, 20, 1, 29)]
    [InlineData(1, 0, 0, 0)]
    public void Compute_AnyTable_CiCoversDelta(long a, long b, long c, long d)
    {
        var result = PairedBinaryComparison.Compute(new PairedCounts(a, b, c, d));

        Assert.InRange(result.Delta, result.CiLow!.Value, result.CiHigh!.Value);
        Assert.InRange(result.CiLow!.Value, -1, 1);
        Assert.InRange(result.CiHigh!.Value, -1, 1);
    }

    [Fact]
    public void Compute_NoPairs_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedBinaryComparison.Compute(new PairedCounts(0, 0, 0, 0)));
    }
}
