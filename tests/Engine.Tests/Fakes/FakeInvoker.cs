using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Tests.Fakes;

/// <summary>An invoker that records its in-flight high-water mark; behaviour per sample via <see cref="Respond"/>.</summary>
internal sealed class FakeInvoker(string modelId, int maxConcurrency) : IModelInvoker
{
    private int _inFlight;
    private int _maxInFlight;
    private int _calls;

    public string ModelId => modelId;

    public int MaxConcurrency => maxConcurrency;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The sample ids of the calls that returned a response (not the ones that threw).</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Returned { get; } = [];

    public Func<Sample, CancellationToken, Task<(ResponseStatus Status, string? Text)>> Respond { get; init; } =
        async (_, ct) =>
        {
            await Task.Yield();
            return (ResponseStatus.Answered, "ok");
        };

    public async ValueTask<ModelResponse> InvokeAsync(Sample sample, Variant variant, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            var (status, text) = await Respond(sample, cancellationToken);
            Returned.Add(sample.Id);
            return new ModelResponse(sample.Id, variant.Id, ModelId, sample.TaskId, "h", status, text, null,
                status.HasText() ? null : "failed", 1, null, null, 1, false, "");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
