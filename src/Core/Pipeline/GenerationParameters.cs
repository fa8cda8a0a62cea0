using System.Globalization;

namespace MultiTrust.Core.Pipeline;

/// <summary>
/// Decoding parameters sent with every request to a model; part of the request hash. Defaults follow the protocol
/// (greedy decoding).
/// </summary>
public sealed record GenerationParameters(double Temperature, int MaxTokens, double? TopP, long? Seed)
{
    public static GenerationParameters Default { get; } = new(0, 512, null, null);

    /// <summary>
    /// A canonical text form (fixed key order, invariant round-trip number formatting, <c>default</c> for null), so
    /// equal parameters always hash equally.
    /// </summary>
    public string ToCanonicalString() => string.Create(
        CultureInfo.InvariantCulture,
        $"max_tokens={MaxTokens};seed={Seed?.ToString(CultureInfo.InvariantCulture) ?? "default"};temperature={Temperature:R};top_p={TopP?.ToString("R", CultureInfo.InvariantCulture) ?? "default"}");
}
