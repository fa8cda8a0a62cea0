namespace MultiTrust.Core.Contracts;

/// <summary>Inputs to sample generation.</summary>
/// <param name="Seed">Run seed; generators derive their own streams from it and the task id.</param>
/// <param name="Count">Number of samples to generate.</param>
/// <param name="Images">Content-addressed store that generated images are written to.</param>
public sealed record TaskGenerationContext(long Seed, int Count, IBlobStore Images);
