using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Llm;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Judging.Llm;

public sealed class LlmJudgeRawAndMetadataTests
{
    private static LlmJudgeOptions Options(string template, LlmJudgeParser parser = LlmJudgeParser.Raw) => new()
    {
        Id = "gpt",
        JudgeModel = LlmJudgeTests.JudgeModel,
        TemplateText = template,
        Parser = parser,
    };

    [Theory]
    [InlineData("[Yes]")]
    [InlineData("Something else entirely")]
    [InlineData("")]
    public async Task JudgeAsync_RawParser_OkWithoutLabelOrScoreAndOutputKept(string output)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => output;
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var judge = new LlmJudge(client, Options("Judge: {response} vs {target}"));

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("4"), default);

        Assert.Equal(new JudgeVerdict(null, null, JudgmentStatus.Ok, output), verdict);
    }

    [Fact]
    public async Task JudgeAsync_RawParserFailedCall_JudgeError()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.ServerError();
        using var client = JudgeTestKit.Client(server.BaseUrl, maxRetries: 0);
        var judge = new LlmJudge(client, Options("Judge: {response}"));

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("4"), default);

        Assert.Equal(JudgmentStatus.JudgeError, verdict.Status);
        Assert.Null(verdict.Score);
    }

    [Fact]
    public async Task JudgeAsync_MetadataKeyMissing_SkippedNamingKeyWithoutCall()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var judge = new LlmJudge(client, Options("Box {response} in {meta:img_size}"));

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("[0, 0, 1, 1]"), default);

        Assert.Equal(JudgmentStatus.Skipped, verdict.Status);
        Assert.Contains("needs sample metadata 'img_size'", verdict.Raw, StringComparison.Ordinal);
        Assert.Equal(0, server.TotalRequests);
    }

    [Fact]
    public async Task JudgeAsync_MetadataPresent_FilledFromSampleMetadata()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => "'''[0.1, 0.2, 0.3, 0.4]'''";
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var judge = new LlmJudge(client, Options("Box {response} in {meta:img_size}"));
        var sample = JudgeTestKit.Sample(metadata: new Dictionary<string, string> { ["img_size"] = "(640, 480)" });

        var verdict = await judge.JudgeAsync(sample, JudgeTestKit.Response("[1, 2, 3, 4]"), default);

        Assert.Equal("Box [1, 2, 3, 4] in (640, 480)", Assert.Single(server.Requests).LastUserText);
        Assert.Equal("'''[0.1, 0.2, 0.3, 0.4]'''", verdict.Raw);
    }
}
