using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// Turns a clean sample into one variant of it (perturbed images, perturbed text, unrelated images, text only). The
/// returned sample keeps the clean sample's <see cref="Sample.Id"/>, so clean and perturbed answers pair on it; its
/// images are the exact bytes that will be sent. Thread-safe; deterministic for a given sample and variant. A sample
/// the variant cannot be applied to (for example a corrupt image) throws an exception whose message names the sample
/// and the reason: the engine records it as a typed error row for every model, never as an answer.
/// </summary>
public interface IVariantApplier
{
    /// <summary>The variant this applier produces; its id is stored on every row.</summary>
    Variant Variant { get; }

    ValueTask<Sample> ApplyAsync(Sample sample, CancellationToken cancellationToken);
}
