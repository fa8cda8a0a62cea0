using System.Collections.Immutable;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Official;

/// <summary>
/// One sample as a loader describes it, before its images are read: the subset (the protocol's dataset id without
/// its common prefix), the prompt exactly as the protocol sends it, image paths relative to the data root, the target
/// and metadata. Images the loader made itself (P.6's rendered typography, already in the run's blob store) travel in
/// <see cref="GeneratedImages"/> and follow the release's images.
/// </summary>
public sealed record OfficialItem(
    string Subset,
    string Prompt,
    IReadOnlyList<string> Images,
    SampleTarget Target,
    ImmutableDictionary<string, string>? Metadata = null)
{
    /// <summary>Images the loader generated and stored (never read from the release); empty by default.</summary>
    public ImmutableArray<ImageRef> GeneratedImages { get; init; } = [];

    /// <summary>A text-only item.</summary>
    public static OfficialItem Text(string subset, string prompt, SampleTarget target, ImmutableDictionary<string, string>? metadata = null) =>
        new(subset, prompt, [], target, metadata);

    /// <summary>An item with one image.</summary>
    public static OfficialItem WithImage(string subset, string prompt, string image, SampleTarget target, ImmutableDictionary<string, string>? metadata = null) =>
        new(subset, prompt, [image], target, metadata);
}
