namespace MultiTrust.Sources.Synthetic.CrossModal;

/// <summary>
/// The perturbation stage's seeded tools a cross-modal generator borrows: unrelated images for the protocol's
/// <c>unrelated-*</c> subsets and text perturbations for adversarial or augmented sentences. Passed in by the synthetic
/// bindings (the task project references both this project and the stage). Immutable.
/// </summary>
/// <param name="UnrelatedImage">Seeded colour, nature and noise images.</param>
/// <param name="Text">Seeded text perturbations by name.</param>
public sealed record PerturbationKit(UnrelatedImageFactory UnrelatedImage, TextPerturber Text);
