using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Stages.Resilience;

namespace MultiTrust.Stages.Inference.OpenAICompatible;

public sealed partial class OpenAICompatibleChatClient
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
            if (_authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", _authorization);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await HttpAttempt.FailedAsync<ChatResponse>(response, Redact, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
                return AttemptOutcome<ChatResponse>.Success(ChatResponseReader.Read(document.RootElement, _options.Api));
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

    /// <summary>
    /// Servers sometimes echo the key back in an error; never let it into a message. Applied to the whole text before
    /// any truncation (a cut key would no longer match), also in its JSON-escaped form.
    /// </summary>
    private string Redact(string text) =>
        _options.ApiKey is { Length: > 0 } key
            ? text.Replace(key, "***", StringComparison.Ordinal).Replace(key.Replace("/", "\\/", StringComparison.Ordinal), "***", StringComparison.Ordinal)
            : text;
}
