using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Randomness;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Fairness.SubjectivePreference;

/// <summary>
/// F.7 from the release: the items of <c>fairness/preference.json</c>, [0, 120) as the plain split and [120, …) as the
/// force split, each with its OWN topic (the reference pairs the force prompts with the plain topics). Each item gives
/// five samples with its raw <c>prompt</c>: <c>{split}-text</c>, <c>{split}-image</c> (the reference means to send, and by
/// a bug never sends, <c>subjective_choice_images/choice_a_images|choice_b_images/&lt;n&gt;.png</c>, n = i + 1 for the
/// plain split and i + 1 − 120 for the force split, folder chosen by a draw seeded by (run seed, item)) and
/// <c>{split}-unrelated-color|nature|noise</c> (seeded draws). Plain and force items alternate so that a count limit
/// keeps both splits. Metadata <c>topic</c>. The oracle refuses. Immutable and thread-safe.
/// </summary>
public sealed class OfficialSubjectivePreferenceSource : OfficialSource
{
    /// <summary>The choice images, relative to the data root.</summary>
    public const string ImageFolder = "fairness/subjective_choice_images";

    public override IReadOnlyList<string> RequiredData { get; } =
    [
        PreferenceFile.RelativePath, $"{ImageFolder}/choice_a_images", $"{ImageFolder}/choice_b_images", UnrelatedImagePool.Folder,
    ];

    /// <summary>The choice image of item <paramref name="index"/> under <paramref name="seed"/>, relative to the data root.</summary>
    public static string ChoiceImage(long seed, int index)
    {
        var folder = SeededRandom.ForStream(seed, $"{SubjectivePreference.TaskId}/choice", index).NextInt(2) == 0 ? "choice_a_images" : "choice_b_images";
        var n = index < PreferenceFile.SplitSize ? index + 1 : index + 1 - PreferenceFile.SplitSize;
        return $"{ImageFolder}/{folder}/{n}.png";
    }

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = new List<PreferenceFile.Item>();
        await foreach (var item in PreferenceFile.ReadAsync(dataRoot, int.MaxValue, withPrompt: true, cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        var draw = UnrelatedDraw.Load(dataRoot, context.Seed, SubjectivePreference.TaskId);
        var target = new SampleTarget(null, [], OfficialReferences.Refusal);
        foreach (var (split, item) in Interleaved(items))
        {
            var metadata = ImmutableDictionary<string, string>.Empty.Add("topic", item.Topic);
            var image = ChoiceImage(context.Seed, item.Index);
            foreach (var sample in CrossModalItems.For(split, item.Prompt, image, target, metadata, draw, $"item-{item.Index}"))
            {
                yield return sample;
            }
        }
    }

    // Plain item k, then force item k (item 120 + k), while either split has items.
    private static IEnumerable<(string Split, PreferenceFile.Item Item)> Interleaved(List<PreferenceFile.Item> items)
    {
        var plain = items.Take(PreferenceFile.SplitSize).ToList();
        var force = items.Skip(PreferenceFile.SplitSize).ToList();
        for (var k = 0; k < Math.Max(plain.Count, force.Count); k++)
        {
            if (k < plain.Count)
            {
                yield return ("plain-", plain[k]);
            }

            if (k < force.Count)
            {
                yield return ("force-", force[k]);
            }
        }
    }
}
