using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.Http;

public abstract partial class HttpChatClient
{
    /// <summary>
    /// One HTTP attempt. Failures come back as outcomes; when <paramref name="cancellationToken"/> (the attempt's timeout,
    /// the call's total timeout or the caller) is cancelled, whatever broke is reported as that cancellation.
    /// </summary>
    private async ValueTask<AttemptOutcome<ChatResponse>> SendOnceAsync(
        ResilientEndpoint endpoint, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.RequestUri)
            {
                Content = new ReadOnlyMemoryContent(body),
            };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            AddHeaders(request);

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await HttpAttempt.FailedAsync<ChatResponse>(
                    response, Redact, _timeProvider.GetUtcNow(), cancellationToken, ReadsFailureBodies ? ProviderFailure : null).ConfigureAwait(false);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
                return AttemptOutcome<ChatResponse>.Success(ReadResponse(document.RootElement));
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            throw new OperationCanceledException("The attempt was cancelled.", ex, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && HttpAttempt.IsExchangeFailure(ex))
        {
            return HttpAttempt.Broken<ChatResponse>(ex, Redact);
        }
    }

    /// <summary>The provider's reading of a failed answer, or null for a provider with nothing beyond HTTP semantics.</summary>
    private ProviderFailure? ProviderFailure(HttpResponseMessage response, string errorBody, DateTimeOffset now) =>
        ProviderErrorKind(errorBody) is var kind && ProviderRetryDelay(response, errorBody, now) is var delay && (kind is not null || delay is not null)
            ? new ProviderFailure(kind, delay)
            : null;
}
