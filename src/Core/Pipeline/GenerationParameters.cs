namespace MultiTrust.Core.Pipeline;

/// <summary>Decoding parameters sent with every request to a model. Defaults follow the protocol (greedy).</summary>
public sealed record GenerationParameters(double Temperature, int MaxTokens, double? TopP, long? Seed)
{
    public static GenerationParameters Default { get; } = new(0, 512, null, null);
}
