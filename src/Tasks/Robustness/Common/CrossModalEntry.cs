using System.Collections.Immutable;
using MultiTrust.Core.Records;

namespace MultiTrust.Tasks.Robustness.Common;

/// <summary>
/// One text record of a cross-modal task before it is expanded into the task's variants: the prompt, the release's
/// related image for it, the target, metadata, and the key its unrelated-image draws are seeded by.
/// </summary>
internal sealed record CrossModalEntry(
    string Key,
    string Prompt,
    string RelatedImage,
    SampleTarget Target,
    ImmutableDictionary<string, string> Metadata);
