using System.Collections.Immutable;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference;

namespace MultiTrust.Stages.Tests.Inference.Invoking;

public sealed class ModelInvokerImageTests
{
    private static readonly ModelInvokerOptions s_options = new()
    {
        ModelId = "openai-compatible/llava",
        ProviderKind = "openai-compatible",
        ModelName = "llava",
    };

    private readonly FakeBlobStore _blobs = new();

    [Fact]
    public async Task InvokeAsync_TwoImages_SentAsDataUrisBeforeTextAndHashesRecorded()
    {
        var first = await _blobs.PutAsync(new byte[] { 1, 2, 3, 250 }, "image/png", 2, 2, CancellationToken.None);
        var second = await _blobs.PutAsync(new byte[] { 9, 8, 7 }, "image/jpeg", 2, 2, CancellationToken.None);
        var client = TestChatClient.Returning("Yes.");

        var response = await Invoker(client).InvokeAsync(TestSamples.Create(images: [first, second]), Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.Answered, response.Status);
        Assert.Equal($"{first.Sha256},{second.Sha256}", response.ImageSha256s);
        var contents = Assert.Single(client.LastMessages!).Contents;
        Assert.Equal(3, contents.Count);
        var a = Assert.IsType<DataContent>(contents[0]);
        var b = Assert.IsType<DataContent>(contents[1]);
        Assert.IsType<TextContent>(contents[2]);
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(new byte[] { 1, 2, 3, 250 }), a.Uri);
        Assert.Equal("image/jpeg", b.MediaType);
        Assert.Equal(new byte[] { 9, 8, 7 }, b.Data.ToArray());
    }

    [Fact]
    public async Task InvokeAsync_MissingImage_ErrorNamingPathWithoutCallingModel()
    {
        var missing = new ImageRef(new string('a', 64), "image/png", 10, 10, "/data/release/images/missing-cat.png");
        var client = TestChatClient.Returning("Yes.");

        var response = await Invoker(client).InvokeAsync(TestSamples.Create(images: [missing]), Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.Error, response.Status);
        Assert.Null(response.Text);
        Assert.Contains("/data/release/images/missing-cat.png", response.Error, StringComparison.Ordinal);
        Assert.Equal(0, client.Calls);
    }

    [Fact]
    public async Task InvokeAsync_CorruptImage_ErrorNamingPathWithoutCallingModel()
    {
        var image = await _blobs.PutAsync(new byte[] { 1, 2, 3 }, "image/png", 1, 1, CancellationToken.None);
        _blobs.Overwrite(image, [1, 2, 4]);
        var client = TestChatClient.Returning("Yes.");

        var response = await Invoker(client).InvokeAsync(TestSamples.Create(images: [image]), Variant.Clean, CancellationToken.None);

        Assert.Equal(ResponseStatus.Error, response.Status);
        Assert.Contains(image.Path, response.Error, StringComparison.Ordinal);
        Assert.Contains("corrupt", response.Error, StringComparison.Ordinal);
        Assert.Equal(0, client.Calls);
    }

    [Fact]
    public async Task InvokeAsync_SameImageForTwoModels_ReadAndEncodedOnce()
    {
        var image = await _blobs.PutAsync(new byte[] { 5, 6, 7 }, "image/png", 1, 1, CancellationToken.None);
        var shared = new ImageContentCache();
        var sample = TestSamples.Create(images: [image]);
        var modelA = new Stages.Inference.ModelInvoker(TestChatClient.Returning("Yes."), s_options, _blobs, imageCache: shared);
        var modelB = new Stages.Inference.ModelInvoker(
            TestChatClient.Returning("No."), new ModelInvokerOptions { ModelId = "b", ProviderKind = "p", ModelName = "b" }, _blobs, imageCache: shared);

        await modelA.InvokeAsync(sample, Variant.Clean, CancellationToken.None);
        await modelB.InvokeAsync(sample, Variant.Clean, CancellationToken.None);

        Assert.Equal(1, _blobs.Reads);
        Assert.Equal(1, shared.Count);
    }

    [Fact]
    public async Task InvokeAsync_DifferentVariant_DifferentRequestHash()
    {
        var invoker = Invoker(TestChatClient.Returning("Yes."));
        var sample = TestSamples.Create();

        var clean = await invoker.InvokeAsync(sample, Variant.Clean, CancellationToken.None);
        var blurred = await invoker.InvokeAsync(sample, new Variant("v-blur", "blur", "{\"sigma\":2}", 7), CancellationToken.None);

        Assert.NotEqual(clean.RequestHash, blurred.RequestHash);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 2)]
    [InlineData(32, 256)]
    public async Task InvokeAsync_ConcurrentCalls_EveryRequestGetsItsOwnImages(int parallelism, int imageCacheEntries)
    {
        var images = new List<ImageRef>();
        for (var i = 0; i < 6; i++)
        {
            images.Add(await _blobs.PutAsync(new byte[] { (byte)i, 1, 2, 3 }, "image/png", 1, 1, CancellationToken.None));
        }

        var client = new TestChatClient
        {
            // Echo the first image's bytes so each response can be checked against its own request.
            GetResponseAsyncCallback = (messages, _, _) =>
            {
                var data = messages[0].Contents.OfType<DataContent>().First().Data.ToArray();
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"image {data[0]}")));
            },
        };
        var invoker = new Stages.Inference.ModelInvoker(client, s_options, _blobs, imageCache: new ImageContentCache(imageCacheEntries));

        var answered = 0;
        await Parallel.ForAsync(0, 300, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
        {
            var image = images[i % images.Count];
            var sample = TestSamples.Create(prompt: $"prompt {i}", images: [image]);
            var response = await invoker.InvokeAsync(sample, Variant.Clean, ct);
            Assert.Equal($"image {i % images.Count}", response.Text);
            Assert.Equal(image.Sha256, response.ImageSha256s);
            Interlocked.Increment(ref answered);
        });

        Assert.Equal(300, answered);
        Assert.Equal(300, client.Calls);
    }

    [Fact]
    public void ImageContentCache_OverEntryBudget_EvictsLeastRecentlyUsed()
    {
        var cache = new ImageContentCache(maxEntries: 2);
        cache.Add("a", Png(1));
        cache.Add("b", Png(2));
        Assert.True(cache.TryGet("a", out _));

        var c = Png(3);
        cache.Add("c", c);

        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out var image));
        Assert.Same(c, image);
    }

    [Fact]
    public void ImageContentCache_OverCharacterBudget_KeepsTotalWithinBudget()
    {
        var cache = new ImageContentCache(maxEntries: 100, maxChars: 10);
        cache.Add("a", Png(1, 6)); // 8 base64 characters
        cache.Add("b", Png(2, 6));
        cache.Add("huge", Png(3, 9)); // 12

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("b", out _));
        Assert.False(cache.TryGet("huge", out _));
    }

    private static DataContent Png(byte seed, int length = 3) => new(Enumerable.Repeat(seed, length).ToArray(), "image/png");

    private Stages.Inference.ModelInvoker Invoker(IChatClient client) => new(client, s_options, _blobs);
}
