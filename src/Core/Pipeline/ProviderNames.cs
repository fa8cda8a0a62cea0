namespace MultiTrust.Core.Pipeline;

/// <summary>Provider kinds this version supports.</summary>
public static class ProviderNames
{
    /// <summary>Any server speaking OpenAI chat completions (vLLM, SGLang, Ollama, llama.cpp, LM Studio, TGI, OpenAI).</summary>
    public const string OpenAICompatible = "openai-compatible";

    /// <summary>Azure OpenAI: the endpoint is the resource URL, the model is the deployment name.</summary>
    public const string AzureOpenAI = "azure-openai";

    /// <summary>The Anthropic Messages API.</summary>
    public const string Anthropic = "anthropic";

    /// <summary>The Gemini API's generateContent method.</summary>
    public const string Gemini = "gemini";

    public const string BaselinePrefix = "baseline:";

    public static IReadOnlyList<string> Baselines { get; } = ["baseline:refuse", "baseline:comply", "baseline:random", "baseline:oracle"];

    /// <summary>The hosted and self-hosted model APIs, reached over HTTP.</summary>
    public static IReadOnlyList<string> Http { get; } = [OpenAICompatible, AzureOpenAI, Anthropic, Gemini];

    public static IReadOnlyList<string> All { get; } = [.. Http, .. Baselines];

    public static bool IsSupported(string provider) => All.Contains(provider, StringComparer.Ordinal);

    /// <summary>
    /// The environment variable a provider's key is read from when the pipeline names none (<c>api_key_env</c>), or null:
    /// <c>AZURE_OPENAI_API_KEY</c>, <c>ANTHROPIC_API_KEY</c>, <c>GEMINI_API_KEY</c>. Used only when it is set.
    /// </summary>
    public static string? DefaultKeyVariable(string provider) => provider switch
    {
        AzureOpenAI => "AZURE_OPENAI_API_KEY",
        Anthropic => "ANTHROPIC_API_KEY",
        Gemini => "GEMINI_API_KEY",
        _ => null,
    };
}
