using System.Net;
using System.Text.Json;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Inference.OpenAICompatible;

public sealed partial class OpenAICompatibleChatClient
{
    private const int ErrorSnippetLength = 200;

    /// <summary>One HTTP attempt under its own timeout. Throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    private async Task<AttemptOutcome> SendOnceAsync(ModelEndpoint endpoint, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.RequestUri)
            {
                Content = new ReadOnlyMemoryContent(body),
            };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            if (_authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", _authorization);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    using var document = await JsonDocument.ParseAsync(stream, default, token).ConfigureAwait(false);
                    return AttemptOutcome.Success(ChatResponseReader.Read(document.RootElement, _options.Api));
                }
            }

            var cause = $"HTTP {status} ({response.StatusCode})";
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = RetryBackoff.ParseRetryAfter(response.Headers.RetryAfter, _timeProvider.GetUtcNow());
                return AttemptOutcome.Failure(ResponseStatus.Error, cause, retryable: true, ConcurrencySignal.Throttled, retryAfter);
            }

            if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                var retryAfter = RetryBackoff.ParseRetryAfter(response.Headers.RetryAfter, _timeProvider.GetUtcNow());
                return AttemptOutcome.Failure(ResponseStatus.Error, cause, retryable: true, retryAfter: retryAfter);
            }

            var errorBody = Redact(await response.Content.ReadAsStringAsync(token).ConfigureAwait(false));
            var snippet = Snippet(errorBody);
            var message = snippet.Length == 0 ? cause : $"{cause}: {snippet}";

            // Azure OpenAI and others refuse a filtered prompt with a 4xx whose error code is "content_filter": that is a
            // provider decision about the content, not a transport error.
            return errorBody.Contains("\"content_filter\"", StringComparison.Ordinal)
                ? AttemptOutcome.Failure(ResponseStatus.ContentFiltered, message, retryable: false)
                : AttemptOutcome.Failure(ResponseStatus.Error, message, retryable: false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException or JsonException
            or MalformedResponseException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (timeout.IsCancellationRequested)
            {
                return AttemptOutcome.Failure(
                    ResponseStatus.Timeout, $"no complete response within {_options.RequestTimeout.TotalSeconds:0.###} s", retryable: true);
            }

            var cause = ex switch
            {
                JsonException => "malformed response body (invalid JSON)",
                MalformedResponseException malformed => "malformed response body (" + malformed.Message + ")",
                HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "response body ended early",
                HttpIOException => "response body ended early",
                HttpRequestException http => $"connection failed ({http.HttpRequestError}): {Redact(http.Message)}",
                _ => $"{ex.GetType().Name}: {Redact(ex.Message)}",
            };
            return AttemptOutcome.Failure(ResponseStatus.Error, cause, retryable: true, exception: ex);
        }
    }

    /// <summary>The start of an (already redacted) error body, on one line.</summary>
    private static string Snippet(string text)
    {
        if (text.Length > ErrorSnippetLength)
        {
            text = text[..ErrorSnippetLength] + "...";
        }

        return text.ReplaceLineEndings(" ").Trim();
    }

    /// <summary>
    /// Servers sometimes echo the key back in an error; never let it into a message. Applied to the whole text before
    /// any truncation (a cut key would no longer match), also in its JSON-escaped form.
    /// </summary>
    private string Redact(string text) =>
        _options.ApiKey is { Length: > 0 } key
            ? text.Replace(key, "***", StringComparison.Ordinal).Replace(key.Replace("/", "\\/", StringComparison.Ordinal), "***", StringComparison.Ordinal)
            : text;
}
