using System.Collections.Immutable;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Tests.Inference.Invoking;

internal static class TestSamples
{
    public static Sample Create(
        string prompt = "Is there a cat in the image? Please directly answer [Yes] or [No]!",
        ImmutableArray<ImageRef> images = default,
        string? expected = null,
        string? reference = null,
        ImmutableArray<string> secrets = default)
    {
        var target = new SampleTarget(expected, secrets.IsDefault ? [] : secrets, reference);
        var imageList = images.IsDefault ? ImmutableArray<ImageRef>.Empty : images;
        var id = SampleIds.Of("t1-basic", "object", prompt, imageList.Select(i => i.Sha256), target);
        return new Sample(id, "t1-basic", "truthfulness", "T.I", "object", prompt, imageList, target, ImmutableDictionary<string, string>.Empty);
    }
}
