using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// Runs one (sample, variant) against one model and returns a typed response. Thread-safe; the engine calls it with up
/// to <see cref="MaxConcurrency"/> calls in flight. Never throws for a per-request failure (HTTP error, timeout,
/// malformed body): that is a <see cref="ModelResponse"/> with a failure status. Throws only on cancellation of
/// <paramref name="cancellationToken"/>.
/// </summary>
public interface IModelInvoker
{
    /// <summary>The model id stored on every row, for example <c>baseline:oracle</c> or <c>openai-compatible/llava</c>.</summary>
    string ModelId { get; }

    int MaxConcurrency { get; }

    ValueTask<ModelResponse> InvokeAsync(Sample sample, Variant variant, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="InvokeAsync(Sample, Variant, CancellationToken)"/> with the task's maximum new tokens (the protocol's
    /// per-task setting); the model's own <c>max_tokens</c> caps it. Invokers without per-request settings ignore it.
    /// </summary>
    ValueTask<ModelResponse> InvokeAsync(Sample sample, Variant variant, int? maxTokens, CancellationToken cancellationToken) =>
        InvokeAsync(sample, variant, cancellationToken);
}
