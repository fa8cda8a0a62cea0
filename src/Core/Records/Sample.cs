using System.Collections.Immutable;

namespace MultiTrust.Core.Records;

/// <summary>
/// One dataset item: a prompt with zero or more images and its target. <see cref="Id"/> is content-derived
/// (see <see cref="SampleIds"/>), so the same content always has the same id across runs and machines.
/// </summary>
public sealed record Sample(
    string Id,
    string TaskId,
    string Aspect,
    string SubAspect,
    string Subset,
    string Prompt,
    ImmutableArray<ImageRef> Images,
    SampleTarget Target,
    ImmutableDictionary<string, string> Metadata);
