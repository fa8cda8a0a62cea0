using MultiTrust.Sources.Imaging;

namespace MultiTrust.Sources.Synthetic.CrossModal;

/// <summary>
/// Makes one seeded image unrelated to the prompt, of kind <c>color</c>, <c>nature</c> or <c>noise</c>, as encoded
/// bytes: the same arguments must give byte-identical images on every machine. The project's generators of these images
/// belong to the perturbation stage (<c>MultiTrust.Stages.Perturbation.Unrelated.UnrelatedImages</c>), which this project
/// does not reference, so a synthetic binding passes them in. Must be thread-safe.
/// </summary>
public delegate RenderedImage UnrelatedImageFactory(string kind, int width, int height, ulong seed);
