using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Tests.Fakes;

/// <summary>A variant that rewrites the prompt; can fail for chosen samples or systemically.</summary>
internal sealed class FakeVariant(string id) : IVariantApplier
{
    private int _applied;

    public Variant Variant { get; } = new(id, id, "{}", 1);

    public Func<Sample, bool> FailsFor { get; init; } = _ => false;

    public Exception? Systemic { get; init; }

    public int Applied => Volatile.Read(ref _applied);

    /// <summary>Awaited before every application (to hold variants in flight).</summary>
    public Func<Task>? Before { get; init; }

    public async ValueTask<Sample> ApplyAsync(Sample sample, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Before is not null)
        {
            await Before();
        }

        Interlocked.Increment(ref _applied);
        if (Systemic is not null)
        {
            throw Systemic;
        }

        if (FailsFor(sample))
        {
            throw new InvalidDataException($"image of {sample.Id} is corrupt");
        }

        return sample with { Prompt = $"{id}: {sample.Prompt}" };
    }
}
