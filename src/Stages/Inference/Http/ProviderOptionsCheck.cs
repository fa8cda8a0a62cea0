using MultiTrust.Core.Pipeline;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.Http;

/// <summary>The checks every provider's options share; each throws <see cref="ArgumentException"/> naming the field.</summary>
internal static class ProviderOptionsCheck
{
    /// <summary>At least one absolute http(s) base URL, none with a query or fragment.</summary>
    public static void Endpoints(string owner, IReadOnlyList<Uri> endpoints, string example)
    {
        if (endpoints is null || endpoints.Count == 0)
        {
            throw new ArgumentException($"{owner}.Endpoints must list at least one endpoint URL (e.g. {example}).", nameof(endpoints));
        }

        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            if (endpoint is null || !endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException(
                    $"{owner}.Endpoints[{i}] '{RedactedEndpoint.Of(endpoint?.OriginalString)}' is not an absolute http(s) URL.", nameof(endpoints));
            }

            if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
            {
                throw new ArgumentException($"{owner}.Endpoints[{i}] must be a base URL without query or fragment (e.g. {example}).", nameof(endpoints));
            }
        }
    }

    public static void Required(string owner, string name, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{owner}.{name} is required ({what}).", name);
        }
    }

    /// <summary>A key or token: when set, non-empty and on one line (it goes into a header).</summary>
    public static void Secret(string owner, string name, string? value)
    {
        if (value is not null && (value.Length == 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            throw new ArgumentException($"{owner}.{name} is empty or contains a line break.", name);
        }
    }

    public static void Common(string owner, int maxConcurrency, TimeSpan pooledConnectionLifetime, ResilienceOptions resilience)
    {
        if (maxConcurrency <= 0)
        {
            throw new ArgumentException($"{owner}.MaxConcurrency must be > 0 (was {maxConcurrency}).", nameof(maxConcurrency));
        }

        if (pooledConnectionLifetime <= TimeSpan.Zero && pooledConnectionLifetime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException(
                $"{owner}.PooledConnectionLifetime must be > 0 (was {pooledConnectionLifetime}).", nameof(pooledConnectionLifetime));
        }

        if (resilience is null)
        {
            throw new ArgumentException($"{owner}.Resilience is required.", nameof(resilience));
        }

        resilience.Validate();
    }

    /// <summary><c>{base}/{route}</c>, e.g. <c>https://api.anthropic.com/v1/messages</c>.</summary>
    public static Uri Route(Uri baseUrl, string route) =>
        new(baseUrl.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/') + "/" + route, UriKind.Absolute);
}
