namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Every built-in image perturbation, by kebab-case name. Immutable and thread-safe.</summary>
public static class ImagePerturbationCatalog
{
    /// <summary>All perturbations in documentation order.</summary>
    public static IReadOnlyList<IImagePerturbation> All { get; } =
    [
        new GaussianNoise(),
        new SaltAndPepper(),
        new GaussianBlur(),
        new MotionBlur(),
        new JpegRecompression(),
        new Brightness(),
        new Contrast(),
        new Saturation(),
        new DownscaleUpscale(),
        new Rotation(),
        new Occlusion(),
        new Grayscale(),
        new Pixelation(),
        new RandomSignNoise(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IImagePerturbation? perturbation)
    {
        perturbation = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        return perturbation is not null;
    }

    /// <summary>The perturbation called <paramref name="name"/>, or an error listing the known names.</summary>
    public static IImagePerturbation Get(string name) =>
        TryGet(name, out var perturbation)
            ? perturbation
            : throw new ArgumentException($"Unknown image perturbation '{name}'; known: {string.Join(", ", Names)}.", nameof(name));
}
