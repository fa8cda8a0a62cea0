namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>Which OpenAI-compatible API an <see cref="OpenAICompatibleChatClient"/> calls.</summary>
public enum OpenAICompatibleApi
{
    /// <summary><c>POST {endpoint}/chat/completions</c> with <c>messages</c>; the server applies its chat template.</summary>
    Chat,

    /// <summary>
    /// <c>POST {endpoint}/completions</c> with a raw <c>prompt</c> (the text of the single user message), read from
    /// <c>choices[0].text</c>; no chat template is applied, so the prompt reaches the model exactly as written. Text only.
    /// </summary>
    Completions,
}
