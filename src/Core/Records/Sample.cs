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
    ImmutableDictionary<string, string> Metadata)
{
    /// <summary>A sample of <paramref name="task"/> with its content-derived id (<see cref="SampleIds.Of"/>).</summary>
    public static Sample Create(
        Contracts.TaskInfo task,
        string subset,
        string prompt,
        ImmutableArray<ImageRef> images,
        SampleTarget target,
        ImmutableDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        images = images.IsDefault ? [] : images;
        var id = SampleIds.Of(task.Id, subset, prompt, images.Select(i => i.Sha256), target);
        return new Sample(id, task.Id, task.Aspect, task.SubAspect, subset, prompt, images, target, metadata ?? ImmutableDictionary<string, string>.Empty);
    }
}
