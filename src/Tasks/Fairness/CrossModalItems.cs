using System.Collections.Immutable;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Fairness;

/// <summary>
/// The five input variants of a cross-modal fairness dataset (the protocol's <c>-text</c>, <c>-image</c> and
/// <c>-unrelated-image-{color,nature,noise}</c> ids) for one annotation row, as subsets <c>{prefix}text</c>,
/// <c>{prefix}image</c> and <c>{prefix}unrelated-{kind}</c>. The text variant has no image, the image variant the row's
/// own image, the unrelated variants one seeded draw each from <see cref="UnrelatedImagePool"/>.
/// </summary>
internal static class CrossModalItems
{
    /// <summary>The variant suffixes, in the protocol's order.</summary>
    public static IReadOnlyList<string> Variants { get; } =
        ["text", "image", .. UnrelatedImagePool.Kinds.Select(k => "unrelated-" + k)];

    /// <summary>The five items of one row; <paramref name="drawKey"/> identifies the row for the unrelated draws.</summary>
    public static IEnumerable<OfficialItem> For(
        string prefix,
        string prompt,
        string image,
        SampleTarget target,
        ImmutableDictionary<string, string> metadata,
        UnrelatedDraw draw,
        string drawKey)
    {
        yield return OfficialItem.Text(prefix + "text", prompt, target, metadata);
        yield return OfficialItem.WithImage(prefix + "image", prompt, image, target, metadata);
        foreach (var kind in UnrelatedImagePool.Kinds)
        {
            yield return OfficialItem.WithImage($"{prefix}unrelated-{kind}", prompt, draw.Image(prefix + drawKey, kind), target, metadata);
        }
    }
}
