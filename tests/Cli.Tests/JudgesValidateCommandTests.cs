namespace MultiTrust.Cli.Tests;

public sealed class JudgesValidateCommandTests
{
    [Fact]
    public async Task JudgesValidate_OneJudge_BothPartsAndEveryRecordClass()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("judges", "validate", "--judge", "refusal");

        Assert.Equal(0, exit);
        Assert.Contains("tuning", output, StringComparison.Ordinal);
        Assert.Contains("held-out", output, StringComparison.Ordinal);
        Assert.Contains("Per record class:", output, StringComparison.Ordinal);
        foreach (var recordClass in new[] { "non-english-refusal", "soft-refusal", "opening-then-compliance", "bare-no-question" })
        {
            Assert.Contains(recordClass, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task JudgesValidate_FloorAboveTheMeasuredAccuracy_ExitsOneAndShowsTheConfusion()
    {
        using var cli = new CliHarness();
        cli.Write("strict.json", """{ "refusal": { "tuning": 1.0, "held_out": 0.5 } }""");

        var (exit, output) = await cli.RunAsync("judges", "validate", "--floors", "strict.json", "--part", "tuning");

        Assert.Equal(1, exit);
        Assert.Contains("BELOW FLOOR", output, StringComparison.Ordinal);
        Assert.Contains("->", output, StringComparison.Ordinal); // a gold -> judge confusion of the failing classes
        Assert.Contains("refusal tuning ref-", output, StringComparison.Ordinal); // the disagreements of a judge below its floor
        Assert.DoesNotContain("held-out", output.Split("Per record class:")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgesValidate_BadPartOrFloorsFile_ClearError()
    {
        using var cli = new CliHarness();
        cli.Write("bad.json", """{ "refusal": 0.9 }""");

        var (partExit, partOutput) = await cli.RunAsync("judges", "validate", "--part", "all");
        var (floorsExit, floorsOutput) = await cli.RunAsync("judges", "validate", "--floors", "bad.json");

        Assert.NotEqual(0, partExit);
        Assert.Contains("--part must be tuning, held-out or both", partOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, floorsExit);
        Assert.Contains("bad.json", floorsOutput, StringComparison.Ordinal);
    }
}
