namespace MultiTrust.Core.Pipeline;

/// <summary>Provider kinds this version supports.</summary>
public static class ProviderNames
{
    public const string OpenAICompatible = "openai-compatible";
    public const string BaselinePrefix = "baseline:";

    public static IReadOnlyList<string> Baselines { get; } = ["baseline:refuse", "baseline:comply", "baseline:random", "baseline:oracle"];

    /// <summary>Providers the design names that are not implemented yet (a clear error, never a fake).</summary>
    public static IReadOnlyList<string> Planned { get; } = ["azure-openai", "anthropic", "gemini"];

    public static IReadOnlyList<string> All { get; } = [OpenAICompatible, .. Baselines];

    public static bool IsSupported(string provider) => All.Contains(provider, StringComparer.Ordinal);
}
