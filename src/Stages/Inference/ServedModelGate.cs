namespace MultiTrust.Stages.Inference;

/// <summary>
/// The served model identity (<see cref="ServedModel"/>) a model's responses last reported, and the gate that learns it
/// at the start of a run: a cache lookup is keyed by it, so while it is unknown one request at a time goes to the server
/// (the probe) and the others that the cache might answer wait for its response instead of being sent too. A probe that
/// fails hands the gate to the next waiter. Thread-safe.
/// </summary>
internal sealed class ServedModelGate
{
    private readonly SemaphoreSlim _probe = new(1, 1);
    private volatile string? _current;

    /// <summary>The identity the latest response reported, or null before the first one.</summary>
    public string? Current => _current;

    /// <summary>The identity once known; null when the caller became the probe and must call <see cref="EndProbe"/>.</summary>
    public async ValueTask<string?> WaitOrProbeAsync(CancellationToken cancellationToken)
    {
        if (_current is { } known)
        {
            return known;
        }

        await _probe.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_current is { } learned)
        {
            _probe.Release();
            return learned;
        }

        return null;
    }

    /// <summary>Records what a response reported (an endpoint pool's replicas are expected to report the same).</summary>
    public void Observe(string servedModel) => _current = servedModel;

    /// <summary>Ends a probe, answered or not: the next waiter reads the identity or probes in turn.</summary>
    public void EndProbe() => _probe.Release();
}
