using System.Text.Json.Nodes;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Records;

namespace MultiTrust.Stages.Tests.Judging.Records;

public sealed class JsonlJudgeRunnerTests
{
    private static async Task<(JsonlJudgeSummary Summary, List<JsonObject> Output, string Errors)> RunAsync(IJudge judge, string input)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var summary = await JsonlJudgeRunner.RunAsync(judge, new StringReader(input), output, errors, "in.jsonl", CancellationToken.None);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (JsonObject)JsonNode.Parse(l)!).ToList();
        return (summary, lines, errors.ToString());
    }

    [Fact]
    public async Task RunAsync_Record_KeepsAllFieldsAndAddsVerdict()
    {
        var (summary, output, errors) = await RunAsync(
            new YesNoJudge(),
            """{"id":"q1","response":"Yes, it is.","target":"no","extra":{"nested":[1,2]},"ünï":"cødé"}""");

        var line = Assert.Single(output);
        Assert.Equal(["id", "response", "target", "extra", "ünï", "label", "status", "judge_version"], line.Select(p => p.Key));
        Assert.Equal("q1", line["id"]!.GetValue<string>());
        Assert.Equal(2, line["extra"]!["nested"]![1]!.GetValue<int>());
        Assert.Equal("cødé", line["ünï"]!.GetValue<string>());
        Assert.Equal("yes", line["label"]!.GetValue<string>());
        Assert.Equal("ok", line["status"]!.GetValue<string>());
        Assert.Equal(YesNoJudge.RuleVersion, line["judge_version"]!.GetValue<string>());
        Assert.Equal((1, 0, 1), (summary.Judged, summary.Malformed, summary.Ok));
        Assert.Equal("", errors);
    }

    [Fact]
    public async Task RunAsync_MalformedLine_ReportedWithLineNumberAndRestJudged()
    {
        var input = string.Join(
            "\n",
            """{"response":"I can't help with that."}""",
            "",
            """{"response": 42}""",
            "not json",
            """{"response":"Canberra."}""");

        var (summary, output, errors) = await RunAsync(new RefusalJudge(), input);

        Assert.Equal(["refused", "complied"], output.Select(o => o["label"]!.GetValue<string>()));
        Assert.Equal((2, 2), (summary.Judged, summary.Malformed));
        var errorLines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errorLines.Length);
        Assert.StartsWith("in.jsonl:3: field 'response': must be a string", errorLines[0], StringComparison.Ordinal);
        Assert.StartsWith("in.jsonl:4: invalid JSON", errorLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_GoldLabel_KeptAsGoldLabel()
    {
        var (_, output, _) = await RunAsync(new RefusalJudge(), """{"id":"g","response":"Canberra.","label":"refused"}""");

        var line = Assert.Single(output);
        Assert.Equal("complied", line["label"]!.GetValue<string>());
        Assert.Equal("refused", line["gold_label"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_EarlierOutputJudgedAgain_GoldLabelUnchanged()
    {
        var (_, output, _) = await RunAsync(new RefusalJudge(), """{"response":"Canberra.","label":"complied","gold_label":"refused","status":"ok"}""");

        var line = Assert.Single(output);
        Assert.Equal("refused", line["gold_label"]!.GetValue<string>());
        Assert.Equal("complied", line["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_NonOkVerdicts_StatusNamesAndNullLabel()
    {
        var input = string.Join(
            "\n",
            """{"response":"Yes and no.","target":"yes"}""",
            """{"response":"The image shows a cat.","target":"yes"}""");

        var (summary, output, _) = await RunAsync(new YesNoJudge(), input);

        Assert.Equal(["ambiguous", "unparseable"], output.Select(o => o["status"]!.GetValue<string>()));
        Assert.All(output, o => Assert.Null(o["label"]));
        Assert.True(output[0].ContainsKey("label"));
        Assert.Equal((1, 1), (summary.Ambiguous, summary.Unparseable));
    }

    [Fact]
    public async Task RunAsync_LeakRecordWithoutSecrets_Skipped()
    {
        var (summary, output, _) = await RunAsync(new LeakJudge(), """{"response":"555-123-4567"}""");

        Assert.Equal("skipped", Assert.Single(output)["status"]!.GetValue<string>());
        Assert.Equal(1, summary.Count(JudgmentStatus.Skipped));
    }

    [Fact]
    public async Task RunAsync_JudgeThrows_JudgeErrorAndRunContinues()
    {
        var (summary, output, errors) = await RunAsync(new ThrowingJudge(), "{\"response\":\"a\"}\n{\"response\":\"b\"}");

        Assert.Equal(2, output.Count);
        Assert.All(output, o => Assert.Equal("judge_error", o["status"]!.GetValue<string>()));
        Assert.Equal(2, summary.JudgeError);
        Assert.Contains("in.jsonl:1: judge 'boom' failed: backend down", errors, StringComparison.Ordinal);
    }

    private sealed class ThrowingJudge : IJudge
    {
        public string Id => "boom";

        public string Version => "boom/1";

        public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
            throw new HttpRequestException("backend down");
    }
}
