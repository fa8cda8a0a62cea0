using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference;

namespace MultiTrust.Bench.Memory;

/// <summary>
/// An in-process model for the memory benchmark: computes the real request hash and answers at once with a typical
/// reply (no HTTP; a 1M-sample HTTP run would measure the client, not the engine's memory bound).
/// </summary>
public sealed class FakeModelInvoker(int maxConcurrency) : IModelInvoker
{
    private static readonly string[] s_replies = EndToEnd.TypicalReplies.Texts;
    private long _calls;

    public string ModelId => "fake/in-process";

    public int MaxConcurrency => maxConcurrency;

    public ValueTask<ModelResponse> InvokeAsync(Sample sample, Variant variant, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = Interlocked.Increment(ref _calls);
        var hash = RequestHasher.Compute("fake", "in-process", Core.Pipeline.GenerationParameters.Default, sample.Prompt, sample.Images, variant.Id);
        return ValueTask.FromResult(new ModelResponse(
            sample.Id, variant.Id, ModelId, sample.TaskId, hash, ResponseStatus.Answered, s_replies[call % s_replies.Length],
            "stop", Error: null, LatencyMs: 0.1, InputTokens: 20, OutputTokens: 12, Attempts: 1, CacheHit: false, ImageSha256s: string.Empty));
    }
}
