namespace MultiTrust.Core.Pipeline;

/// <summary>The outcome of loading a pipeline: a definition, or every problem found.</summary>
public sealed record PipelineLoadResult(PipelineDefinition? Definition, IReadOnlyList<PipelineProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;
}
