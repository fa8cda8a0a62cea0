using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Robustness.Common;

/// <summary>
/// The variants a cross-modal robustness task runs each text record in, as the reference's run scripts list its
/// dataset ids (<c>…-text</c>, <c>…-related-image</c>, <c>…-unrelated-image-{color,nature,noise}</c>): text only, with the
/// release's related image, and with an unrelated image of each kind. Items come variant by variant, in that order, as
/// the reference runs them. Unrelated images are drawn from <see cref="UnrelatedImagePool"/>, seeded by (run seed, task,
/// record key, kind), instead of the reference's unseeded <c>random.sample</c>.
/// </summary>
internal static class CrossModalVariants
{
    /// <summary>
    /// The items of every variant of <paramref name="entries"/>; subsets are <paramref name="prefix"/> + the variant
    /// (<c>text</c>, <c>related-image</c>, <c>unrelated-color</c>, …). The unrelated pool is listed only when reached.
    /// </summary>
    public static IEnumerable<OfficialItem> Expand(
        string prefix, IReadOnlyList<CrossModalEntry> entries, string dataRoot, long seed, string taskId)
    {
        foreach (var entry in entries)
        {
            yield return OfficialItem.Text(prefix + "text", entry.Prompt, entry.Target, entry.Metadata);
        }

        foreach (var entry in entries)
        {
            yield return OfficialItem.WithImage(prefix + "related-image", entry.Prompt, entry.RelatedImage, entry.Target, entry.Metadata);
        }

        if (entries.Count == 0)
        {
            yield break;
        }

        var pool = UnrelatedImagePool.Load(dataRoot);
        foreach (var kind in UnrelatedImagePool.Kinds)
        {
            foreach (var entry in entries)
            {
                var image = pool.Draw(seed, taskId, entry.Key, kind);
                yield return OfficialItem.WithImage(prefix + "unrelated-" + kind, entry.Prompt, image, entry.Target, entry.Metadata);
            }
        }
    }
}
