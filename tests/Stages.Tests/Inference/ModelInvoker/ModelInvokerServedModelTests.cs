using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference;

namespace MultiTrust.Stages.Tests.Inference.Invoking;

/// <summary>The served model identity in the response-cache key, and the gate that learns it at the start of a run.</summary>
public sealed class ModelInvokerServedModelTests
{
    private static readonly ModelInvokerOptions s_options = new()
    {
        ModelId = "openai-compatible/llava",
        ProviderKind = "openai-compatible",
        ModelName = "llava-1.5-7b-hf",
        Generation = new GenerationParameters(0, 100, null, null),
    };

    private readonly FakeBlobStore _blobs = new();

    private static Sample SampleNumber(int i) => TestSamples.Create($"Is there a cat in image {i}?");

    private static TestChatClient Serving(string? model, string? fingerprint = null) => new()
    {
        GetResponseAsyncCallback = (_, _, _) => Task.FromResult(Answer(model, fingerprint)),
    };

    private static ChatResponse Answer(string? model, string? fingerprint)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "Yes.")) { FinishReason = ChatFinishReason.Stop, ModelId = model };
        if (fingerprint is not null)
        {
            response.AdditionalProperties = new() { [ChatPropertyKeys.SystemFingerprint] = fingerprint };
        }

        return response;
    }

    private async Task<InMemoryResponseCache> CacheAnsweredByAsync(string? model, string? fingerprint, int samples)
    {
        var cache = new InMemoryResponseCache();
        var invoker = new ModelInvoker(Serving(model, fingerprint), s_options, _blobs, cache);
        for (var i = 0; i < samples; i++)
        {
            await invoker.InvokeAsync(SampleNumber(i), Variant.Clean, CancellationToken.None);
        }

        return cache;
    }

    [Theory]
    [InlineData("llava-1.5-7b-hf", null, "llava-1.5-7b-hf")]
    [InlineData("gpt-4o-2024-08-06", "fp_44709d6fcb", "gpt-4o-2024-08-06#fp_44709d6fcb")]
    [InlineData(null, "fp_1", "#fp_1")]
    [InlineData(null, null, "")]
    public void Of_ModelAndFingerprint_IsModelHashFingerprint(string? model, string? fingerprint, string expected)
    {
        Assert.Equal(expected, ServedModel.Of(Answer(model, fingerprint)));
    }

    [Fact]
    public async Task InvokeAsync_ServedModelChanged_MissesTheCache()
    {
        var cache = await CacheAnsweredByAsync("weights-monday", null, 3);
        var client = Serving("weights-tuesday");
        var invoker = new ModelInvoker(client, s_options, _blobs, cache);

        var responses = new List<ModelResponse>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await invoker.InvokeAsync(SampleNumber(i), Variant.Clean, CancellationToken.None));
        }

        Assert.Equal(3, client.Calls);
        Assert.All(responses, r => Assert.False(r.CacheHit));
    }

    [Fact]
    public async Task InvokeAsync_SameServedModel_OneProbeThenHits()
    {
        var cache = await CacheAnsweredByAsync("weights-monday", null, 3);
        var client = Serving("weights-monday");
        var invoker = new ModelInvoker(client, s_options, _blobs, cache);

        var responses = new List<ModelResponse>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await invoker.InvokeAsync(SampleNumber(i), Variant.Clean, CancellationToken.None));
        }

        Assert.Equal(1, client.Calls);
        Assert.Equal([false, true, true], responses.Select(r => r.CacheHit));
    }

    [Fact]
    public async Task InvokeAsync_SystemFingerprintChanged_MissesTheCache()
    {
        var cache = await CacheAnsweredByAsync("gpt-4o-2024-08-06", "fp_old", 2);
        var client = Serving("gpt-4o-2024-08-06", "fp_new");
        var invoker = new ModelInvoker(client, s_options, _blobs, cache);

        await invoker.InvokeAsync(SampleNumber(0), Variant.Clean, CancellationToken.None);
        var second = await invoker.InvokeAsync(SampleNumber(1), Variant.Clean, CancellationToken.None);

        Assert.Equal(2, client.Calls);
        Assert.False(second.CacheHit);
    }

    [Fact]
    public async Task InvokeAsync_ServedModelUnknown_ConcurrentRequestsWaitForOneProbe()
    {
        const int requests = 16;
        var cache = await CacheAnsweredByAsync("m", null, requests);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new TestChatClient
        {
            GetResponseAsyncCallback = async (_, _, _) =>
            {
                await release.Task;
                return Answer("m", null);
            },
        };
        var invoker = new ModelInvoker(client, s_options, _blobs, cache);

        var running = Enumerable.Range(0, requests).Select(i => invoker.InvokeAsync(SampleNumber(i), Variant.Clean, CancellationToken.None).AsTask()).ToList();
        var sentBeforeTheProbeAnswered = client.Calls;
        release.SetResult();
        var responses = await Task.WhenAll(running);

        Assert.Equal(1, sentBeforeTheProbeAnswered);
        Assert.Equal(1, client.Calls);
        Assert.Equal(requests - 1, responses.Count(r => r.CacheHit));
    }

    [Fact]
    public async Task InvokeAsync_ProbeFails_NextRequestProbesInstead()
    {
        var cache = await CacheAnsweredByAsync("m", null, 3);
        var calls = 0;
        var client = new TestChatClient
        {
            GetResponseAsyncCallback = (_, _, _) => Interlocked.Increment(ref calls) == 1
                ? Task.FromException<ChatResponse>(new ModelCallException(ResponseStatus.Error, "HTTP 500", 1))
                : Task.FromResult(Answer("m", null)),
        };
        var invoker = new ModelInvoker(client, s_options, _blobs, cache);

        var first = await invoker.InvokeAsync(SampleNumber(0), Variant.Clean, CancellationToken.None);
        var second = await invoker.InvokeAsync(SampleNumber(1), Variant.Clean, CancellationToken.None);
        var third = await invoker.InvokeAsync(SampleNumber(2), Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.Error, first.Status);
        Assert.False(second.CacheHit); // the failed probe taught nothing: this one probes
        Assert.True(third.CacheHit);
        Assert.Equal(2, client.Calls);
    }

    [Fact]
    public async Task InvokeAsync_CacheThatCannotAnswer_RequestsDoNotWaitForAProbe()
    {
        const int requests = 8;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new TestChatClient
        {
            GetResponseAsyncCallback = async (_, _, _) =>
            {
                await release.Task;
                return Answer("m", null);
            },
        };
        var invoker = new ModelInvoker(client, s_options, _blobs, new InMemoryResponseCache());

        var running = Enumerable.Range(0, requests).Select(i => invoker.InvokeAsync(SampleNumber(i), Variant.Clean, CancellationToken.None).AsTask()).ToList();
        var sentAtOnce = client.Calls;
        release.SetResult();
        await Task.WhenAll(running);

        Assert.Equal(requests, sentAtOnce);
    }
}
