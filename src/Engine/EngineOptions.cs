namespace MultiTrust.Engine;

/// <summary>Engine tuning. Defaults suit a 2-core machine and model servers with tens to thousands of requests in flight.</summary>
public sealed record EngineOptions
{
    /// <summary>Bound of the judge and sink queues (items). Inference queues hold twice the model's concurrency, at least this.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>
    /// Parallelism of the rule-judge block (rule judges are CPU-bound). Model-backed judge steps do not use it: each judge
    /// model gets its own block at its <c>judge_models</c> concurrency.
    /// </summary>
    public int JudgeParallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>How many (sample, variant)s are prepared at once (image perturbation is CPU-bound).</summary>
    public int VariantParallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Commit after this many items...</summary>
    public int CommitEveryItems { get; init; } = 50_000;

    /// <summary>
    /// ...or after this much time since the last commit, whichever comes first. A timer checks every half interval, so
    /// pending results are committed within 1.5 intervals even when no further result arrives.
    /// </summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(10);

    public void Validate()
    {
        if (QueueCapacity < 1 || JudgeParallelism < 1 || VariantParallelism < 1 || CommitEveryItems < 1 || CommitInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(EngineOptions), this, "Engine options must be positive.");
        }
    }
}
