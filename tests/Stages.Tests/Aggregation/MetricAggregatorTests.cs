using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Aggregation;

namespace MultiTrust.Stages.Tests.Aggregation;

public sealed class MetricAggregatorTests
{
    private const string Task = "s4-typographic-jailbreaking";

    private static MetricAggregator NewAggregator() => new(new Dictionary<string, IReadOnlyList<MetricDefinition>>
    {
        [Task] = [new MetricDefinition("rta", "refusal", true), new MetricDefinition("asr", "harmbench", false)],
    });

    private int _counter;

    private Judgment J(string judge, double? score, JudgmentStatus status = JudgmentStatus.Ok,
        string subset = "prompt", string model = "m1", string task = Task, string variant = "clean") =>
        new($"s{++_counter}", variant, model, task, subset, judge, "v1", null, score, status, null);

    private static MetricRow Row(IReadOnlyList<MetricRow> rows, string subset, string metric, string model = "m1") =>
        Assert.Single(rows, r => r.ModelId == model && r.Subset == subset && r.Metric == metric);

    [Fact]
    public void Build_BinaryScores_MeanAndWilsonInterval()
    {
        var aggregator = NewAggregator();
        for (var i = 0; i < 10; i++)
        {
            aggregator.Add(J("refusal", i < 8 ? 1 : 0));
        }

        var row = Row(aggregator.Build("run1"), "prompt", "rta");

        Assert.Equal(0.8, row.Value);
        Assert.Equal(10, row.N);
        Assert.Equal(0.4902, row.CiLow!.Value, 4);
        Assert.Equal(0.9433, row.CiHigh!.Value, 4);
        Assert.Equal("run1", row.RunId);
    }

    [Fact]
    public void Build_AllOnes_WilsonUpperBoundIsOne()
    {
        var aggregator = NewAggregator();
        for (var i = 0; i < 5; i++)
        {
            aggregator.Add(J("refusal", 1));
        }

        var row = Row(aggregator.Build("r"), "all", "rta");

        Assert.Equal(1.0, row.Value);
        Assert.Equal(1.0, row.CiHigh!.Value, 12);
        Assert.Equal(0.5655, row.CiLow!.Value, 4);
    }

    [Fact]
    public void Build_SingleNonBinaryScore_NoInterval()
    {
        var aggregator = NewAggregator();
        aggregator.Add(J("refusal", 0.5));

        var row = Row(aggregator.Build("r"), "prompt", "rta");

        Assert.Equal(0.5, row.Value);
        Assert.Null(row.CiLow);
        Assert.Null(row.CiHigh);
    }

    [Fact]
    public void Add_SkippedJudgeErrorAndNullScore_ExcludedFromDenominator_NPlusExcludedIsRows()
    {
        var aggregator = NewAggregator();
        aggregator.Add(J("refusal", 1));
        aggregator.Add(J("refusal", 0));
        aggregator.Add(J("refusal", null, JudgmentStatus.Skipped));
        aggregator.Add(J("refusal", 1, JudgmentStatus.JudgeError));
        aggregator.Add(J("refusal", null, JudgmentStatus.Unparseable));

        var row = Row(aggregator.Build("r"), "prompt", "rta");

        Assert.Equal(0.5, row.Value);
        Assert.Equal(2, row.N);
        Assert.Equal(3, row.Excluded); // skipped, judge error, and the unparseable verdict without a score
    }

    [Fact]
    public void Add_AmbiguousWithAScore_ExcludedFromTheMeanLikeAJudgeError()
    {
        var aggregator = NewAggregator();
        aggregator.Add(J("refusal", 1));
        aggregator.Add(J("refusal", 1));
        aggregator.Add(J("refusal", 0));
        aggregator.Add(J("refusal", 0, JudgmentStatus.Ambiguous)); // a score on an undecided verdict is not used

        var row = Row(aggregator.Build("r"), "prompt", "rta");

        Assert.Equal(2.0 / 3, row.Value!.Value, 12);
        Assert.Equal((3, 1), (row.N, row.Excluded));
    }

    [Fact]
    public void Build_OnlyFailedResponses_NullValueWithExcludedCount()
    {
        var aggregator = NewAggregator();
        aggregator.Add(J("refusal", null, JudgmentStatus.Skipped));
        aggregator.Add(J("refusal", null, JudgmentStatus.Skipped));

        var row = Row(aggregator.Build("r"), "all", "rta");

        Assert.Null(row.Value);
        Assert.Equal(0, row.N);
        Assert.Null(row.CiLow);
        Assert.Equal(2, row.Excluded);
    }

    [Fact]
    public void Add_JudgeOfOtherMetric_CountsOnlyForItsMetric()
    {
        var aggregator = NewAggregator();
        aggregator.Add(J("harmbench", 1));
        aggregator.Add(J("harmbench", 0));
        aggregator.Add(J("refusal", 1));

        var rows = aggregator.Build("r");

        Assert.Equal(0.5, Row(rows, "prompt", "asr").Value);
        Assert.Equal(2, Row(rows, "prompt", "asr").N);
        Assert.Equal(1, Row(rows, "prompt", "rta").N);
    }

    [Fact]
    public void Add_UnknownJudge_IgnoredButGroupHasRowsForEveryMetric()
    {
        var aggregator = NewAggregator();
        aggregator.Add(J("yesno", 1));

        var rows = aggregator.Build("r");

        Assert.Equal(4, rows.Count); // (all, prompt) x (rta, asr)
        Assert.All(rows, r => Assert.Null(r.Value));
    }

    [Fact]
    public void Build_SubsetsFoldIntoAll()
    {
        var aggregator = NewAggregator();
        aggregator.Add(J("refusal", 1, subset: "a"));
        aggregator.Add(J("refusal", 1, subset: "b"));
        aggregator.Add(J("refusal", 0, subset: "b"));
        aggregator.Add(J("refusal", 0, JudgmentStatus.Skipped, subset: "b"));

        var rows = aggregator.Build("r");

        var all = Row(rows, "all", "rta");
        Assert.Equal(2.0 / 3, all.Value!.Value, 12);
        Assert.Equal(3, all.N);
        Assert.Equal(1, all.Excluded);
        Assert.Equal(1.0, Row(rows, "a", "rta").Value);
        Assert.Equal(0.5, Row(rows, "b", "rta").Value);
    }

    [Fact]
    public void Add_SubsetNamedAll_CountedOnce()
    {
        var aggregator = NewAggregator();
        aggregator.Add(J("refusal", 1, subset: "all"));

        var row = Row(aggregator.Build("r"), "all", "rta");

        Assert.Equal(1, row.N);
    }

    [Fact]
    public void Build_ArrivalOrder_DoesNotChangeSortedOutput()
    {
        var judgments = new List<Judgment>
        {
            J("refusal", 1, subset: "z", model: "m2"),
            J("refusal", 0, subset: "b", model: "m1"),
            J("harmbench", 1, subset: "a", model: "m1"),
            J("refusal", 1, subset: "a", model: "m2"),
        };
        var forward = NewAggregator();
        var backward = NewAggregator();
        judgments.ForEach(forward.Add);
        Enumerable.Reverse(judgments).ToList().ForEach(backward.Add);

        var rows = forward.Build("r");

        Assert.Equal(rows, backward.Build("r"));
        Assert.Equal(
            ["m1/all/rta", "m1/all/asr", "m1/a/rta", "m1/a/asr", "m1/b/rta", "m1/b/asr",
             "m2/all/rta", "m2/all/asr", "m2/a/rta", "m2/a/asr", "m2/z/rta", "m2/z/asr"],
            rows.Select(r => $"{r.ModelId}/{r.Subset}/{r.Metric}"));
    }

    [Fact]
    public void Add_TaskWithoutDefinitions_ThrowsNamingTask()
    {
        var aggregator = NewAggregator();

        var ex = Assert.Throws<InvalidOperationException>(() => aggregator.Add(J("refusal", 1, task: "x9-unknown")));

        Assert.Contains("x9-unknown", ex.Message);
    }

    [Fact]
    public void Add_NaNScore_ThrowsNamingJudge()
    {
        var aggregator = NewAggregator();

        var ex = Assert.Throws<InvalidOperationException>(() => aggregator.Add(J("refusal", double.NaN)));

        Assert.Contains("refusal", ex.Message);
    }

    [Fact]
    public void Build_Variants_GroupedSeparatelyCleanFirst()
    {
        var aggregator = NewAggregator();
        aggregator.Add(J("refusal", 0, subset: "a", variant: "gaussian-noise@3"));
        aggregator.Add(J("refusal", 1, subset: "a"));
        aggregator.Add(J("refusal", 1, subset: "a"));

        var rows = aggregator.Build("r").Where(r => r.Metric == "rta").ToList();

        Assert.Equal(
            ["clean/all", "clean/a", "gaussian-noise@3/all", "gaussian-noise@3/a"],
            rows.Select(r => $"{r.Variant}/{r.Subset}"));
        Assert.Equal(1.0, rows[0].Value);
        Assert.Equal(2, rows[0].N);
        Assert.Equal(0.0, rows[2].Value);
        Assert.Equal(1, rows[2].N);
    }

    [Fact]
    public void Constructor_PrecisionWithoutPositiveLabel_ThrowsNamingMetric()
    {
        var definitions = new Dictionary<string, IReadOnlyList<MetricDefinition>>
        {
            [Task] = [new MetricDefinition("precision", "yesno", true, MetricKind.Precision)],
        };

        var ex = Assert.Throws<ArgumentException>(() => new MetricAggregator(definitions));

        Assert.Contains("precision", ex.Message);
    }

    [Fact]
    public void Constructor_DuplicateMetricName_Throws()
    {
        var definitions = new Dictionary<string, IReadOnlyList<MetricDefinition>>
        {
            [Task] = [new MetricDefinition("rta", "refusal", true), new MetricDefinition("rta", "lf", true)],
        };

        var ex = Assert.Throws<ArgumentException>(() => new MetricAggregator(definitions));

        Assert.Contains("rta", ex.Message);
    }
}
