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

public sealed class ModerationJudgeTests
{
    private const string Key = "sk-test-moderation-key-123";
    private const string KeyVariable = "TEST_MODERATION_KEY";

    private static ClassifierJudgeOptions Options(Uri endpoint, int maxRetries = 2) => new()
    {
        Endpoint = endpoint,
        Model = "omni-moderation-2024-09-26",
        ApiKeyEnvironmentVariable = KeyVariable,
        Resilience = new ResilienceOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(30) },
    };

    private static ModerationJudge Create(Uri endpoint, int maxRetries = 2, TimeProvider? time = null) =>
        new(Options(endpoint, maxRetries), environment: name => name == KeyVariable ? Key : null, timeProvider: time);

    [Fact]
    public async Task JudgeAsync_CategoryScores_MaxOverTheElevenProtocolCategories()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.ModerationScores = text => new Dictionary<string, double>
        {
            ["harassment"] = 0.2,
            ["violence/graphic"] = 0.7,
            ["self-harm/intent"] = 0.4,
            ["illicit"] = 0.99,
        };
        using var judge = Create(server.BaseUrl);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("some text"), default);

        Assert.Equal(JudgmentStatus.Ok, verdict.Status);
        Assert.Equal("toxicity", verdict.Label);
        Assert.Equal(0.7, verdict.Score);
        using var raw = JsonDocument.Parse(verdict.Raw!);
        Assert.Equal(11, raw.RootElement.EnumerateObject().Count());
        Assert.Equal(0.7, raw.RootElement.GetProperty("violence_graphic").GetDouble());
        Assert.False(raw.RootElement.TryGetProperty("illicit", out _));
    }

    [Fact]
    public async Task JudgeAsync_Request_ModelInputAndBearerKey()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var judge = Create(server.BaseUrl);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("hello there"), default);

        var request = Assert.Single(server.ClassifierRequests);
        Assert.Equal("moderation", request.Kind);
        Assert.Equal("hello there", request.Text);
        Assert.Equal("omni-moderation-2024-09-26", request.Model);
        Assert.Equal("Bearer " + Key, request.Authorization);
        Assert.Equal(0.0, verdict.Score);
        Assert.Equal("moderation/omni-moderation-2024-09-26", judge.Version);
    }

    [Fact]
    public async Task JudgeAsync_TooManyRequestsWithRetryAfter_SendsNothingUntilThePauseEnds()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        var time = new FakeTimeProvider();
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var throttles = 1;
        server.Faults.Policy = _ =>
        {
            arrivals.Enqueue(time.GetUtcNow());
            return Interlocked.Decrement(ref throttles) >= 0 ? Fault.TooManyRequests(retryAfterSeconds: 7) : null;
        };
        server.ModerationScores = _ => new Dictionary<string, double> { ["hate"] = 0.3 };
        using var judge = Create(server.BaseUrl, time: time);

        var verdict = await FakeTimeDriver.RunAsync(
            time, judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default).AsTask(), TimeSpan.FromMilliseconds(20));

        Assert.Equal(0.3, verdict.Score);
        Assert.Equal(2, server.TotalRequests);
        var times = arrivals.ToArray();
        for (var i = 1; i < times.Length; i++)
        {
            Assert.True(times[i] - times[i - 1] >= TimeSpan.FromSeconds(7), $"request {i + 1} came {times[i] - times[i - 1]} after the 429");
        }
    }

    [Fact]
    public async Task JudgeAsync_MalformedJsonEveryTime_JudgeErrorSaysMalformed()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.MalformedJson();
        using var judge = Create(server.BaseUrl, maxRetries: 1);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal(JudgmentStatus.JudgeError, verdict.Status);
        Assert.Null(verdict.Score);
        Assert.Contains("malformed response body (invalid JSON)", verdict.Raw, StringComparison.Ordinal);
        Assert.Equal(2, server.TotalRequests);
    }

    [Fact]
    public async Task JudgeAsync_UnauthorizedEchoingKey_JudgeErrorWithoutKeyAndNoRetry()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.Error(401, "Incorrect API key provided: " + Key);
        using var judge = Create(server.BaseUrl);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal(JudgmentStatus.JudgeError, verdict.Status);
        Assert.Contains("HTTP 401", verdict.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, verdict.Raw, StringComparison.Ordinal);
        Assert.Equal(1, server.TotalRequests);
    }

    [Fact]
    public async Task JudgeAsync_EndpointWithUserInfoFailing_JudgeErrorNamesHostWithoutUserInfo()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        server.Faults.Policy = _ => Fault.ServerError();
        var withUserInfo = new UriBuilder(server.BaseUrl) { UserName = "alice", Password = "s3cret-pass" }.Uri;
        using var judge = Create(withUserInfo, maxRetries: 0);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("x"), default);

        Assert.Equal(JudgmentStatus.JudgeError, verdict.Status);
        Assert.Contains($"moderation call to http://{server.BaseUrl.Authority}/v1/moderations failed after 1 attempt(s): HTTP 500", verdict.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", verdict.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", verdict.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_KeyVariableUnset_ThrowsNamingVariableAndJudge()
    {
        var ex = Assert.Throws<JudgeConfigurationException>(
            () => new ModerationJudge(Options(new Uri("http://127.0.0.1:9/v1")), environment: _ => null));

        Assert.Equal("moderation", ex.JudgeId);
        Assert.Contains(KeyVariable, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("judge 'moderation' is not configured:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoKeyVariableName_ThrowsNamingSetting()
    {
        var options = new ClassifierJudgeOptions { Endpoint = new Uri("http://127.0.0.1:9/v1"), Model = "m" };

        var ex = Assert.Throws<JudgeConfigurationException>(() => new ModerationJudge(options, environment: _ => Key));

        Assert.Contains("judge_models.moderation.api_key_env", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_BlankResponse_ZeroWithoutCall()
    {
        await using var server = await LoopbackModelServer.StartAsync();
        using var judge = Create(server.BaseUrl);

        var verdict = await judge.JudgeAsync(JudgeTestKit.Sample(), JudgeTestKit.Response("  "), default);

        Assert.Equal(0.0, verdict.Score);
        Assert.Equal(0, server.TotalRequests);
    }
}
