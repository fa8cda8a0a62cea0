using MultiTrust.Sources.Imaging;
using MultiTrust.Sources.Synthetic.CrossModal;
using MultiTrust.Stages.Perturbation.Text;
using MultiTrust.Stages.Perturbation.Unrelated;

namespace MultiTrust.Tasks.Synthetic;

/// <summary>
/// The perturbation stage's seeded unrelated images (<see cref="UnrelatedImages"/>) and text perturbations
/// (<see cref="TextPerturbationCatalog"/>) as the <see cref="PerturbationKit"/> the cross-modal synthetic generators take:
/// the generators live in the sources project, which does not reference the stages, so the task project joins them.
/// </summary>
public static class SyntheticPerturbationKit
{
    /// <summary>The kit every synthetic binding uses.</summary>
    public static PerturbationKit Default { get; } = new(UnrelatedImage, Text);

    private static RenderedImage UnrelatedImage(string kind, int width, int height, ulong seed)
    {
        var image = UnrelatedImages.Create(kind, width, height, seed);
        return new RenderedImage(image.Png, image.Width, image.Height, image.MediaType);
    }

    private static string Text(string text, string name, int severity, ulong seed) =>
        TextPerturbationCatalog.Get(name).Apply(text, severity, seed);
}
