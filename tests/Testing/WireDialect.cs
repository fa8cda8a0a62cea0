namespace MultiTrust.Testing;

/// <summary>The model APIs <see cref="LoopbackModelServer"/> speaks, each on its own path.</summary>
public enum WireDialect
{
    /// <summary>OpenAI chat completions: <c>POST /v1/chat/completions</c>.</summary>
    OpenAIChat,

    /// <summary>OpenAI raw-text completions: <c>POST /v1/completions</c>.</summary>
    OpenAICompletions,

    /// <summary>Azure OpenAI: <c>POST /openai/deployments/{deployment}/chat/completions?api-version=...</c>.</summary>
    AzureOpenAI,

    /// <summary>Anthropic Messages: <c>POST /v1/messages</c> (requires the <c>anthropic-version</c> header).</summary>
    Anthropic,

    /// <summary>Gemini: <c>POST /{version}/models/{model}:generateContent</c>.</summary>
    Gemini,
}
