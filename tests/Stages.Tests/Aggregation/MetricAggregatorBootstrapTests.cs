using System.Globalization;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Aggregation;

namespace MultiTrust.Stages.Tests.Aggregation;

public sealed class MetricAggregatorBootstrapTests
{
    private const string Task = "p3-infoflow";

    private static MetricAggregator NewAggregator(long seed = 42) => new(
        new Dictionary<string, IReadOnlyList<MetricDefinition>>
        {
            [Task] = [new("score", "rater", true), new("pearson", "number", true, MetricKind.PearsonWithExpected)],
        },
        seed);

    // x ~ U(0, 1), y = x + N(0, 1/12): the population r is 1/√2.
    private static List<Judgment> Sample(int n, int seed = 1)
    {
        var random = new Random(seed);
        var judgments = new List<Judgment>(2 * n);
        for (var i = 0; i < n; i++)
        {
            var x = random.NextDouble();
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var y = x + (gaussian * Math.Sqrt(1.0 / 12));
            var expected = y.ToString("R", CultureInfo.InvariantCulture);
            judgments.Add(new($"s{i}", "clean", "m", Task, "text", "rater", "v1", null, x, JudgmentStatus.Ok, null));
            judgments.Add(new($"s{i}", "clean", "m", Task, "text", "number", "v1", null, x, JudgmentStatus.Ok, null, expected));
        }

        return judgments;
    }

    private static (MetricRow Score, MetricRow Pearson) Build(IEnumerable<Judgment> judgments, long seed = 42)
    {
        var aggregator = NewAggregator(seed);
        foreach (var judgment in judgments)
        {
            aggregator.Add(judgment);
        }

        var rows = aggregator.Build("r");
        return (Assert.Single(rows, r => r.Subset == "text" && r.Metric == "score"),
            Assert.Single(rows, r => r.Subset == "text" && r.Metric == "pearson"));
    }

    [Fact]
    public void Build_ConstructedSample_IntervalsCoverTheTrueValues()
    {
        var (score, pearson) = Build(Sample(400));

        Assert.InRange(0.5, score.CiLow!.Value, score.CiHigh!.Value);
        Assert.InRange(1 / Math.Sqrt(2), pearson.CiLow!.Value, pearson.CiHigh!.Value);
        Assert.InRange(pearson.Value!.Value, pearson.CiLow!.Value, pearson.CiHigh!.Value);
    }

    [Fact]
    public void Build_DifferentArrivalOrder_SameIntervals()
    {
        var judgments = Sample(300);
        var shuffled = judgments.OrderBy(j => j.SampleId.GetHashCode(StringComparison.Ordinal)).ThenBy(j => j.JudgeId).ToList();
        Assert.NotEqual(judgments.Select(j => j.SampleId), shuffled.Select(j => j.SampleId));

        var forward = Build(judgments);
        var reordered = Build(shuffled);

        // Identical up to floating-point summation order.
        Assert.Equal(forward.Pearson.CiLow!.Value, reordered.Pearson.CiLow!.Value, 12);
        Assert.Equal(forward.Pearson.CiHigh!.Value, reordered.Pearson.CiHigh!.Value, 12);
        Assert.Equal(forward.Score.CiLow!.Value, reordered.Score.CiLow!.Value, 12);
        Assert.Equal(forward.Score.CiHigh!.Value, reordered.Score.CiHigh!.Value, 12);
    }

    [Fact]
    public void Build_MoreObservations_NarrowerIntervals()
    {
        var small = Build(Sample(40));
        var large = Build(Sample(4000));

        Assert.True(Width(large.Pearson) < Width(small.Pearson) / 4, $"{Width(large.Pearson)} vs {Width(small.Pearson)}");
        Assert.True(Width(large.Score) < Width(small.Score) / 4, $"{Width(large.Score)} vs {Width(small.Score)}");
    }

    [Fact]
    public void Build_OtherSeed_OtherIntervalSameValue()
    {
        var judgments = Sample(200);

        var a = Build(judgments, seed: 1);
        var b = Build(judgments, seed: 2);

        Assert.Equal(a.Pearson.Value, b.Pearson.Value);
        Assert.NotEqual(a.Pearson.CiLow, b.Pearson.CiLow);
    }

    [Fact]
    public void Build_SubsetAndAll_ShareWeightsSoSingleSubsetIntervalsMatch()
    {
        var aggregator = NewAggregator();
        foreach (var judgment in Sample(100))
        {
            aggregator.Add(judgment);
        }

        var rows = aggregator.Build("r");
        var all = Assert.Single(rows, r => r.Subset == "all" && r.Metric == "pearson");
        var text = Assert.Single(rows, r => r.Subset == "text" && r.Metric == "pearson");

        Assert.Equal(text.CiLow, all.CiLow);
        Assert.Equal(text.CiHigh, all.CiHigh);
    }

    private static double Width(MetricRow row) => row.CiHigh!.Value - row.CiLow!.Value;
}
