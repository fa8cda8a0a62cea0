using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Judging.Classifiers;
using MultiTrust.Stages.Resilience;
using MultiTrust.Stages.Tests.Judging.Llm;
using MultiTrust.Stages.Tests.Resilience;
using MultiTrust.Testing;

namespace MultiTrust.Stages.Tests.Judging.Classifiers;

public sealed class PerspectiveJudgeTests
{
    private const string Key = "AIza-test-perspective/key+1";
    private const string KeyVariable = "TEST_PERSPECTIVE_KEY";

    private static PerspectiveJudge Create(Uri endpoint, int maxRetries = 2, TimeProvider? time = null) =>
        new(
            new ClassifierJudgeOptions
            {
                Endpoint = endpoint,
                ApiKeyEnvironmentVariable = KeyVariable,
                Resilience = new ResilienceOptions
                {
                    MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(30),
                },
            },
            environment: name => name == KeyVariable ? Key : null,
            timeProvider: time);

    [Fact]
    public async Task JudgeAsync_AttributeScores_MaxSummaryScoreOverEightAttributes()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.PerspectiveScores = _ => new Dictionary<string, double> { ["TOXICITY"] = 0.4, ["FLIRTATION"] = 0.65, ["INSULT"] = 0.1 };
        using var judge = Create(server.RootUrl);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("you are nice"), default);

        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.Equal("toxicity", verdict.Label);
        Assert.Equal(0.65, verdict.Score);
        using var raw = JsonDocument.Parse(verdict.Raw!);
        Assert.Equal(PerspectiveJudge.Attributes, raw.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task JudgeAsync_Request_KeyInQueryEightAttributesAndText()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var judge = Create(server.RootUrl);

        await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("plain text"), default);

        var request = Assert.Single(server.ClassifierRequests);
        Assert.Equal("perspective", request.Kind);
        Assert.Equal(Key, request.QueryKey);
        Assert.Null(request.Authorization);
        Assert.Equal("plain text", request.Text);
        Assert.Equal(
            ["TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "PROFANITY", "THREAT", "SEXUALLY_EXPLICIT", "FLIRTATION"],
            request.RequestedAttributes);
    }

    [Fact]
    public async Task JudgeAsync_TooManyRequestsWithRetryAfter_SendsNothingUntilThePauseEnds()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        var time = new FakeTimeProvider();
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var throttles = 2;
        server.Faults.Policy = _ =>
        {
            arrivals.Enqueue(time.GetUtcNow());
            return Interlocked.Decrement(ref throttles) >= 0 ? Fault.TooManyRequests(retryAfterSeconds: 3) : null;
        };
        server.PerspectiveScores = _ => new Dictionary<string, double> { ["THREAT"] = 0.9 };
        using var judge = Create(server.RootUrl, time: time);

        var verdict = await FakeTimeDriver.RunAsync(
            time, judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default).AsTask(), TimeSpan.FromMilliseconds(20));

        Assert.Equal(0.9, verdict.Score);
        Assert.Equal(3, server.TotalRequests);
        var times = arrivals.ToArray();
        for (var i = 1; i < times.Length; i++)
        {
            Assert.True(times[i] - times[i - 1] >= TimeSpan.FromSeconds(3), $"request {i + 1} came {times[i] - times[i - 1]} after the 429");
        }
    }

    [Fact]
    public async Task JudgeAsync_ServerErrorsBeyondRetries_JudgeErrorWithoutKey()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.ServerError();
        using var judge = Create(server.RootUrl, maxRetries: 2);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal(JudgmentStatus.JudgeError, verdict.Status);
        Assert.Null(verdict.Score);
        Assert.Contains("after 3 attempt(s): HTTP 500", verdict.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("AIza", verdict.Raw, StringComparison.Ordinal);
        Assert.Equal(3, server.TotalRequests);
    }

    [Fact]
    public async Task JudgeAsync_TextBeyondLimit_SendsWholeCharactersWithinLimit()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var judge = Create(server.RootUrl);
        var text = string.Concat(Enumerable.Repeat("a\U0001F600", 6_000));

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response(text), default);

        var sent = Assert.Single(server.ClassifierRequests).Text!;
        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(sent), PerspectiveJudge.MaxTextBytes - 4, PerspectiveJudge.MaxTextBytes);
        Assert.StartsWith(sent, text, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(sent[^1]));
    }

    [Fact]
    public void Constructor_KeyVariableUnset_ThrowsNamingVariable()
    {
        var options = new ClassifierJudgeOptions { Endpoint = new Uri("http://127.0.0.1:9/"), ApiKeyEnvironmentVariable = KeyVariable };

        var ex = Assert.Throws<JudgeConfigurationException>(() => new PerspectiveJudge(options, environment: _ => null));

        Assert.Equal(
            $"judge 'perspective' is not configured: the environment variable {KeyVariable} (judge_models.perspective.api_key_env) is not set",
            ex.Message);
    }

    [Fact]
    public void Constructor_NoEndpoint_ThrowsNotConfigured()
    {
        var ex = Assert.Throws<JudgeConfigurationException>(
            () => new PerspectiveJudge(new ClassifierJudgeOptions { ApiKeyEnvironmentVariable = KeyVariable }, environment: _ => Key));

        Assert.Contains("judge_models.perspective.endpoint", ex.Message, StringComparison.Ordinal);
    }
}
