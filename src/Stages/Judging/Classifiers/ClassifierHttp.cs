using System.Net;
using System.Text.Json;
using MultiTrust.Stages.Inference.OpenAICompatible;

namespace MultiTrust.Stages.Judging.Classifiers;

/// <summary>
/// POSTs JSON to a classifier API with its own connection pool, a per-attempt timeout, a concurrency bound and retries
/// (408, 429, 5xx, timeouts, connection failures, malformed bodies) with exponential backoff and full jitter or the
/// server's <c>Retry-After</c>, capped by <see cref="ClassifierJudgeOptions.MaxDelay"/>. Other 4xx fail at once. Failures
/// come back as a message (the API key redacted), never as an exception. Thread-safe.
/// </summary>
internal sealed class ClassifierHttp : IDisposable
{
    private const int SnippetLength = 200;

    private readonly string _judgeId;
    private readonly ClassifierJudgeOptions _options;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate;
    private readonly TimeProvider _timeProvider;
    private readonly Random _random = new();
    private readonly string _apiKey;

    public ClassifierHttp(string judgeId, ClassifierJudgeOptions options, string apiKey, HttpMessageHandler? handler, TimeProvider? timeProvider)
    {
        _judgeId = judgeId;
        _options = options;
        _apiKey = apiKey;
        _http = handler is null
            ? new HttpClient(
                new SocketsHttpHandler
                {
                    MaxConnectionsPerServer = options.MaxConcurrency,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    UseCookies = false,
                    AllowAutoRedirect = false,
                },
                disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _gate = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The parsed body of a 2xx answer, or the failure. Throws only on caller cancellation.</summary>
    /// <param name="display">The URL as it may appear in messages (without a key in the query).</param>
    public async ValueTask<(JsonDocument? Document, string? Error)> PostAsync(
        Uri uri, string display, byte[] body, bool bearer, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (document, cause, retryable, retryAfter) = await SendOnceAsync(uri, body, bearer, cancellationToken).ConfigureAwait(false);
                if (document is not null)
                {
                    return (document, null);
                }

                if (!retryable || attempt > _options.MaxRetries)
                {
                    return (null, Redact($"{_judgeId} call to {display} failed after {attempt} attempt(s): {cause}"));
                }

                double jitter;
                lock (_random)
                {
                    jitter = _random.NextDouble();
                }

                var delay = RetryBackoff.ComputeDelay(attempt, retryAfter, jitter, _options.BaseDelay, _options.MaxDelay);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<(JsonDocument? Document, string Cause, bool Retryable, TimeSpan? RetryAfter)> SendOnceAsync(
        Uri uri, byte[] body, bool bearer, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            if (bearer)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _apiKey);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return (await JsonDocument.ParseAsync(stream, default, linked.Token).ConfigureAwait(false), string.Empty, false, null);
                }
            }

            var cause = $"HTTP {status} ({response.StatusCode})";
            var retryAfter = RetryBackoff.ParseRetryAfter(response.Headers.RetryAfter, _timeProvider.GetUtcNow());
            if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
            {
                return (null, cause, true, retryAfter);
            }

            var snippet = Redact(await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false));
            snippet = (snippet.Length > SnippetLength ? snippet[..SnippetLength] + "..." : snippet).ReplaceLineEndings(" ").Trim();
            return (null, snippet.Length == 0 ? cause : $"{cause}: {snippet}", false, null);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException or JsonException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cause = ex switch
            {
                _ when timeout.IsCancellationRequested => $"no complete response within {_options.RequestTimeout.TotalSeconds:0.###} s",
                JsonException => "malformed JSON in the response body",
                HttpRequestException http => $"connection failed ({http.HttpRequestError}): {http.Message}",
                _ => $"{ex.GetType().Name}: {ex.Message}",
            };
            return (null, cause, true, null);
        }
    }

    /// <summary>Servers may echo the key (Perspective puts it in the URL); it never reaches a message.</summary>
    private string Redact(string text) =>
        _apiKey.Length == 0 ? text : text.Replace(_apiKey, "***", StringComparison.Ordinal);
}
