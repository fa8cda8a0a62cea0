namespace MultiTrust.Core.Pipeline;

/// <summary>
/// Parses the command-line model shorthand: <c>baseline:oracle</c>, or <c>PROVIDER:URL:MODEL</c> for
/// <c>openai-compatible</c>, <c>azure-openai</c> (URL = resource, MODEL = deployment), <c>anthropic</c> and <c>gemini</c>
/// (for example <c>openai-compatible:http://localhost:11434/v1:llava</c>).
/// </summary>
public static class ModelSpec
{
    public static bool TryParse(string spec, out string provider, out string? endpoint, out string? model, out string error)
    {
        provider = spec;
        endpoint = null;
        model = null;
        error = "";
        if (spec.StartsWith(ProviderNames.BaselinePrefix, StringComparison.Ordinal))
        {
            if (ProviderNames.IsSupported(spec))
            {
                return true;
            }

            error = $"unknown baseline '{spec}'; expected one of {string.Join(", ", ProviderNames.Baselines)}";
            return false;
        }

        // PROVIDER:URL:MODEL where the model may itself contain ':' (an Ollama tag such as llava:7b): the model starts
        // at the first ':' after the URL's path begins; a URL without a path ends at the last ':'.
        var firstColon = spec.IndexOf(':', StringComparison.Ordinal);
        var scheme = spec.IndexOf("://", StringComparison.Ordinal);
        var pathStart = scheme < 0 ? -1 : spec.IndexOf('/', scheme + 3);
        var lastColon = pathStart < 0 ? spec.LastIndexOf(':') : spec.IndexOf(':', pathStart);
        if (firstColon <= 0 || lastColon <= firstColon || lastColon == spec.Length - 1)
        {
            error = $"'{RedactedEndpoint.Of(spec)}' is not a model spec; expected 'baseline:NAME' or 'PROVIDER:URL:MODEL' such as " +
                "'openai-compatible:http://localhost:11434/v1:llava'";
            return false;
        }

        provider = spec[..firstColon];
        endpoint = spec[(firstColon + 1)..lastColon];
        model = spec[(lastColon + 1)..];
        if (!ProviderNames.IsSupported(provider))
        {
            error = UnknownProvider(provider);
            return false;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            error = $"endpoint '{RedactedEndpoint.Of(endpoint)}' in '{RedactedEndpoint.Of(spec)}' is not an absolute http(s) URL";
            return false;
        }

        return true;
    }

    public static string UnknownProvider(string provider) =>
        $"unknown provider '{provider}'; expected one of {string.Join(", ", ProviderNames.All)}";
}
