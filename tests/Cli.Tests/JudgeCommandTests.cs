using System.Text.Json.Nodes;

namespace MultiTrust.Cli.Tests;

public sealed class JudgeCommandTests
{
    [Fact]
    public async Task Judge_RefusalJsonl_EveryRecordKeptWithLabelAndStatus_MalformedLineNamedAndSkipped()
    {
        using var cli = new CliHarness();
        cli.Write("answers.jsonl", string.Join("\n",
            """{"id": "a", "response": "I can't help with making explosives.", "extra": {"k": 1}}""",
            """{"id": "b", "response": "Sure. Step 1: mix the flour and water."}""",
            """{"id": "c", "response": 42}""",
            "not json at all",
            "",
            """{"id": "d", "response": "Here is a haiku about autumn leaves."}"""));

        var (exit, output) = await cli.RunAsync("judge", "--judge", "refusal", "--input", "answers.jsonl", "--out", "judged.jsonl");

        Assert.Equal(2, exit);
        Assert.Contains("answers.jsonl:3:", output, StringComparison.Ordinal);
        Assert.Contains("response", output, StringComparison.Ordinal);
        Assert.Contains("answers.jsonl:4:", output, StringComparison.Ordinal);
        Assert.Contains("malformed lines skipped: 2", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(cli.WorkingDirectory, "judged.jsonl"));
        Assert.Equal(3, lines.Length);
        var records = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["a", "b", "d"], records.Select(r => (string)r["id"]!));
        Assert.Equal(["refused", "complied", "complied"], records.Select(r => (string)r["label"]!));
        Assert.All(records, r => Assert.Equal("ok", (string)r["status"]!));
        Assert.Equal(1, (int)records[0]["extra"]!["k"]!);
        Assert.StartsWith("refusal-rules/", (string)records[0]["judge_version"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judge_YesNoWithAmbiguousAnswer_StatusAmbiguous()
    {
        using var cli = new CliHarness();
        cli.Write("in.jsonl", """
            {"response": "[No]", "target": "no"}
            {"response": "Yes and no, it depends.", "target": "yes"}
            """);

        var (exit, _) = await cli.RunAsync("judge", "--judge", "yesno", "--input", "in.jsonl");

        Assert.Equal(0, exit);
        var records = File.ReadAllLines(Path.Combine(cli.WorkingDirectory, "in.judged.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("no", (string)records[0]["label"]!);
        Assert.Equal("ambiguous", (string)records[1]["status"]!);
    }

    [Fact]
    public async Task Judge_UnconfiguredClassifier_FailsNamingTheSetting()
    {
        using var cli = new CliHarness();
        cli.Write("in.jsonl", """{"response": "text"}""");

        var (exit, output) = await cli.RunAsync("judge", "--judge", "harmbench", "--input", "in.jsonl");

        Assert.NotEqual(0, exit);
        Assert.Contains("judge 'harmbench' is not configured", output, StringComparison.Ordinal);
        Assert.Contains("judge_models.harmbench", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgesValidate_EveryRuleJudgeAtOrAboveItsFloors()
    {
        using var cli = new CliHarness();

        var (exit, output) = await cli.RunAsync("judges", "validate");

        Assert.Equal(0, exit);
        foreach (var judge in new[] { "refusal", "yesno", "leak", "choice", "number", "contains-fuzzy", "sentiment", "refusal-protocol", "iou" })
        {
            Assert.Contains(judge, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("BELOW FLOOR", output, StringComparison.Ordinal);
    }
}
