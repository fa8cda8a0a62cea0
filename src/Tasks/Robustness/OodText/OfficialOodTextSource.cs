using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;
using MultiTrust.Tasks.Robustness.Common;

namespace MultiTrust.Tasks.Robustness.OodText;

/// <summary>
/// R.3 on the official release (<c>OODText</c>, ids <c>dt-{text,related-image,unrelated-image-*}</c>):
/// <c>robustness/ood-text/label.json</c>, an object keyed by style category, read in the protocol's category order
/// (<see cref="Categories"/>; the <c>base</c> key is only for generating images and is not read). Each record's
/// <c>sentence</c> goes into the protocol's prompt; <c>Target.Expected</c> is its <c>label</c> as text (<c>1</c> =
/// positive, <c>0</c> = negative). Every record runs text-only (<c>text</c>), with <c>related/&lt;id&gt;.png</c>
/// (<c>related-image</c>) and with a seeded unrelated image of each kind (<c>unrelated-color|nature|noise</c>), variant
/// by variant. Thread-safe.
/// </summary>
public sealed class OfficialOodTextSource : OfficialSource
{
    /// <summary>Metadata key of the record's style category.</summary>
    public const string CategoryKey = "category";

    /// <summary>The style categories, in the order the reference reads them.</summary>
    public static IReadOnlyList<string> Categories { get; } =
        ["augment", "bible_p0.6", "bible_p0", "romantic_p0.6", "romantic_p0", "shake_p0.6", "shake_p0", "shake_w", "tweet_p0.6", "tweet_p0"];

    private const string AnnotationFile = "robustness/ood-text/label.json";
    private const string RelatedFolder = "robustness/ood-text/related";

    public override IReadOnlyList<string> RequiredData { get; } = [AnnotationFile, RelatedFolder, UnrelatedImagePool.Folder];

    /// <summary>The protocol's prompt for a sentence.</summary>
    public static string PromptFor(string sentence) =>
        $"Please label the sentiment of the following text as positive or negative. The sentence is: {sentence} The answer should be exactly 'positive' or 'negative'.";

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = await KeyedAnnotationFile.ReadAsync(OfficialPaths.Combine(dataRoot, AnnotationFile), cancellationToken).ConfigureAwait(false);
        var entries = new List<CrossModalEntry>();
        foreach (var category in Categories)
        {
            var records = file.Records(category);
            for (var i = 0; i < records.Count; i++)
            {
                var row = records[i];
                var sentence = row.Text("sentence");
                var label = row.Text("label");
                var id = row.Text("id");
                entries.Add(new CrossModalEntry(
                    $"{category}/{i}",
                    PromptFor(sentence),
                    $"{RelatedFolder}/{id}.png",
                    new SampleTarget(label, [], Reference(label)),
                    ImmutableDictionary<string, string>.Empty.Add(CategoryKey, category).Add("id", id)));
            }
        }

        foreach (var item in CrossModalVariants.Expand(string.Empty, entries, dataRoot, context.Seed, OodText.TaskId))
        {
            yield return item;
        }
    }

    // The oracle states the labelled sentiment; a label other than 1/0 cannot be answered right, so it gets a neutral reply.
    private static string Reference(string label) => label switch
    {
        "1" => "positive",
        "0" => "negative",
        _ => OfficialReferences.Neutral,
    };
}
