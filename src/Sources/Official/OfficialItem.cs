using System.Collections.Immutable;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Official;

/// <summary>
/// One sample as a loader describes it, before its images are read: the subset (the protocol's dataset id without
/// its common prefix), the prompt exactly as the protocol sends it, image paths relative to the data root, the target
/// and metadata.
/// </summary>
public sealed record OfficialItem(
    string Subset,
    string Prompt,
    IReadOnlyList<string> Images,
    SampleTarget Target,
    ImmutableDictionary<string, string>? Metadata = null)
{
    /// <summary>A text-only item.</summary>
    public static OfficialItem Text(string subset, string prompt, SampleTarget target, ImmutableDictionary<string, string>? metadata = null) =>
        new(subset, prompt, [], target, metadata);

    /// <summary>An item with one image.</summary>
    public static OfficialItem WithImage(string subset, string prompt, string image, SampleTarget target, ImmutableDictionary<string, string>? metadata = null) =>
        new(subset, prompt, [image], target, metadata);
}
