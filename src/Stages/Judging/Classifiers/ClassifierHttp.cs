using System.Text.Json;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Judging.Classifiers;

/// <summary>
/// POSTs JSON to one classifier API URL with its own connection pool, through the project's one resilience pipeline
/// (<see cref="ResilientEndpointPool{T}"/>, settings from <see cref="ClassifierJudgeOptions.Resilience"/>): per-attempt
/// and total timeouts, retries with jittered exponential backoff, the <c>Retry-After</c> pause, the adaptive concurrency
/// limit (at most <see cref="ClassifierJudgeOptions.MaxConcurrency"/>) and the circuit breaker. Failures come back as a
/// message (the API key and the URL's query redacted), never as an exception. Thread-safe.
/// </summary>
internal sealed class ClassifierHttp : IDisposable
{
    private readonly string _judgeId;
    private readonly HttpClient _http;
    private readonly ResilientEndpointPool<JsonDocument> _pool;
    private readonly TimeProvider _timeProvider;
    private readonly string _apiKey;

    /// <param name="uri">Where every request goes (may carry the key in its query; never printed).</param>
    public ClassifierHttp(
        string judgeId, Uri uri, ClassifierJudgeOptions options, string apiKey, HttpMessageHandler? handler, TimeProvider? timeProvider)
    {
        _judgeId = judgeId;
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
        _timeProvider = timeProvider ?? TimeProvider.System;
        _pool = new ResilientEndpointPool<JsonDocument>([uri], options.MaxConcurrency, options.Resilience, _timeProvider, new Random(), Redact);
    }

    /// <summary>The URL as messages show it: no user info, no query (where Perspective's key travels).</summary>
    public string Display => _pool.Endpoints[0].Display;

    /// <summary>The parsed body of a 2xx answer (the caller disposes it), or the failure. Throws only on caller cancellation.</summary>
    public async ValueTask<(JsonDocument? Document, string? Error)> PostAsync(byte[] body, bool bearer, CancellationToken cancellationToken)
    {
        var result = await _pool.SendAsync(
            static (endpoint, state, token) => state.Http.SendOnceAsync(endpoint.RequestUri, state.Body, state.Bearer, token),
            (Http: this, Body: body, Bearer: bearer),
            cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? (result.Value, null)
            : (null, Redact($"{_judgeId} call to {result.Endpoint} failed after {result.Attempts} attempt(s): {result.Cause}"));
    }

    public void Dispose()
    {
        _pool.Dispose();
        _http.Dispose();
    }

    private async ValueTask<AttemptOutcome<JsonDocument>> SendOnceAsync(Uri uri, byte[] body, bool bearer, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            if (bearer)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _apiKey);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await HttpAttempt.FailedAsync<JsonDocument>(response, Redact, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return AttemptOutcome<JsonDocument>.Success(await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            throw new OperationCanceledException("The attempt was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && HttpAttempt.IsExchangeFailure(ex))
        {
            return HttpAttempt.Broken<JsonDocument>(ex, Redact);
        }
    }

    /// <summary>Servers may echo the key (Perspective puts it in the URL); it never reaches a message.</summary>
    private string Redact(string text) =>
        _apiKey.Length == 0 ? text : text.Replace(_apiKey, "***", StringComparison.Ordinal);
}
