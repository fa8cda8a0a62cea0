namespace MultiTrust.Core.Pipeline;

/// <summary>A task chosen by the pipeline, with its sample count and the variants (besides clean) to run.</summary>
public sealed record TaskSelection(string Id, int Samples, SourceLocation Location)
{
    /// <summary>Perturbation chains to run in addition to the clean variant; empty for clean only.</summary>
    public IReadOnlyList<VariantChain> Variants { get; init; } = [];

    /// <summary>The suite this task reads from (<c>source:</c> of the entry), or null for the pipeline's.</summary>
    public string? Source { get; init; }

    /// <summary>True when the entry (or the pipeline) set <c>samples</c>; an official task without it reads every sample.</summary>
    public bool SamplesGiven { get; init; } = true;

    /// <summary>The lake dataset the task reads (<c>source: {dataset: ...}</c>), or null; <see cref="Source"/> is then <c>dataset</c>.</summary>
    public DatasetSourceDefinition? Dataset { get; init; }

    /// <summary>Overrides the task's protocol <c>max_new_tokens</c> (the entry's <c>generation.max_tokens</c>), or null.</summary>
    public int? MaxTokens { get; init; }
}
