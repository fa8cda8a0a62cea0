using MultiTrust.Core.Imaging;
namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// A seeded, deterministic image perturbation with severities 1–5: the same input pixels, severity and seed give the
/// same output pixels on every x64 machine (integer or plain IEEE double arithmetic only, no platform maths library).
/// Implementations are stateless and thread-safe.
/// </summary>
public interface IImagePerturbation
{
    /// <summary>Kebab-case name, e.g. <c>gaussian-noise</c>; part of the variant id.</summary>
    string Name { get; }

    /// <summary>Bumped whenever the output for some input changes, so cached variants are not reused.</summary>
    int Version { get; }

    /// <summary>
    /// True when lossy re-encoding would change what the perturbation does (pixel noise): the chain's output is then
    /// stored as PNG. False when JPEG at a high quality leaves the perturbation intact.
    /// </summary>
    bool NeedsLossless { get; }

    /// <summary>The documented parameters for a severity (1–5).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The severity is outside 1–5.</exception>
    IReadOnlyDictionary<string, double> Parameters(int severity);

    /// <summary>Returns a new perturbed image of the same size; never mutates <paramref name="image"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The severity is outside 1–5.</exception>
    RgbaImage Apply(RgbaImage image, int severity, ulong seed);
}
