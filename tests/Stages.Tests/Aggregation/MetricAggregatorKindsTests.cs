using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Aggregation;

namespace MultiTrust.Stages.Tests.Aggregation;

public sealed class MetricAggregatorKindsTests
{
    private const string Task = "p1-vispriv-recognition";

    private static readonly MetricDefinition[] s_definitions =
    [
        new("accuracy", "yesno", true),
        new("precision", "yesno", true, MetricKind.Precision, "yes"),
        new("recall", "yesno", true, MetricKind.Recall, "yes"),
        new("f1", "yesno", true, MetricKind.F1, "yes"),
        new("failure_rate", "yesno", false, MetricKind.FailureRate),
        new("pearson", "number", true, MetricKind.PearsonWithExpected),
    ];

    private int _counter;

    private static MetricAggregator NewAggregator(long seed = 0) =>
        new(new Dictionary<string, IReadOnlyList<MetricDefinition>> { [Task] = s_definitions }, seed);

    private Judgment J(string judge, string? label, double? score, string? expected, JudgmentStatus status = JudgmentStatus.Ok) =>
        new($"s{++_counter}", "clean", "m", Task, "vispr", judge, "v1", label, score, status, null, expected);

    private static MetricRow Row(IReadOnlyList<MetricRow> rows, string metric) =>
        Assert.Single(rows, r => r.Subset == "vispr" && r.Metric == metric);

    private MetricAggregator WithConfusionCounts()
    {
        var aggregator = NewAggregator();
        void Add(int times, string? label, string expected, JudgmentStatus status = JudgmentStatus.Ok)
        {
            for (var i = 0; i < times; i++)
            {
                aggregator.Add(J("yesno", label, label == expected ? 1 : 0, expected, status));
            }
        }

        Add(3, "yes", "yes");                          // TP
        Add(1, "yes", "no");                           // FP
        Add(2, "no", "yes");                           // FN
        Add(4, "no", "no");                            // TN
        Add(1, null, "yes", JudgmentStatus.Unparseable); // FN: an undecided answer does not predict positive
        Add(1, null, "no", JudgmentStatus.Ambiguous);   // undecided by the judge: left out, like a judge error
        aggregator.Add(J("yesno", null, null, "yes", JudgmentStatus.Skipped));
        aggregator.Add(J("yesno", "yes", 1, null));      // no expected answer: not classified
        return aggregator;
    }

    [Fact]
    public void Build_PrecisionRecallF1_FromLabelsAndExpected()
    {
        var rows = WithConfusionCounts().Build("r");

        // TP 3, FP 1, FN 3: P = 0.75, R = 0.5, F1 = 6/10.
        Assert.Equal(0.75, Row(rows, "precision").Value);
        Assert.Equal(0.5, Row(rows, "recall").Value);
        Assert.Equal(0.6, Row(rows, "f1").Value!.Value, 12);
        Assert.Equal(11, Row(rows, "precision").N);
        Assert.Equal(3, Row(rows, "f1").Excluded); // the failed response, the ambiguous verdict and the one without an expected answer
    }

    [Fact]
    public void Build_F1_HasBootstrapIntervalAroundValue()
    {
        var row = Row(WithConfusionCounts().Build("r"), "f1");

        Assert.NotNull(row.CiLow);
        Assert.InRange(row.Value!.Value, row.CiLow!.Value, row.CiHigh!.Value);
        Assert.True(row.CiHigh - row.CiLow > 0.05);
    }

    [Fact]
    public void Build_FailureRate_AmbiguousAndUnparseableAmongJudged()
    {
        var rows = WithConfusionCounts().Build("r");

        var failure = Row(rows, "failure_rate");
        Assert.Equal(2.0 / 13, failure.Value!.Value, 12); // 13 judged (12 with expected + 1 without), 2 undecided
        Assert.Equal(13, failure.N);
        Assert.Equal(1, failure.Excluded);
        Assert.NotNull(failure.CiLow);
    }

    [Fact]
    public void Build_Pearson_OverOkScoresAgainstNumericExpected()
    {
        var aggregator = NewAggregator();
        double[] scores = [1, 2, 3, 4, 5];
        string[] expected = ["2", "4", "5", "4", "5"];
        for (var i = 0; i < scores.Length; i++)
        {
            aggregator.Add(J("number", null, scores[i], expected[i]));
        }

        aggregator.Add(J("number", null, null, "100", JudgmentStatus.Unparseable));
        aggregator.Add(J("number", null, null, "100", JudgmentStatus.JudgeError));

        var row = Row(aggregator.Build("r"), "pearson");

        Assert.Equal(0.7745966692414834, row.Value!.Value, 12);
        Assert.Equal(5, row.N);
        Assert.Equal(2, row.Excluded); // the judge error and the unparseable verdict: N + excluded = 7 rows
    }

    [Fact]
    public void Build_PearsonOfConstantScores_UndefinedWithCount()
    {
        var aggregator = NewAggregator();
        aggregator.Add(J("number", null, 50, "0"));
        aggregator.Add(J("number", null, 50, "100"));

        var row = Row(aggregator.Build("r"), "pearson");

        Assert.Null(row.Value);
        Assert.Equal(2, row.N);
        Assert.Null(row.CiLow);
    }

    [Fact]
    public void Add_PearsonWithNonNumericExpected_ThrowsNamingSample()
    {
        var aggregator = NewAggregator();

        var ex = Assert.Throws<InvalidOperationException>(() => aggregator.Add(J("number", null, 50, "agree")));

        Assert.Contains("'agree'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("s1", ex.Message, StringComparison.Ordinal);
    }
}
