using MultiTrust.Core.Contracts;
using MultiTrust.Stages.Inference.Cache;

namespace MultiTrust.Stages.Inference;

public sealed partial class ModelInvoker
{
    // A broken cache is not a per-record failure: turning it into error rows would commit them, and resume skips
    // committed rows. It stops the run instead; a paid answer that could not be cached is redone on resume.
    private async ValueTask<CachedResponse?> CacheLookupAsync(string requestHash, string servedModel, CancellationToken cancellationToken)
    {
        try
        {
            return await _cache!.TryGetAsync(requestHash, servedModel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw CacheFailure(ex);
        }
    }

    private async ValueTask CachePutAsync(string requestHash, string servedModel, CachedResponse response, CancellationToken cancellationToken)
    {
        if (_cache is null)
        {
            return;
        }

        try
        {
            await _cache.PutAsync(requestHash, servedModel, response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw CacheFailure(ex);
        }
    }

    private SystemicFailureException CacheFailure(Exception ex) =>
        new($"The response cache of model '{_options.ModelId}' failed: {ex.Message}", ex);
}
