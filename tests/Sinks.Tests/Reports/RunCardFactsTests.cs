using MultiTrust.Sinks.Reports;

namespace MultiTrust.Sinks.Tests.Reports;

public sealed class RunCardFactsTests
{
    [Fact]
    public void From_RunCard_ReadsFacts()
    {
        var facts = RunCardFacts.From(ReportWriterTests.Card());

        Assert.Equal("quickstart", facts.PipelineName);
        Assert.Equal("abc123", facts.ConfigHash);
        Assert.Equal(42, facts.Seed);
        Assert.True(facts.IsSynthetic);
        Assert.Equal(["baseline:refuse", "baseline:oracle"], facts.Models);
        Assert.Equal(["t1-basic"], facts.Tasks);
        Assert.Equal("69793af", facts.GitCommit);
        Assert.Contains("ci-1", facts.Host);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 5, 30, TimeSpan.Zero), facts.FinishedUtc);
    }

    [Fact]
    public void From_OfficialSuite_NotSynthetic()
    {
        Assert.False(RunCardFacts.From(ReportWriterTests.Card("official")).IsSynthetic);
    }
}
