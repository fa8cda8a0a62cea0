namespace MultiTrust.Stages.Inference.OpenAICompatible;

/// <summary>One replica: where to POST, and how to name it in messages (no user info, no query).</summary>
internal sealed class ModelEndpoint
{
    /// <param name="baseUrl">The replica's base URL, e.g. <c>http://host:8000/v1</c>.</param>
    /// <param name="route">The path under it: <c>chat/completions</c> or <c>completions</c>.</param>
    public ModelEndpoint(Uri baseUrl, string route)
    {
        var text = baseUrl.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/');
        RequestUri = new Uri(text + "/" + route, UriKind.Absolute);
        Display = RequestUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    public Uri RequestUri { get; }

    public string Display { get; }
}
