namespace MultiTrust.Core.Pipeline;

/// <summary>
/// How an endpoint URL appears in any message, log line or exception: scheme, host, port and path only. User info
/// (<c>user:password@</c>), the query string (where keys such as Perspective's <c>?key=</c> travel) and the fragment are
/// dropped. The one helper every message that prints an endpoint uses.
/// </summary>
public static class RedactedEndpoint
{
    /// <summary>The URI without user info, query or fragment, e.g. <c>http://host:8000/v1/chat/completions</c>.</summary>
    public static string Of(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return Of(uri.OriginalString);
        }

        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    /// <summary>
    /// The same for text that may not even parse as a URI (a value from a pipeline file or the command line): user info
    /// before the host and everything from the first <c>?</c> or <c>#</c> are removed.
    /// </summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            return Of(uri);
        }

        var end = text.IndexOfAny(['?', '#']);
        var trimmed = end >= 0 ? text[..end] : text;
        var scheme = trimmed.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = scheme >= 0 ? scheme + 3 : 0;
        var pathStart = trimmed.IndexOf('/', authorityStart);
        var authorityEnd = pathStart >= 0 ? pathStart : trimmed.Length;
        var at = authorityEnd > authorityStart ? trimmed.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) : -1;
        return at >= 0 ? trimmed[..authorityStart] + trimmed[(at + 1)..] : trimmed;
    }
}
