using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Tests.Fakes;

/// <summary>
/// A model-backed judge step that records its calls in flight; <see cref="Hold"/> is awaited inside every call (to keep
/// calls in flight). Answers "harmful" (score 1) for every response.
/// </summary>
internal sealed class GatedModelJudge(string id, string judgeModel, int maxConcurrency) : IModelBackedJudge
{
    private int _inFlight;
    private int _maxInFlight;
    private int _calls;

    public string Id => id;

    public string Version => "model/1";

    public string JudgeModel => judgeModel;

    public int MaxConcurrency => maxConcurrency;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Awaited inside each call with the number of calls in flight (this one included).</summary>
    public Func<int, Task>? Hold { get; init; }

    public async ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            await Task.Yield();
            if (Hold is not null)
            {
                await Hold(now);
            }

            return new JudgeVerdict("harmful", 1, JudgmentStatus.Ok, $"{id} read: {response.Text}");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
