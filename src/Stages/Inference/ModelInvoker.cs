using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Inference.Cache;

namespace MultiTrust.Stages.Inference;

/// <summary>
/// Runs one (sample, variant) against one <see cref="IChatClient"/> and returns a typed <see cref="ModelResponse"/>:
/// one user message (each image as a <see cref="DataContent"/> of its bytes, then the prompt text), the response cache
/// checked first, the outcome mapped to a status. Failures are data: an exception from the client, a missing or corrupt
/// image, a timeout all become rows with <see cref="ModelResponse.Error"/> set and <see cref="ModelResponse.Text"/>
/// null. Only cancellation of the caller's token propagates. Thread-safe.
/// </summary>
/// <remarks>
/// Status mapping: finish reason <c>content_filter</c> → ContentFiltered (text dropped); empty or whitespace text →
/// Empty; finish reason <c>length</c> → Truncated (text kept); otherwise Answered. <see cref="ModelCallException"/> →
/// its status, message and attempts; a non-caller cancellation or <see cref="TimeoutException"/> → Timeout; any other
/// exception → Error with the exception type and message. Only deterministic outcomes are cached.
/// The invoker does not own the client, cache, blob store or image cache.
/// </remarks>
public sealed partial class ModelInvoker : IModelInvoker
{
    private readonly IChatClient _client;
    private readonly ModelInvokerOptions _options;
    private readonly IResponseCache? _cache;
    private readonly IBlobStore _blobs;
    private readonly ImageContentCache _images;
    private readonly TimeProvider _timeProvider;
    private readonly ServedModelGate _served = new();

    /// <param name="client">The model. Not disposed by the invoker.</param>
    /// <param name="options">Model id, provider kind, model name, decoding, concurrency, caching.</param>
    /// <param name="blobs">Where image bytes are read from.</param>
    /// <param name="cache">Optional response cache, used when <see cref="ModelInvokerOptions.UseCache"/> is true.</param>
    /// <param name="imageCache">Optional cache of the images of requests; share one across the invokers of a run.</param>
    /// <param name="timeProvider">Clock for latency; default <see cref="TimeProvider.System"/>.</param>
    public ModelInvoker(
        IChatClient client,
        ModelInvokerOptions options,
        IBlobStore blobs,
        IResponseCache? cache = null,
        ImageContentCache? imageCache = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(blobs);
        options.Validate();
        _client = client;
        _options = options;
        _blobs = blobs;
        _cache = options.UseCache ? cache : null;
        _images = imageCache ?? new ImageContentCache();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public string ModelId => _options.ModelId;

    /// <inheritdoc/>
    public int MaxConcurrency => _options.MaxConcurrency;

    /// <inheritdoc/>
    public ValueTask<ModelResponse> InvokeAsync(Sample sample, Variant variant, CancellationToken cancellationToken) =>
        InvokeAsync(sample, variant, null, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<ModelResponse> InvokeAsync(Sample sample, Variant variant, int? maxTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(variant);
        using var activity = StartActivity(sample, variant);
        var response = await InvokeCoreAsync(sample, variant, maxTokens, cancellationToken).ConfigureAwait(false);
        Record(response, activity);
        return response;
    }

    private async ValueTask<ModelResponse> InvokeCoreAsync(Sample sample, Variant variant, int? maxTokens, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        var started = _timeProvider.GetTimestamp();
        var images = sample.Images.IsDefault ? [] : sample.Images;
        var generation = maxTokens is { } cap && cap < _options.Generation.MaxTokens ? _options.Generation with { MaxTokens = cap } : _options.Generation;
        var requestHash = RequestHasher.Compute(_options.ProviderKind, _options.Revision is null ? _options.ModelName : $"{_options.ModelName}@{_options.Revision}", generation, sample.Prompt, images, variant.Id);
        var imageHashes = string.Join(',', images.Select(i => i.Sha256));
        var row = new ModelResponse(
            sample.Id, variant.Id, _options.ModelId, sample.TaskId, requestHash, ResponseStatus.Error,
            Text: null, FinishReason: null, Error: null, LatencyMs: 0, InputTokens: null, OutputTokens: null,
            Attempts: 0, CacheHit: false, ImageSha256s: imageHashes);

        var probing = false;
        if (_cache is not null)
        {
            // The cache key includes the served model, known from the first response of the run (see ServedModelGate).
            var servedModel = _served.Current;
            if (servedModel is null && _cache.MayAnswer)
            {
                servedModel = await _served.WaitOrProbeAsync(cancellationToken).ConfigureAwait(false);
                probing = servedModel is null;
            }

            if (servedModel is not null && await CacheLookupAsync(requestHash, servedModel, cancellationToken).ConfigureAwait(false) is { } cached)
            {
                return row with
                {
                    Status = cached.Status,
                    Text = cached.Status.HasText() ? cached.Text : null,
                    FinishReason = cached.FinishReason,
                    InputTokens = cached.InputTokens,
                    OutputTokens = cached.OutputTokens,
                    CacheHit = true,
                    LatencyMs = Elapsed(started),
                };
            }
        }

        try
        {
            return await SendAsync(sample, images, generation, requestHash, row, started, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (probing)
            {
                _served.EndProbe();
            }
        }
    }

    private async ValueTask<ModelResponse> SendAsync(
        Sample sample, ImmutableArray<ImageRef> images, GenerationParameters generation, string requestHash, ModelResponse row, long started,
        CancellationToken cancellationToken)
    {
        if (sample.Metadata.TryGetValue(SampleMetadataKeys.InputError, out var inputError))
        {
            // A missing or corrupt input (found when the sample was loaded) is this sample's error row; nothing is sent.
            return row with { Error = inputError, LatencyMs = Elapsed(started) };
        }

        var (message, imageError) = await BuildMessageAsync(sample, images, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return row with { Error = imageError, LatencyMs = Elapsed(started) };
        }

        ChatResponse response;
        try
        {
            response = await _client.GetResponseAsync([message], BuildOptions(sample, requestHash, generation), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ModelCallException ex)
        {
            return await FailedAsync(row with { Status = ex.Status, Attempts = ex.Attempts }, ex.Message, requestHash, started, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            return row with { Status = ResponseStatus.Timeout, Error = Describe(ex), Attempts = 1, LatencyMs = Elapsed(started) };
        }
        catch (Exception ex)
        {
            return row with { Status = ResponseStatus.Error, Error = Describe(ex), Attempts = 1, LatencyMs = Elapsed(started) };
        }

        var outcome = Classify(response);
        var served = ServedModel.Of(response);
        _served.Observe(served);
        await CachePutAsync(requestHash, served, outcome, cancellationToken).ConfigureAwait(false);

        return row with
        {
            Status = outcome.Status,
            Text = outcome.Text,
            FinishReason = outcome.FinishReason,
            InputTokens = outcome.InputTokens,
            OutputTokens = outcome.OutputTokens,
            Attempts = AttemptsOf(response),
            LatencyMs = Elapsed(started),
        };
    }

    private static CachedResponse Classify(ChatResponse response)
    {
        var finish = response.FinishReason;
        var text = response.Text;
        var status =
            finish == ChatFinishReason.ContentFilter ? ResponseStatus.ContentFiltered
            : string.IsNullOrWhiteSpace(text) ? ResponseStatus.Empty
            : finish == ChatFinishReason.Length ? ResponseStatus.Truncated
            : ResponseStatus.Answered;
        return new CachedResponse(
            status,
            status.HasText() ? text : null,
            finish?.Value,
            ToInt(response.Usage?.InputTokenCount),
            ToInt(response.Usage?.OutputTokenCount));
    }

    private async ValueTask<ModelResponse> FailedAsync(
        ModelResponse row, string message, string requestHash, long started, CancellationToken cancellationToken)
    {
        // An error response reports no model: the refusal is cached under the identity the latest answer reported, if any.
        if (row.Status == ResponseStatus.ContentFiltered && _served.Current is { } served)
        {
            await CachePutAsync(requestHash, served, new CachedResponse(ResponseStatus.ContentFiltered, null, "content_filter", null, null), cancellationToken).ConfigureAwait(false);
        }

        return row with { Error = message, LatencyMs = Elapsed(started) };
    }

    private static int AttemptsOf(ChatResponse response)
    {
        if (response.AdditionalProperties is not { } properties
            || !properties.TryGetValue(ChatPropertyKeys.Attempts, out var value))
        {
            return 1;
        }

        return value switch
        {
            int i => i,
            long l => (int)Math.Clamp(l, 0, int.MaxValue),
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var j) => j,
            IConvertible c => c.ToInt32(CultureInfo.InvariantCulture),
            _ => 1,
        };
    }

    private static int? ToInt(long? value) => value is null ? null : (int)Math.Clamp(value.Value, int.MinValue, int.MaxValue);

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";

    private double Elapsed(long started) => _timeProvider.GetElapsedTime(started).TotalMilliseconds;
}
