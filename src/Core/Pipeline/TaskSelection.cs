namespace MultiTrust.Core.Pipeline;

/// <summary>A task chosen by the pipeline, with its sample count.</summary>
public sealed record TaskSelection(string Id, int Samples, SourceLocation Location);
