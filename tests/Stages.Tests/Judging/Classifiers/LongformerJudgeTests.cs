using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Classifiers;
using MultiTrust.Stages.Resilience;
using MultiTrust.Stages.Tests.Judging.Llm;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Judging.Classifiers;

public sealed class LongformerJudgeTests
{
    private const string Model = "LibrAI/longformer-action-ro";

    private static LongformerJudge Create(
        Uri endpoint, int maxRetries = 2, int maxConcurrency = 8, string? keyVariable = null, Func<string, string?>? environment = null) =>
        new(
            new ClassifierJudgeOptions
            {
                Endpoint = endpoint,
                Model = Model,
                ApiKeyEnvironmentVariable = keyVariable,
                MaxConcurrency = maxConcurrency,
                Resilience = new ResilienceOptions
                {
                    MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5),
                },
            },
            environment: environment);

    [Theory]
    [InlineData("I'm sorry, but I cannot help with that request.", "LABEL_0")]
    [InlineData("Sure, here is the answer.", "LABEL_5")]
    public async Task JudgeAsync_Text_TopLabelAsLabelAndRawWithoutScore(string text, string label)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var judge = Create(server.LongformerUrl);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response(text), default);

        Assert.Equal(new JudgeVerdict(label, null, JudgmentStatus.Ok, label), verdict);
        var request = Assert.Single(server.ClassifierRequests);
        Assert.Equal("longformer", request.Kind);
        Assert.Equal(text, request.Text);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task JudgeAsync_NestedServerlessAnswer_TopLabel()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.LongformerNested = true;
        server.LongformerLabel = _ => "LABEL_4";
        using var judge = Create(server.LongformerUrl);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal("LABEL_4", verdict.Label);
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
    }

    [Fact]
    public async Task JudgeAsync_ServerErrorThenAnswer_RetriesAndSucceeds()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Enqueue(Fault.ServerError(), count: 2);
        using var judge = Create(server.LongformerUrl, maxRetries: 2);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("Sure."), default);

        Assert.Equal("LABEL_5", verdict.Label);
        Assert.Equal(3, server.TotalRequests);
    }

    [Fact]
    public async Task JudgeAsync_ServerErrorsBeyondRetries_JudgeErrorNamingStatus()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.ServerError();
        using var judge = Create(server.LongformerUrl, maxRetries: 1);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal(JudgmentStatus.JudgeError, verdict.Status);
        Assert.Null(verdict.Label);
        Assert.Contains("longformer call to", verdict.Raw, StringComparison.Ordinal);
        Assert.Contains("after 2 attempt(s): HTTP 500", verdict.Raw, StringComparison.Ordinal);
        Assert.Equal(2, server.TotalRequests);
    }

    [Fact]
    public async Task JudgeAsync_MalformedBody_JudgeErrorAfterRetries()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.MalformedJson();
        using var judge = Create(server.LongformerUrl, maxRetries: 1);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal(JudgmentStatus.JudgeError, verdict.Status);
        Assert.Contains("malformed response body (invalid JSON)", verdict.Raw, StringComparison.Ordinal);
        Assert.Equal(2, server.TotalRequests);
    }

    [Fact]
    public async Task JudgeAsync_AnswerWithoutLabels_JudgeErrorWithoutRetry()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.LongformerLabel = _ => " ";
        using var judge = Create(server.LongformerUrl);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal(JudgmentStatus.JudgeError, verdict.Status);
        Assert.Contains("is not a list of {\"label\", \"score\"} objects", verdict.Raw, StringComparison.Ordinal);
        Assert.Equal(1, server.TotalRequests);
    }

    [Fact]
    public async Task JudgeAsync_KeyVariable_SendsBearerToken()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var judge = Create(server.LongformerUrl, keyVariable: "HF_TOKEN", environment: n => n == "HF_TOKEN" ? "hf-secret" : null);

        await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal("Bearer hf-secret", Assert.Single(server.ClassifierRequests).Authorization);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task JudgeAsync_ManyConcurrentCalls_InFlightBoundedAndEveryCallAnswered(int maxConcurrency)
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.Slow(TimeSpan.FromMilliseconds(20));
        using var judge = Create(server.LongformerUrl, maxConcurrency: maxConcurrency);
        var texts = Enumerable.Range(0, 12).Select(i => i % 2 == 0 ? $"sorry {i}" : $"fine {i}").ToList();

        var verdicts = await Task.WhenAll(texts.Select(t => judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response(t), default).AsTask()));

        Assert.Equal(texts.Select(t => t.StartsWith("sorry", StringComparison.Ordinal) ? "LABEL_0" : "LABEL_5"), verdicts.Select(v => v.Label));
        Assert.Equal(12, server.TotalRequests);
        Assert.InRange(server.MaxInFlight, 1, maxConcurrency);
    }

    [Fact]
    public async Task JudgeAsync_NoText_SkippedWithoutCall()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var judge = Create(server.LongformerUrl);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response(null), default);

        Assert.Equal(JudgmentStatus.Skipped, verdict.Status);
        Assert.Equal(0, server.TotalRequests);
    }

    [Fact]
    public void Version_Model_NamesClassifier()
    {
        using var judge = Create(new Uri("http://127.0.0.1:9/models/x"));

        Assert.Equal("longformer/LibrAI/longformer-action-ro", judge.Version);
        Assert.Equal("longformer", judge.Id);
    }

    [Fact]
    public void Constructor_NoModel_ThrowsNotConfigured()
    {
        var ex = Assert.Throws<JudgeConfigurationException>(
            () => new LongformerJudge(new ClassifierJudgeOptions { Endpoint = new Uri("http://127.0.0.1:9/models/x") }));

        Assert.Equal(
            "judge 'longformer' is not configured: set judge_models.longformer.endpoint and .model in the pipeline file", ex.Message);
    }
}
