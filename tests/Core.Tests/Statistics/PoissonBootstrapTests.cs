using MultiTrust.Core.Statistics;

namespace MultiTrust.Core.Tests.Statistics;

public sealed class PoissonBootstrapTests
{
    [Fact]
    public void Weights_SameKey_SameWeights()
    {
        var a = new int[PoissonBootstrap.Replicates];
        var b = new int[PoissonBootstrap.Replicates];

        PoissonBootstrap.Weights(7, "s1", "clean", "m", a);
        PoissonBootstrap.Weights(7, "s1", "clean", "m", b);

        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(8, "s1", "clean", "m")]
    [InlineData(7, "s2", "clean", "m")]
    [InlineData(7, "s1", "blur@1", "m")]
    [InlineData(7, "s1", "clean", "m2")]
    [InlineData(7, "s1c", "lean", "m")]
    public void Weights_AnyKeyPartChanges_WeightsChange(long seed, string sample, string variant, string model)
    {
        var a = new int[PoissonBootstrap.Replicates];
        var b = new int[PoissonBootstrap.Replicates];

        PoissonBootstrap.Weights(7, "s1", "clean", "m", a);
        PoissonBootstrap.Weights(seed, sample, variant, model, b);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Weights_ManyDraws_HavePoissonOneMeanAndVariance()
    {
        var weights = new int[PoissonBootstrap.Replicates];
        double sum = 0, sumSquares = 0, zeros = 0;
        const int samples = 2000;
        for (var i = 0; i < samples; i++)
        {
            PoissonBootstrap.Weights(1, $"sample-{i}", "clean", "m", weights);
            foreach (var w in weights)
            {
                sum += w;
                sumSquares += w * w;
                zeros += w == 0 ? 1 : 0;
            }
        }

        var n = (double)samples * PoissonBootstrap.Replicates;
        var mean = sum / n;
        Assert.Equal(1, mean, 1);
        Assert.Equal(1, (sumSquares / n) - (mean * mean), 1);
        Assert.Equal(Math.Exp(-1), zeros / n, 2);
    }

    [Fact]
    public void PercentileInterval_OneToTwoHundred_InterpolatesQuantiles()
    {
        var values = Enumerable.Range(1, 200).Select(i => (double)i).Reverse().ToArray();

        var (low, high) = PoissonBootstrap.PercentileInterval(values)!.Value;

        // h = 199 · 0.025 = 4.975 → 5 + 0.975; h = 199 · 0.975 = 194.025 → 195 + 0.025.
        Assert.Equal(5.975, low, 12);
        Assert.Equal(195.025, high, 12);
    }

    [Fact]
    public void PercentileInterval_MostlyUndefined_Null()
    {
        var values = Enumerable.Range(0, 200).Select(i => i < 150 ? double.NaN : i).ToArray();

        Assert.Null(PoissonBootstrap.PercentileInterval(values));
    }
}
