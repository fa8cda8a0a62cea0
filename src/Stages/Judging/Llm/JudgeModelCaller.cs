using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference.Cache;

namespace MultiTrust.Stages.Judging.Llm;

/// <summary>
/// Sends a filled judge prompt to the judge model: greedy (temperature 0), pinned model, bounded by its own semaphore,
/// with an optional cache of successful outputs. Call failures come back as an error text, never as output. Thread-safe.
/// </summary>
internal sealed class JudgeModelCaller
{
    /// <summary>Bump when the cache key layout changes.</summary>
    public const string CacheKeyVersion = "llm-judge/v1";

    private readonly IChatClient _client;
    private readonly string _model;
    private readonly string _templateSha256;
    private readonly int _maxTokens;
    private readonly TimeSpan _callTimeout;
    private readonly SemaphoreSlim _gate;
    private readonly IResponseCache? _cache;

    public JudgeModelCaller(
        IChatClient client, string model, string templateSha256, int maxTokens, int maxConcurrency, TimeSpan callTimeout, IResponseCache? cache)
    {
        _client = client;
        _model = model;
        _templateSha256 = templateSha256;
        _maxTokens = maxTokens;
        _callTimeout = callTimeout;
        _gate = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        _cache = cache;
    }

    /// <summary>The cache key of a filled prompt: hash of (judge model, template hash, prompt, max tokens).</summary>
    public string CacheKey(string prompt) =>
        new ContentHasher().Add(CacheKeyVersion).Add(_model).Add(_templateSha256).Add(prompt).Add(_maxTokens).ToId();

    /// <summary>The judge output text (possibly empty), or an error text. Throws only on caller cancellation.</summary>
    public async ValueTask<(string? Output, string? Error)> CallAsync(string prompt, CancellationToken cancellationToken)
    {
        var key = _cache is null ? null : CacheKey(prompt);
        if (key is not null && await _cache!.TryGetAsync(key, cancellationToken).ConfigureAwait(false) is { Text: { } cached })
        {
            return (cached, null);
        }

        ChatResponse response;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(_callTimeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var options = new ChatOptions { ModelId = _model, Temperature = 0, MaxOutputTokens = _maxTokens };
            response = await _client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], options, linked.Token)
                .ConfigureAwait(false);
        }
        catch (ModelCallException ex)
        {
            return (null, $"judge model '{_model}' call failed ({ResponseStatusNames.ToName(ex.Status)}, {ex.Attempts} attempt(s)): {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"judge model '{_model}' gave no answer within {_callTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException or IOException)
        {
            return (null, $"judge model '{_model}' call failed: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            _gate.Release();
        }

        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            return (null, $"judge model '{_model}' output was content-filtered");
        }

        var text = response.Text ?? string.Empty;
        if (key is not null)
        {
            var usage = response.Usage;
            var cachedResponse = new CachedResponse(
                ResponseStatus.Answered, text, response.FinishReason?.Value, (int?)usage?.InputTokenCount, (int?)usage?.OutputTokenCount);
            await _cache!.PutAsync(key, cachedResponse, cancellationToken).ConfigureAwait(false);
        }

        return (text, null);
    }
}
