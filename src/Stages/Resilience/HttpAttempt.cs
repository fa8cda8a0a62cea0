using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Resilience;

/// <summary>
/// How an HTTP attempt that did not succeed is classified, the same for the model client and every judge: 429 →
/// throttled; 408 and 5xx → transient (retried, counted against the endpoint's circuit); other 4xx → final, with the
/// start of the (size-capped, key-redacted) error body, as ContentFiltered when its error code is <c>content_filter</c>;
/// broken connections and bodies → transient.
/// </summary>
internal static class HttpAttempt
{
    /// <summary>The most characters of an error body quoted in a message.</summary>
    public const int SnippetLength = 200;

    /// <summary>
    /// The outcome of a non-2xx answer. <paramref name="redact"/> removes keys from the body before it is quoted. With
    /// <paramref name="provider"/>, every error body is read (capped) and the provider's error kind is added to the cause
    /// and its own rate-limit signal (a header or body field) is honoured when no standard <c>Retry-After</c> is present.
    /// </summary>
    public static async ValueTask<AttemptOutcome<T>> FailedAsync<T>(
        HttpResponseMessage response, Func<string, string> redact, DateTimeOffset now, CancellationToken cancellationToken,
        Func<HttpResponseMessage, string, DateTimeOffset, ProviderFailure?>? provider = null)
    {
        var status = (int)response.StatusCode;
        var cause = $"HTTP {status} ({response.StatusCode})";
        var retryAfter = ParseRetryAfter(response.Headers.RetryAfter, now);
        var transient = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout;
        string? body = null;
        if (provider is not null)
        {
            // Redacted whole, before any cut: a cut key would no longer match.
            body = redact(await ErrorBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false));
            if (provider(response, body, now) is { } failure)
            {
                retryAfter ??= failure.RetryAfter;
                if (transient && failure.Kind is { Length: > 0 } kind)
                {
                    cause = $"{cause}: {Snippet(kind)}";
                }
            }
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return AttemptOutcome<T>.ThrottledBy(cause, retryAfter);
        }

        if (transient)
        {
            return AttemptOutcome<T>.Transient(cause, retryAfter);
        }

        body ??= redact(await ErrorBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false));
        var snippet = Snippet(body);
        var message = snippet.Length == 0 ? cause : $"{cause}: {snippet}";

        // Azure OpenAI and others refuse a filtered prompt with a 4xx whose error code is "content_filter": a provider
        // decision about the content, not a transport error.
        return body.Contains("\"content_filter\"", StringComparison.Ordinal)
            ? AttemptOutcome<T>.Final(ResponseStatus.ContentFiltered, message)
            : AttemptOutcome<T>.Final(ResponseStatus.Error, message);
    }

    /// <summary>Whether <paramref name="exception"/> is a failure of the exchange (connection, body) rather than a bug.</summary>
    public static bool IsExchangeFailure(Exception exception) =>
        exception is HttpRequestException or IOException or JsonException or MalformedResponseException;

    /// <summary>The outcome of an exchange that broke (see <see cref="IsExchangeFailure"/>); the message is redacted.</summary>
    public static AttemptOutcome<T> Broken<T>(Exception exception, Func<string, string> redact)
    {
        var cause = exception switch
        {
            JsonException => "malformed response body (invalid JSON)",
            MalformedResponseException malformed => "malformed response body (" + redact(malformed.Message) + ")",
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "response body ended early",
            HttpIOException => "response body ended early",
            HttpRequestException http => $"connection failed ({http.HttpRequestError}): {redact(http.Message)}",
            _ => $"{exception.GetType().Name}: {redact(exception.Message)}",
        };
        return AttemptOutcome<T>.Transient(cause, exception: exception);
    }

    /// <summary>The delay a <c>Retry-After</c> header asks for (seconds or an HTTP date), or null when absent.</summary>
    public static TimeSpan? ParseRetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>The start of an (already redacted) text, on one line.</summary>
    public static string Snippet(string text)
    {
        if (text.Length > SnippetLength)
        {
            text = text[..SnippetLength] + "...";
        }

        return text.ReplaceLineEndings(" ").Trim();
    }
}
