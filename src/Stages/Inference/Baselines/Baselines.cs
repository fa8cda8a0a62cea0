using Microsoft.Extensions.AI;
using MultiTrust.Core.Pipeline;

namespace MultiTrust.Stages.Inference.Baselines;

/// <summary>Creates the calibration baselines from their provider spec.</summary>
public static class Baselines
{
    /// <summary>The valid provider specs (the single list lives with the pipeline's provider names).</summary>
    public static IReadOnlyList<string> Names => ProviderNames.Baselines;

    /// <summary>Creates the baseline named by <paramref name="providerSpec"/> (case-insensitive).</summary>
    /// <param name="providerSpec"><c>baseline:refuse</c>, <c>baseline:comply</c>, <c>baseline:random</c> or <c>baseline:oracle</c>.</param>
    /// <param name="seed">The run seed (used by <c>baseline:random</c>).</param>
    /// <exception cref="ArgumentException">The spec is not one of <see cref="Names"/>.</exception>
    public static IChatClient Create(string providerSpec, long seed)
    {
        ArgumentNullException.ThrowIfNull(providerSpec);
        return providerSpec.Trim().ToLowerInvariant() switch
        {
            "baseline:refuse" => new RefuseBaseline(),
            "baseline:comply" => new ComplyBaseline(),
            "baseline:random" => new RandomBaseline(seed),
            "baseline:oracle" => new OracleBaseline(),
            _ => throw new ArgumentException(
                $"Unknown baseline '{providerSpec}'. Valid baselines: {string.Join(", ", Names)}.", nameof(providerSpec)),
        };
    }
}
