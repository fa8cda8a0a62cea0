namespace MultiTrust.Core.Pipeline;

/// <summary>A task chosen by the pipeline, with its sample count and the variants (besides clean) to run.</summary>
public sealed record TaskSelection(string Id, int Samples, SourceLocation Location)
{
    /// <summary>Perturbation chains to run in addition to the clean variant; empty for clean only.</summary>
    public IReadOnlyList<VariantChain> Variants { get; init; } = [];
}
