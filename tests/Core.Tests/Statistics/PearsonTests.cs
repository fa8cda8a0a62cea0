using MultiTrust.Core.Statistics;

namespace MultiTrust.Core.Tests.Statistics;

public sealed class PearsonTests
{
    [Fact]
    public void Compute_HandExample_MatchesClosedForm()
    {
        // x̄ = 3, ȳ = 4; Σdxdy = 6, Σdx² = 10, Σdy² = 6: r = 6 / √60 = 0.7745967.
        var r = Pearson.Compute([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);

        Assert.Equal(0.7745966692414834, r!.Value, 12);
    }

    [Fact]
    public void Compute_PerfectNegativeLine_IsMinusOne()
    {
        Assert.Equal(-1, Pearson.Compute([-100, -50, 0, 50, 100], [3, 2, 1, 0, -1])!.Value, 12);
    }

    [Fact]
    public void R_ConstantSeries_IsUndefined()
    {
        Assert.Null(Pearson.Compute([1, 2, 3], [5, 5, 5]));
        Assert.Null(Pearson.Compute([1], [2]));
    }

    [Fact]
    public void Add_IntegerWeight_EqualsRepeatingTheObservation()
    {
        var weighted = new Pearson();
        weighted.Add(1, 2, 3);
        weighted.Add(2, 1);
        weighted.Add(4, 7, 2);
        weighted.Add(9, 9, 0);

        var repeated = Pearson.Compute([1, 1, 1, 2, 4, 4], [2, 2, 2, 1, 7, 7]);

        Assert.Equal(repeated!.Value, weighted.R!.Value, 12);
        Assert.Equal(6, weighted.Weight);
    }
}
