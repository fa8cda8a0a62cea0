using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// Applies a chain of perturbations to an encoded image: decode once, apply each step with its own derived seed
/// (<see cref="SeedDerivation.ForStep"/>), encode once. Output encoding: when the last step is <c>jpeg</c>, its JPEG
/// bytes at that severity's quality; otherwise PNG if any step needs lossless output (noise), else JPEG at
/// <see cref="JpegQuality"/>. Stateless and thread-safe.
/// </summary>
public sealed class ImagePerturber
{
    /// <summary>The quality of the JPEG written for chains of steps that survive lossy coding.</summary>
    public const int JpegQuality = 95;

    public PerturbedImage Apply(ReadOnlySpan<byte> encoded, IReadOnlyList<(IImagePerturbation Perturbation, int Severity)> chain, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.Count == 0)
        {
            throw new ArgumentException("A perturbation chain needs at least one step.", nameof(chain));
        }

        var needsLossless = false;
        for (var i = 0; i < chain.Count; i++)
        {
            var (perturbation, severity) = chain[i];
            if (perturbation is null)
            {
                throw new ArgumentException($"Step {i} of the perturbation chain is null.", nameof(chain));
            }

            // Fail on a bad severity before decoding anything.
            _ = perturbation.Parameters(severity);
            needsLossless |= perturbation.NeedsLossless;
        }

        var image = RgbaImage.Decode(encoded);
        var last = chain.Count - 1;
        for (var i = 0; i < last; i++)
        {
            image = chain[i].Perturbation.Apply(image, chain[i].Severity, SeedDerivation.ForStep(seed, i, chain[i].Perturbation.Name));
        }

        var (final, finalSeverity) = chain[last];
        if (final is JpegRecompression jpeg)
        {
            var quality = jpeg.Quality(finalSeverity);
            return new PerturbedImage(ImageEncoder.EncodeJpeg(image, quality), "image/jpeg", image.Width, image.Height, $"jpeg-q{quality}");
        }

        image = final.Apply(image, finalSeverity, SeedDerivation.ForStep(seed, last, final.Name));
        return needsLossless
            ? new PerturbedImage(ImageEncoder.EncodePng(image), "image/png", image.Width, image.Height, "png")
            : new PerturbedImage(ImageEncoder.EncodeJpeg(image, JpegQuality), "image/jpeg", image.Width, image.Height, $"jpeg-q{JpegQuality}");
    }
}
