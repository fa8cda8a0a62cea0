using MultiTrust.Core;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference.Cache;
using MultiTrust.Stages.Judging.Llm;
using MultiTrust.Stages.Tests.Inference.Invoking;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Judging.Llm;

public sealed class LlmJudgeTests
{
    internal const string JudgeModel = "judge-model-2024-08-06";

    internal static LlmJudgeOptions Options(
        LlmJudgeParser parser = LlmJudgeParser.YesNo, int maxConcurrency = 4, string? templateText = null) => new()
        {
            Id = "llm-consistency",
            JudgeModel = JudgeModel,
            TemplatePath = templateText is null ? DataPaths.Combine("judges", "templates", "consistency-yesno.txt") : null,
            TemplateText = templateText,
            MaxConcurrency = maxConcurrency,
            Parser = parser,
        };

    [Theory]
    [InlineData("[Yes]", "yes", 1.0)]
    [InlineData("No.", "no", 0.0)]
    [InlineData("[No] The response says 5.", "no", 0.0)]
    public async Task JudgeAsync_YesNoOutput_LabelScoreAndRawOutput(string output, string label, double score)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => output;
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var judge = new LlmJudge(client, Options());

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("The answer is 4."), default);

        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.Equal(label, verdict.Label);
        Assert.Equal(score, verdict.Score);
        Assert.Equal(output, verdict.Raw);
    }

    [Fact]
    public async Task JudgeAsync_Request_PinnedModelTemperatureZeroAndFilledTemplate()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => "[Yes]";
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var judge = new LlmJudge(client, Options());

        await judge.JudgeAsync(JudgeTestKit.Sample(expected: "four"), JudgeTestKit.Response("It is 4."), default);

        var request = Assert.Single(server.Requests);
        Assert.Equal(JudgeModel, request.Model);
        Assert.Equal(0.0, request.Temperature);
        Assert.Equal(16, request.MaxTokens);
        Assert.StartsWith("Here is a response:It is 4.,its ground truth:four.", request.LastUserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_UnreadableOutput_UnparseableWithNullScore()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => "I cannot determine that.";
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var judge = new LlmJudge(client, Options());

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("4"), default);

        Assert.Equal(JudgmentStatus.Unparseable, verdict.Status);
        Assert.Null(verdict.Score);
        Assert.Equal("I cannot determine that.", verdict.Raw);
    }

    [Fact]
    public async Task JudgeAsync_ServerErrorsBeyondRetries_JudgeErrorWithMessage()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.ServerError();
        using var client = JudgeTestKit.Client(server.BaseUrl, maxRetries: 2);
        var judge = new LlmJudge(client, Options());

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("4"), default);

        Assert.Equal(JudgmentStatus.JudgeError, verdict.Status);
        Assert.Null(verdict.Label);
        Assert.Null(verdict.Score);
        Assert.Contains("HTTP 500", verdict.Raw, StringComparison.Ordinal);
        Assert.Equal(3, server.TotalRequests);
    }

    [Fact]
    public void Version_TemplateHash_ModelAndFirst12HexOfSha256()
    {
        using var client = JudgeTestKit.Client(new Uri("http://127.0.0.1:9/v1"));
        var judge = new LlmJudge(client, Options(templateText: "Is {response} right? [Yes] or [No]"));
        var other = new LlmJudge(client, Options(templateText: "Is {response} correct? [Yes] or [No]"));

        Assert.Equal($"llm/{JudgeModel}/{judge.Template.Sha256[..12]}", judge.Version);
        Assert.Matches("^llm/judge-model-2024-08-06/[0-9a-f]{12}$", judge.Version);
        Assert.NotEqual(judge.Version, other.Version);
    }

    [Fact]
    public async Task JudgeAsync_CacheHit_NoSecondRequest()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => "[Yes]";
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var dir = Directory.CreateTempSubdirectory("llmjudge-cache-");
        try
        {
            await using (var cache = await SqliteResponseCache.OpenAsync(Path.Combine(dir.FullName, "judges.sqlite")))
            {
                var judge = new LlmJudge(client, Options(), cache);
                var first = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("4"), default);
                var second = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("4"), default);

                Assert.Equal(first, second);
                Assert.Equal(1, server.TotalRequests);
            }

            await using var reopened = await SqliteResponseCache.OpenAsync(Path.Combine(dir.FullName, "judges.sqlite"));
            var again = await new LlmJudge(client, Options(), reopened).JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("4"), default);
            Assert.Equal("yes", again.Label);
            Assert.Equal(1, server.TotalRequests);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task JudgeAsync_FailedCall_NotCached()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.Status(400));
        server.Reply = _ => "[No]";
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var cache = new InMemoryResponseCache();
        var judge = new LlmJudge(client, Options(), cache);

        var failed = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("4"), default);
        var retried = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("4"), default);

        Assert.Equal(JudgmentStatus.JudgeError, failed.Status);
        Assert.Equal("no", retried.Label);
        Assert.Equal(2, server.TotalRequests);
        Assert.Single(cache.Entries);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task JudgeAsync_ManyConcurrentCalls_InFlightNeverAboveMaxConcurrency(int maxConcurrency)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Reply = _ => "[Yes]";
        server.Faults.Policy = _ => Fault.Slow(TimeSpan.FromMilliseconds(20));
        using var client = JudgeTestKit.Client(server.BaseUrl, maxConcurrency: 16);
        var judge = new LlmJudge(client, Options(maxConcurrency: maxConcurrency));

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            judge.JudgeAsync(JudgeTestKit.Sample(prompt: "q" + i), JudgeTestKit.Response("a" + i), default).AsTask()));

        Assert.All(verdicts, v => Assert.Equal("yes", v.Label));
        Assert.Equal(12, server.TotalRequests);
        Assert.InRange(server.MaxInFlight, 1, maxConcurrency);
    }

    [Fact]
    public async Task JudgeAsync_TemplateNeedsTargetSampleHasNone_SkippedWithoutCall()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var client = JudgeTestKit.Client(server.BaseUrl);
        var judge = new LlmJudge(client, Options());

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(expected: null), JudgeTestKit.Response("4"), default);

        Assert.Equal(JudgmentStatus.Skipped, verdict.Status);
        Assert.Equal(0, server.TotalRequests);
    }

    [Fact]
    public void Constructor_UnknownPlaceholderInFile_ThrowsNamingFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"judge-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "Judge {response} against {truth}");
        try
        {
            using var client = JudgeTestKit.Client(new Uri("http://127.0.0.1:9/v1"));
            var bad = new LlmJudgeOptions { Id = "llm-x", JudgeModel = JudgeModel, TemplatePath = path };
            var error = Assert.Throws<InvalidDataException>(() => new LlmJudge(client, bad));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("{truth}", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
