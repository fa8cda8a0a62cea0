namespace MultiTrust.Core.Records;

/// <summary>
/// The perturbation chain applied to a sample. <see cref="Clean"/> is the unperturbed sample. The id is a hash of
/// the chain (name, parameters, seed) except for the clean variant, whose id is the literal <c>clean</c>.
/// </summary>
public sealed record Variant(string Id, string Name, string ParametersJson, long Seed)
{
    public static Variant Clean { get; } = new("clean", "clean", "{}", 0);
}
