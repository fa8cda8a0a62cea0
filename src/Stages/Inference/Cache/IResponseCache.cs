namespace MultiTrust.Stages.Inference.Cache;

/// <summary>
/// Content-addressed store of model outcomes by request hash (<see cref="RequestHasher"/>), shared across runs so
/// re-running or re-judging never pays for inference twice. Implementations are thread-safe and keep only
/// <see cref="CachedResponse.IsCacheable"/> outcomes.
/// </summary>
public interface IResponseCache : IAsyncDisposable
{
    /// <summary>The cached outcome of <paramref name="requestHash"/>, or null. Sees puts that are not yet flushed.</summary>
    ValueTask<CachedResponse?> TryGetAsync(string requestHash, CancellationToken cancellationToken);

    /// <summary>
    /// Records an outcome. Non-cacheable statuses (error, timeout) are ignored. Durable after the next
    /// <see cref="FlushAsync"/> or dispose; a crash may lose the last unflushed puts, never corrupt earlier ones.
    /// </summary>
    ValueTask PutAsync(string requestHash, CachedResponse response, CancellationToken cancellationToken);

    /// <summary>Commits every put made before this call.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
