using MultiTrust.Core.Pipeline;
using System.Collections.Immutable;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference;
using MultiTrust.Stages.Inference.Cache;

namespace MultiTrust.Stages.Tests.Inference.Invoking;

public sealed class ModelInvokerTests
{
    private static readonly ModelInvokerOptions s_options = new()
    {
        ModelId = "openai-compatible/llava",
        ProviderKind = "openai-compatible",
        ModelName = "llava-1.5-7b-hf",
        Generation = new GenerationParameters(0, 100, null, null),
    };

    private static readonly ModelInvokerOptions s_baseline = new()
    {
        ModelId = "baseline:oracle",
        ProviderKind = ModelInvokerOptions.BaselineProviderKind,
        ModelName = "baseline:oracle",
    };

    private readonly FakeBlobStore _blobs = new();

    [Fact]
    public async Task InvokeAsync_StopWithText_AnsweredWithTextTokensAndIds()
    {
        var client = TestChatClient.Returning("Yes.", ChatFinishReason.Stop, new UsageDetails { InputTokenCount = 12, OutputTokenCount = 3 });
        var sample = TestSamples.Create();

        var response = await Invoker(client).InvokeAsync(sample, Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.Answered, response.Status);
        Assert.Equal("Yes.", response.Text);
        Assert.Null(response.Error);
        Assert.Equal("stop", response.FinishReason);
        Assert.Equal(12, response.InputTokens);
        Assert.Equal(3, response.OutputTokens);
        Assert.Equal(1, response.Attempts);
        Assert.False(response.CacheHit);
        Assert.Equal(sample.Id, response.SampleId);
        Assert.Equal("clean", response.VariantId);
        Assert.Equal("openai-compatible/llava", response.ModelId);
        Assert.Equal("t1-basic", response.TaskId);
        Assert.Equal(32, response.RequestHash.Length);
    }

    [Fact]
    public async Task InvokeAsync_LengthFinish_TruncatedKeepsText()
    {
        var response = await Invoker(TestChatClient.Returning("Step 1: gather the", ChatFinishReason.Length))
            .InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.Truncated, response.Status);
        Assert.Equal("Step 1: gather the", response.Text);
        Assert.Equal("length", response.FinishReason);
    }

    [Fact]
    public async Task InvokeAsync_ContentFilterFinish_ContentFilteredWithoutText()
    {
        var response = await Invoker(TestChatClient.Returning("partial", ChatFinishReason.ContentFilter))
            .InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.ContentFiltered, response.Status);
        Assert.Null(response.Text);
        Assert.Equal("content_filter", response.FinishReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public async Task InvokeAsync_BlankText_Empty(string? text)
    {
        var response = await Invoker(TestChatClient.Returning(text))
            .InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.Empty, response.Status);
        Assert.Null(response.Text);
    }

    [Theory]
    [InlineData(ResponseStatus.Timeout)]
    [InlineData(ResponseStatus.Error)]
    [InlineData(ResponseStatus.ContentFiltered)]
    public async Task InvokeAsync_ModelCallException_ItsStatusMessageAndAttempts(ResponseStatus status)
    {
        var client = TestChatClient.Throwing(new ModelCallException(status, "HTTP 503 from http://127.0.0.1:1/v1 after 4 attempts", 4));

        var response = await Invoker(client).InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None);

        Assert.Equal(status, response.Status);
        Assert.Null(response.Text);
        Assert.Equal("HTTP 503 from http://127.0.0.1:1/v1 after 4 attempts", response.Error);
        Assert.Equal(4, response.Attempts);
    }

    [Fact]
    public async Task InvokeAsync_UnexpectedException_ErrorWithTypeAndMessageNeverText()
    {
        var client = TestChatClient.Throwing(new InvalidOperationException("Error in generation: boom"));

        var response = await Invoker(client).InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.Error, response.Status);
        Assert.Null(response.Text);
        Assert.Equal("InvalidOperationException: Error in generation: boom", response.Error);
        Assert.Equal(1, response.Attempts);
    }

    [Fact]
    public async Task InvokeAsync_HttpRequestException_Error()
    {
        var client = TestChatClient.Throwing(new HttpRequestException("Connection refused (127.0.0.1:9)"));

        var response = await Invoker(client).InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.Error, response.Status);
        Assert.Contains("HttpRequestException", response.Error, StringComparison.Ordinal);
        Assert.Null(response.Text);
    }

    [Fact]
    public async Task InvokeAsync_CancellationNotFromCaller_Timeout()
    {
        var client = TestChatClient.Throwing(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."));

        var response = await Invoker(client).InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.Timeout, response.Status);
        Assert.Contains("HttpClient.Timeout", response.Error, StringComparison.Ordinal);
        Assert.Null(response.Text);
    }

    [Fact]
    public async Task InvokeAsync_CallerCancels_Throws()
    {
        using var cts = new CancellationTokenSource();
        var client = new TestChatClient
        {
            GetResponseAsyncCallback = (_, _, ct) =>
            {
                cts.Cancel();
                ct.ThrowIfCancellationRequested();
                return Task.FromResult(new ChatResponse());
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await Invoker(client).InvokeAsync(TestSamples.Create(), Variant.Clean, cts.Token));
    }

    [Fact]
    public async Task InvokeAsync_AttemptsProperty_IsRecorded()
    {
        var client = new TestChatClient
        {
            GetResponseAsyncCallback = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "No."))
            {
                FinishReason = ChatFinishReason.Stop,
                AdditionalProperties = new() { [ChatPropertyKeys.Attempts] = 3 },
            }),
        };

        var response = await Invoker(client).InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None);

        Assert.Equal(3, response.Attempts);
    }

    [Fact]
    public async Task InvokeAsync_Request_CarriesModelAndDecodingButNoReference()
    {
        var client = TestChatClient.Returning("Yes.");
        var sample = TestSamples.Create(reference: "Yes");

        await Invoker(client).InvokeAsync(sample, Variant.Clean, CancellationToken.None);

        var options = Assert.IsType<ChatOptions>(client.LastOptions);
        Assert.Equal("llava-1.5-7b-hf", options.ModelId);
        Assert.Equal(0f, options.Temperature);
        Assert.Equal(100, options.MaxOutputTokens);
        Assert.Null(options.AdditionalProperties); // the ground truth never reaches a real model's client
        var message = Assert.Single(client.LastMessages!);
        Assert.Equal(ChatRole.User, message.Role);
        Assert.Equal(sample.Prompt, message.Text);
    }

    [Fact]
    public async Task InvokeAsync_Baseline_CarriesReferenceAndSeed()
    {
        var client = TestChatClient.Returning("Yes.");
        var sample = TestSamples.Create(reference: "Yes");
        var invoker = new ModelInvoker(client, s_baseline, new FakeBlobStore());

        var response = await invoker.InvokeAsync(sample, Variant.Clean, CancellationToken.None);

        var options = Assert.IsType<ChatOptions>(client.LastOptions);
        Assert.Equal("Yes", options.AdditionalProperties![ChatPropertyKeys.Reference]);
        Assert.Equal(RequestHasher.SeedOf(response.RequestHash), options.AdditionalProperties[ChatPropertyKeys.RequestSeed]);
    }

    [Fact]
    public async Task InvokeAsync_BaselineWithoutReference_NoReferenceProperty()
    {
        var client = TestChatClient.Returning("Yes.");
        var invoker = new ModelInvoker(client, s_baseline, new FakeBlobStore());

        await invoker.InvokeAsync(TestSamples.Create(reference: null), Variant.Clean, CancellationToken.None);

        Assert.False(client.LastOptions!.AdditionalProperties!.ContainsKey(ChatPropertyKeys.Reference));
    }

    [Fact]
    public async Task InvokeAsync_NewRevision_MissesTheCacheOfTheOldOne()
    {
        var cache = new InMemoryResponseCache();
        var client = TestChatClient.Returning("Yes.");
        var sample = TestSamples.Create();

        var old = await new ModelInvoker(client, s_options, _blobs, cache).InvokeAsync(sample, Variant.Clean, CancellationToken.None);
        var updated = new ModelInvoker(client, new ModelInvokerOptions
        {
            ModelId = s_options.ModelId,
            ProviderKind = s_options.ProviderKind,
            ModelName = s_options.ModelName,
            Generation = s_options.Generation,
            Revision = "2026-11-28",
        }, _blobs, cache);
        var response = await updated.InvokeAsync(sample, Variant.Clean, CancellationToken.None);

        Assert.NotEqual(old.RequestHash, response.RequestHash);
        Assert.False(response.CacheHit);
        Assert.Equal(2, client.Calls);
    }

    [Fact]
    public async Task InvokeAsync_CacheFails_SystemicFailureNotAnErrorRow()
    {
        var cache = new InMemoryResponseCache { Failure = new IOException("disk I/O error") };
        var client = TestChatClient.Returning("Yes.");

        var error = await Assert.ThrowsAsync<SystemicFailureException>(
            async () => await Invoker(client, cache).InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None));

        Assert.Contains("response cache", error.Message, StringComparison.Ordinal);
        Assert.Contains("disk I/O error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ErrorOutcome_NotCachedAndRetriedNextTime()
    {
        var cache = new InMemoryResponseCache();
        var client = TestChatClient.Throwing(new ModelCallException(ResponseStatus.Timeout, "timed out after 30 s", 2));
        var invoker = Invoker(client, cache);
        var sample = TestSamples.Create();

        await invoker.InvokeAsync(sample, Variant.Clean, CancellationToken.None);
        var second = await invoker.InvokeAsync(sample, Variant.Clean, CancellationToken.None);

        Assert.Empty(cache.Entries);
        Assert.Equal(2, client.Calls);
        Assert.False(second.CacheHit);
    }

    [Fact]
    public async Task InvokeAsync_CacheHit_SkipsClientWithZeroAttempts()
    {
        var cache = new InMemoryResponseCache();
        var client = TestChatClient.Returning("No, there is no cat.", usage: new UsageDetails { InputTokenCount = 7, OutputTokenCount = 5 });
        var invoker = Invoker(client, cache);
        var sample = TestSamples.Create();

        var first = await invoker.InvokeAsync(sample, Variant.Clean, CancellationToken.None);
        var second = await invoker.InvokeAsync(sample, Variant.Clean, CancellationToken.None);

        Assert.Equal(1, client.Calls);
        Assert.False(first.CacheHit);
        Assert.True(second.CacheHit);
        Assert.Equal(0, second.Attempts);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(first.RequestHash, second.RequestHash);
        Assert.Equal(7, second.InputTokens);
    }

    [Fact]
    public async Task InvokeAsync_UseCacheFalse_NeverTouchesCache()
    {
        var cache = new InMemoryResponseCache();
        var options = new ModelInvokerOptions { ModelId = "m", ProviderKind = "p", ModelName = "n", UseCache = false };
        var invoker = new Stages.Inference.ModelInvoker(TestChatClient.Returning("Yes."), options, _blobs, cache);

        await invoker.InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None);

        Assert.Equal(0, cache.Gets);
        Assert.Equal(0, cache.Puts);
    }

    [Fact]
    public async Task InvokeAsync_WithSqliteCache_SecondInvokerLearnsServedModelOnceThenHits()
    {
        var directory = Directory.CreateTempSubdirectory("mt-invoker-");
        try
        {
            var path = SqliteResponseCache.DefaultPath(directory.FullName);
            var first = TestSamples.Create("Is there a cat in the image?");
            var second = TestSamples.Create("Is there a dog in the image?");
            await using (var cache = await SqliteResponseCache.OpenAsync(path))
            {
                var invoker = Invoker(TestChatClient.Returning("Yes."), cache);
                await invoker.InvokeAsync(first, Variant.Clean, CancellationToken.None);
                await invoker.InvokeAsync(second, Variant.Clean, CancellationToken.None);
            }

            await using (var cache = await SqliteResponseCache.OpenAsync(path))
            {
                var client = TestChatClient.Returning("Yes.");
                var invoker = Invoker(client, cache);
                var probe = await invoker.InvokeAsync(first, Variant.Clean, CancellationToken.None);
                var response = await invoker.InvokeAsync(second, Variant.Clean, CancellationToken.None);

                Assert.False(probe.CacheHit); // sent: its answer tells which model the endpoint serves now
                Assert.Equal(1, client.Calls);
                Assert.True(response.CacheHit);
                Assert.Equal("Yes.", response.Text);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task InvokeAsync_LatencyFromTimeProvider()
    {
        var clock = new FakeTimeProvider();
        var client = new TestChatClient
        {
            GetResponseAsyncCallback = (_, _, _) =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(1500));
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Yes.")));
            },
        };
        var invoker = new Stages.Inference.ModelInvoker(client, s_options, _blobs, timeProvider: clock);

        var response = await invoker.InvokeAsync(TestSamples.Create(), Variant.Clean, CancellationToken.None);

        Assert.Equal(1500, response.LatencyMs, precision: 6);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingSetting()
    {
        var options = new ModelInvokerOptions { ModelId = "m", ProviderKind = "p", ModelName = "n", MaxConcurrency = 0 };

        var ex = Assert.Throws<ArgumentException>(() => new Stages.Inference.ModelInvoker(TestChatClient.Returning("x"), options, _blobs));

        Assert.Contains("MaxConcurrency", ex.Message, StringComparison.Ordinal);
    }

    private Stages.Inference.ModelInvoker Invoker(IChatClient client, IResponseCache? cache = null) =>
        new(client, s_options, _blobs, cache);
}
