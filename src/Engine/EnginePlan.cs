using MultiTrust.Core.Contracts;
using MultiTrust.Core.Runs;

namespace MultiTrust.Engine;

/// <summary>What one engine run evaluates.</summary>
/// <param name="Tasks">Tasks with their sample counts and the judges to run on them.</param>
/// <param name="Models">The models under test; every sample goes to every model.</param>
/// <param name="Seed">Run seed handed to the generators.</param>
/// <param name="Images">Image store for generated images.</param>
/// <param name="Completed">Keys committed by an earlier attempt of this run; they are skipped.</param>
/// <param name="Sink">Where evaluated items go.</param>
public sealed record EnginePlan(
    IReadOnlyList<PlannedTask> Tasks,
    IReadOnlyList<IModelInvoker> Models,
    long Seed,
    IBlobStore Images,
    ICompletedKeys Completed,
    IResultSink Sink)
{
    /// <summary>The official release's root folder for tasks read from it (<see cref="TaskGenerationContext.DataRoot"/>).</summary>
    public string? DataRoot { get; init; }

    /// <summary>
    /// Committed results to judge again with their committed response (the model is never called for them): a resumed
    /// run's <c>judge_error</c> judgments, or what <c>multitrust rejudge</c> selects. Only the new judgment rows are
    /// written, each one revision above the row it supersedes. Null for none.
    /// </summary>
    public ICommittedResults? Rejudge { get; init; }

    /// <summary>
    /// The shard this engine evaluates (<c>--shard k/N</c>): only samples whose id it includes are sent; the others are
    /// still generated (sample ids and dataset hashes depend on every sample) but never evaluated. Null for all samples.
    /// </summary>
    public ShardSpec? Shard { get; init; }
}

/// <summary>A task of a plan: every sample runs clean and under each of <see cref="Variants"/>.</summary>
public sealed record PlannedTask(ITrustTask Task, int Samples, IReadOnlyList<IJudge> Judges)
{
    /// <summary>Variants besides clean (perturbations, unrelated images, text only); empty for clean only.</summary>
    public IReadOnlyList<IVariantApplier> Variants { get; init; } = [];

    /// <summary>Maximum new tokens for this task's requests (the protocol's per-task setting, or the pipeline's override); null for the model's own.</summary>
    public int? MaxTokens { get; init; }
}
