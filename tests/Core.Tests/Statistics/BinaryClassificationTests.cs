using MultiTrust.Core.Statistics;

namespace MultiTrust.Core.Tests.Statistics;

public sealed class BinaryClassificationTests
{
    [Fact]
    public void Metrics_HandExample()
    {
        // TP 3, FP 1, FN 3: P = 3/4, R = 3/6, F1 = 6 / 10.
        Assert.Equal(0.75, BinaryClassification.Precision(3, 1));
        Assert.Equal(0.5, BinaryClassification.Recall(3, 3));
        Assert.Equal(0.6, BinaryClassification.F1(3, 1, 3)!.Value, 12);
    }

    [Fact]
    public void Metrics_ZeroDenominator_Undefined()
    {
        Assert.Null(BinaryClassification.Precision(0, 0));
        Assert.Null(BinaryClassification.Recall(0, 0));
        Assert.Null(BinaryClassification.F1(0, 0, 0));
        Assert.Equal(0, BinaryClassification.F1(0, 2, 1));
    }
}
