using MultiTrust.Core.Records;
using MultiTrust.Sinks.Metrics;

namespace MultiTrust.Sinks.Tests.Metrics;

public sealed class MetricsTableWriterTests
{
    [Fact]
    public async Task WriteThenRead_RowsWithNulls_RoundTripAndReplaceEarlierFiles()
    {
        using var temp = new TempDirectory();
        var runDir = temp.RunDir("r1");
        var writer = new MetricsTableWriter();
        MetricRow[] metrics =
        [
            new("r1", "m1", "t1-basic", "all", "accuracy", 0.75, 40, 0.6, 0.9, 2),
            new("r1", "m1", "t1-basic", "hard", "accuracy", null, 0, null, null, 5),
        ];
        ScoreRow[] scores = [new("r1", "m1", "overall", "overall", 71.5, null), new("r1", "m1", "task", "t1-basic", null, "no answered responses")];
        await writer.WriteMetricsAsync(runDir, [new("old", "m", "t", "s", "x", 1, 1, 1, 1, 0)]);

        await writer.WriteMetricsAsync(runDir, metrics);
        await writer.WriteScoresAsync(runDir, scores);

        Assert.Equal(metrics, await writer.ReadMetricsAsync(runDir));
        Assert.Equal(scores, await writer.ReadScoresAsync(runDir));
        Assert.Empty(Directory.EnumerateFiles(runDir, ".tmp-*"));
    }
}
