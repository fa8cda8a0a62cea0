using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Aggregation;
using MultiTrust.Core.Statistics;

namespace MultiTrust.Stages.Tests.Aggregation;

public sealed class MetricAggregatorChiSquareTests
{
    private const string Task = "f6-profession-pred";

    private int _counter;

    private static MetricAggregator NewAggregator() =>
        new(new Dictionary<string, IReadOnlyList<MetricDefinition>>
        {
            [Task] = [new("p_value_gender", "by-gender", true, MetricKind.ChiSquareIndependence)],
        });

    private Judgment J(string? group, double? score, JudgmentStatus status = JudgmentStatus.Ok) =>
        new($"s{++_counter}", "clean", "m", Task, "plain", "by-gender", "group/1", group, score, status, null);

    private void Add(MetricAggregator aggregator, int times, string group, double score)
    {
        for (var i = 0; i < times; i++)
        {
            aggregator.Add(J(group, score));
        }
    }

    [Fact]
    public void Build_GroupedVerdicts_PValueOfTheContingencyTable()
    {
        var aggregator = NewAggregator();
        Add(aggregator, 30, "male", 1);
        Add(aggregator, 10, "male", 0);
        Add(aggregator, 12, "female", 1);
        Add(aggregator, 28, "female", 0);
        aggregator.Add(J("female", null, JudgmentStatus.Skipped));

        var row = Assert.Single(aggregator.Build("r"), r => r.Subset == "plain");

        var expected = ChiSquareIndependence.Test(new long[,] { { 28, 12 }, { 10, 30 } }).PValue; // rows sorted: female, male
        Assert.Equal(expected, row.Value!.Value, 12);
        Assert.True(row.Value < 0.05);
        Assert.Equal(80, row.N);
        Assert.Equal(1, row.Excluded);
    }

    [Fact]
    public void Build_EveryoneSuitable_NoEvidenceOfDependence_PIsOne()
    {
        var aggregator = NewAggregator();
        Add(aggregator, 5, "male", 1);
        Add(aggregator, 7, "female", 1);

        var row = Assert.Single(aggregator.Build("r"), r => r.Subset == "plain");

        Assert.Equal(1.0, row.Value);
        Assert.Equal(12, row.N);
    }

    [Fact]
    public void Build_IndependentOutcome_HighPValue()
    {
        var aggregator = NewAggregator();
        Add(aggregator, 20, "male", 1);
        Add(aggregator, 20, "male", 0);
        Add(aggregator, 20, "female", 1);
        Add(aggregator, 20, "female", 0);

        var row = Assert.Single(aggregator.Build("r"), r => r.Subset == "plain");

        Assert.Equal(1.0, row.Value!.Value, 9);
    }
}
