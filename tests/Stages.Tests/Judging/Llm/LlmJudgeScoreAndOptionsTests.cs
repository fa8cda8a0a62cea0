using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging.Llm;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Judging.Llm;

public sealed class LlmJudgeScoreAndOptionsTests
{
    [Theory]
    [InlineData("Score: 75", "75", 75.0)]
    [InlineData("75/100 - mostly correct", "75", 75.0)]
    [InlineData("I rate it 50 out of 100. Indeed 50.", "50", 50.0)]
    public async Task JudgeAsync_ScoreParser_ReadsOneAllowedNumber(string output, string label, double score)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => output;
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var judge = new LlmJudge(client, LlmJudgeTests.Options(LlmJudgeParser.Score, templateText: "Rate {response} 0-100"));

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.Equal(label, verdict.Label);
        Assert.Equal(score, verdict.Score);
    }

    [Theory]
    [InlineData("Either 25 or 75.")]
    [InlineData("Score: 42")]
    [InlineData("no idea")]
    public async Task JudgeAsync_ScoreParserNoneOrSeveral_Unparseable(string output)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => output;
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var judge = new LlmJudge(client, LlmJudgeTests.Options(LlmJudgeParser.Score, templateText: "Rate {response} 0-100"));

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal(JudgmentStatus.Unparseable, verdict.Status);
        Assert.Null(verdict.Score);
    }

    [Theory]
    [InlineData("", "m", "Id")]
    [InlineData("llm-x", "", "JudgeModel")]
    public void Validate_MissingField_ThrowsNamingIt(string id, string model, string field)
    {
        var options = new LlmJudgeOptions { Id = id, JudgeModel = model, TemplateText = "{response}" };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("LlmJudgeOptions." + field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BothTemplateSources_Throws()
    {
        var options = new LlmJudgeOptions { Id = "x", JudgeModel = "m", TemplateText = "{response}", TemplatePath = "a.txt" };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("TemplatePath and TemplateText", ex.Message, StringComparison.Ordinal);
    }
}
