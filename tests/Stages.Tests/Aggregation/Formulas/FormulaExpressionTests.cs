using MultiTrust.Core.Records;
using MultiTrust.Stages.Aggregation.Formulas;
using static MultiTrust.Stages.Aggregation.Formulas.Formula;

namespace MultiTrust.Stages.Tests.Aggregation.Formulas;

public sealed class FormulaExpressionTests
{
    private static readonly TaskFormula s_available = new("x1", "X.1", Scale100(MeanOfAvailable(
        Metric("text", "rta"),
        MeanOfAvailable(Metrics("rta", "image-a", "image-b")))));

    private static List<MetricRow> Rows(string inputs) => TaskFormulasTests.Rows("x1", inputs);

    [Fact]
    public void MeanOfAvailable_SomeGroupsMissing_MeanOfTheRestAndNamesThem()
    {
        var result = s_available.Evaluate(Rows("text/rta=.9; image-b/rta=.5"));

        Assert.Equal(70, result.Value!.Value, 9); // mean(.9, mean(.5))
        Assert.Empty(result.Missing);
        Assert.Equal(["image-a/rta"], result.Unavailable);
        Assert.Equal("not available: image-a/rta", result.UnavailableNote);
    }

    [Fact]
    public void MeanOfAvailable_NothingAvailable_NotScoredNamingEveryInput()
    {
        var result = s_available.Evaluate([]);

        Assert.Null(result.Value);
        Assert.Equal(["text/rta", "image-a/rta", "image-b/rta"], result.Missing);
        Assert.Empty(result.Unavailable);
    }

    [Fact]
    public void MeanOfAvailable_Render_SaysSo()
    {
        Assert.Equal("X.1 = 100 · mean of available(text/rta, mean of available(image-a/rta, image-b/rta))", s_available.Render());
    }

    [Fact]
    public void WeightedMean_WeightsNotSummingToOne_NormalisedAndRenderedWithTotal()
    {
        var formula = new TaskFormula("x1", "X.1", WeightedMean((4, Metric("a", "m")), (5, Metric("b", "m")), (5, Metric("c", "m"))));

        var result = formula.Evaluate(Rows("a/m=.7; b/m=0; c/m=.7"));

        Assert.Equal(0.45, result.Value!.Value, 12);
        Assert.Equal("X.1 = (4·a/m + 5·b/m + 5·c/m) / 14", formula.Render());
    }

    [Fact]
    public void WeightedMean_ZeroWeight_Throws()
    {
        Assert.Throws<ArgumentException>(() => WeightedMean((0, Metric("a", "m"))));
    }

    [Fact]
    public void Mean_NoItems_Throws()
    {
        Assert.Throws<ArgumentException>(() => Mean());
    }

    [Fact]
    public void Ratio_ZeroDenominator_Missing()
    {
        var formula = new TaskFormula("x1", "X.1", Divide(Metric("a", "m"), Metric("b", "m")));

        var result = formula.Evaluate(Rows("a/m=1; b/m=0"));

        Assert.Null(result.Value);
        Assert.Equal(["a non-zero b/m"], result.Missing);
    }

    [Fact]
    public void Synthetic_DepartsOnlyWhereSubsetsAreMissing_OthersUseTheProtocol()
    {
        Assert.Equal(
            ["p6-pii-leakage-in-conversation", "t1-basic", "t2-advanced", "t6-visual-confusion"],
            TaskFormulas.Synthetic.Keys.Order(StringComparer.Ordinal));
        Assert.Same(TaskFormulas.For("s4-typographic-jailbreaking"), TaskFormulas.ForSynthetic("s4-typographic-jailbreaking"));
        Assert.Equal("T.1 = 100 · all/accuracy", TaskFormulas.ForSynthetic("t1-basic").Render());
    }
}
