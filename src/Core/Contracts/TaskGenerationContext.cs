namespace MultiTrust.Core.Contracts;

/// <summary>Inputs to sample generation or loading.</summary>
/// <param name="Seed">Run seed; sources derive their own streams from it and the task id (synthetic generation,
/// unrelated-image draws of the official loaders).</param>
/// <param name="Count">Synthetic: the number of samples to generate. Official: the most samples to read
/// (<see cref="int.MaxValue"/> for all).</param>
/// <param name="Images">Content-addressed store that generated images are written to.</param>
public sealed record TaskGenerationContext(long Seed, int Count, IBlobStore Images)
{
    /// <summary>The official release's root folder (the folder holding <c>truthfulness/</c>, <c>safety/</c>, …), or null.</summary>
    public string? DataRoot { get; init; }
}
