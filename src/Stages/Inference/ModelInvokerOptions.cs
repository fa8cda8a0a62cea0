using MultiTrust.Core.Pipeline;
namespace MultiTrust.Stages.Inference;

/// <summary>Settings of one <see cref="ModelInvoker"/>, captured at construction.</summary>
public sealed class ModelInvokerOptions
{
    /// <summary>The model id stored on every row, for example <c>baseline:oracle</c> or <c>openai-compatible/llava</c>.</summary>
    public required string ModelId { get; init; }

    /// <summary>Provider kind, for example <c>openai-compatible</c> or <c>baseline</c>; part of the request hash.</summary>
    /// <summary>The provider kind of the calibration baselines, the only clients that receive the sample's reference answer.</summary>
    public const string BaselineProviderKind = "baseline";

    public required string ProviderKind { get; init; }

    /// <summary>The model name sent to the provider (<c>ChatOptions.ModelId</c>); part of the request hash.</summary>
    public required string ModelName { get; init; }

    /// <summary>Optional snapshot label of the weights; part of the request hash (the response-cache key).</summary>
    public string? Revision { get; init; }

    /// <summary>Decoding parameters; default greedy (temperature 0, provider token limit).</summary>
    public GenerationParameters Generation { get; init; } = GenerationParameters.Default;

    /// <summary>Requests in flight the engine may run against this model (default 16).</summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>Whether to read and write the response cache (default true; ignored without a cache).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelId))
        {
            throw new ArgumentException("ModelInvokerOptions.ModelId is required.", nameof(ModelId));
        }

        if (string.IsNullOrWhiteSpace(ProviderKind))
        {
            throw new ArgumentException($"ModelInvokerOptions.ProviderKind is required (model '{ModelId}').", nameof(ProviderKind));
        }

        if (string.IsNullOrWhiteSpace(ModelName))
        {
            throw new ArgumentException($"ModelInvokerOptions.ModelName is required (model '{ModelId}').", nameof(ModelName));
        }

        if (MaxConcurrency < 1)
        {
            throw new ArgumentException($"ModelInvokerOptions.MaxConcurrency must be at least 1, got {MaxConcurrency} (model '{ModelId}').", nameof(MaxConcurrency));
        }

        if (Generation is null)
        {
            throw new ArgumentException($"ModelInvokerOptions.Generation is required (model '{ModelId}').", nameof(Generation));
        }

        if (Generation.Temperature is < 0 or double.NaN || Generation.MaxTokens < 1)
        {
            throw new ArgumentException(
                $"ModelInvokerOptions.Generation is invalid for model '{ModelId}': temperature must be ≥ 0 and max tokens ≥ 1 ({Generation.ToCanonicalString()}).",
                nameof(Generation));
        }
    }
}
