namespace MultiTrust.Stages.Inference.Cache;

/// <summary>
/// Content-addressed store of model outcomes by request hash (<see cref="RequestHasher"/>) and served model identity
/// (<see cref="ServedModel"/>), so resuming a run, re-running (when a pipeline opts in) or re-judging never pays for
/// inference twice, and an endpoint that now serves other weights under the same name misses. Implementations are
/// thread-safe, keep only <see cref="CachedResponse.IsCacheable"/> outcomes and answer only within their
/// <see cref="ResponseCacheScope"/>.
/// </summary>
public interface IResponseCache : IAsyncDisposable
{
    /// <summary>
    /// Whether a lookup can find anything: the cache held entries in its scope when it was opened, or received puts since.
    /// A caller may skip work it needs only for lookups (learning the served model) while this is false.
    /// </summary>
    bool MayAnswer => true;

    /// <summary>The cached outcome of <paramref name="requestHash"/> answered by <paramref name="servedModel"/>, or null. Sees puts that are not yet flushed.</summary>
    ValueTask<CachedResponse?> TryGetAsync(string requestHash, string servedModel, CancellationToken cancellationToken);

    /// <summary>
    /// Records an outcome and the served model that produced it. Non-cacheable statuses (error, timeout) are ignored.
    /// Durable after the next <see cref="FlushAsync"/> or dispose; a crash may lose the last unflushed puts, never
    /// corrupt earlier ones.
    /// </summary>
    ValueTask PutAsync(string requestHash, string servedModel, CachedResponse response, CancellationToken cancellationToken);

    /// <summary>Commits every put made before this call.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>The outcome cached for a key that has no served model (judge outputs): <see cref="ServedModel.Unreported"/>.</summary>
    ValueTask<CachedResponse?> TryGetAsync(string requestHash, CancellationToken cancellationToken) =>
        TryGetAsync(requestHash, ServedModel.Unreported, cancellationToken);

    /// <summary>Records an outcome for a key that has no served model (judge outputs): <see cref="ServedModel.Unreported"/>.</summary>
    ValueTask PutAsync(string requestHash, CachedResponse response, CancellationToken cancellationToken) =>
        PutAsync(requestHash, ServedModel.Unreported, response, cancellationToken);
}
