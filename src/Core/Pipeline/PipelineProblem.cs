namespace MultiTrust.Core.Pipeline;

/// <summary>One problem found in a pipeline definition: where it is and what was expected.</summary>
public sealed record PipelineProblem(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
