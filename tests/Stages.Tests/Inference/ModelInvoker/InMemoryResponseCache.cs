using System.Collections.Concurrent;
using MultiTrust.Stages.Inference.Cache;

namespace MultiTrust.Stages.Tests.Inference.Invoking;

/// <summary>A dictionary-backed <see cref="IResponseCache"/> that counts gets and puts; keys are <c>hash + "\n" + served model</c>.</summary>
internal sealed class InMemoryResponseCache : IResponseCache
{
    private int _gets;
    private int _puts;

    public ConcurrentDictionary<string, CachedResponse> Entries { get; } = new();

    public int Gets => Volatile.Read(ref _gets);

    public int Puts => Volatile.Read(ref _puts);

    /// <summary>When set, every get and put throws it (a broken cache file, a full disk).</summary>
    public Exception? Failure { get; set; }

    public bool MayAnswer => !Entries.IsEmpty;

    public static string Key(string requestHash, string servedModel) => requestHash + "\n" + servedModel;

    public ValueTask<CachedResponse?> TryGetAsync(string requestHash, string servedModel, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        Interlocked.Increment(ref _gets);
        return ValueTask.FromResult(Entries.TryGetValue(Key(requestHash, servedModel), out var value) ? value : null);
    }

    public ValueTask PutAsync(string requestHash, string servedModel, CachedResponse response, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        Interlocked.Increment(ref _puts);
        if (CachedResponse.IsCacheable(response.Status))
        {
            Entries[Key(requestHash, servedModel)] = response;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
