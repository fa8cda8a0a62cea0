namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>One replica: where to POST, and how to name it in messages (no user info, no query).</summary>
internal sealed class ModelEndpoint
{
    public ModelEndpoint(Uri baseUrl)
    {
        var text = baseUrl.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/');
        ChatCompletionsUri = new Uri(text + "/chat/completions", UriKind.Absolute);
        Display = ChatCompletionsUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    public Uri ChatCompletionsUri { get; }

    public string Display { get; }
}
