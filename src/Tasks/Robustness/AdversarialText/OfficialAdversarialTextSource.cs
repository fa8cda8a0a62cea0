using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;
using MultiTrust.Tasks.Robustness.Common;

namespace MultiTrust.Tasks.Robustness.AdversarialText;

/// <summary>
/// R.6 on the official release (<c>AdvText</c>, 10 ids <c>advglue{,-plus}-{text,related-image,unrelated-image-*}</c>):
/// <c>robustness/advglue/label.json</c>, then <c>robustness/advglue_plus/label.json</c>, each an object keyed by GLUE
/// task and read in the order mnli, mnli-mm, qnli, qqp, rte, sst2. Each record (<c>idx</c>, <c>label</c> and its task's
/// text fields) is put into its task's prompt; <c>Target.Expected</c> is <c>"&lt;task&gt;-&gt;&lt;label&gt;"</c> and the
/// oracle's reference the label's answer word. Every record runs text-only, with <c>related/&lt;task&gt;/&lt;idx&gt;.png</c>
/// and with a seeded unrelated image of each kind; subsets are <c>advglue-</c> or <c>advglue-plus-</c> followed by
/// <c>text</c>, <c>related-image</c>, <c>unrelated-color</c>, <c>unrelated-nature</c>, <c>unrelated-noise</c>. Thread-safe.
/// </summary>
public sealed class OfficialAdversarialTextSource : OfficialSource
{
    /// <summary>Metadata key of the record's GLUE task.</summary>
    public const string GlueTaskKey = "glue_task";

    private static readonly (string Folder, string Prefix)[] s_datasets =
    [
        ("robustness/advglue", "advglue-"),
        ("robustness/advglue_plus", "advglue-plus-"),
    ];

    public override IReadOnlyList<string> RequiredData { get; } =
        [.. s_datasets.SelectMany(d => new[] { $"{d.Folder}/label.json", $"{d.Folder}/related" }), UnrelatedImagePool.Folder];

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (folder, prefix) in s_datasets)
        {
            var file = await KeyedAnnotationFile.ReadAsync(OfficialPaths.Combine(dataRoot, $"{folder}/label.json"), cancellationToken).ConfigureAwait(false);
            var entries = new List<CrossModalEntry>();
            foreach (var task in GlueTask.All)
            {
                var records = file.Records(task.Name);
                for (var i = 0; i < records.Count; i++)
                {
                    entries.Add(Entry(records[i], task, folder, $"{prefix}{task.Name}/{i}"));
                }
            }

            foreach (var item in CrossModalVariants.Expand(prefix, entries, dataRoot, context.Seed, AdversarialText.TaskId))
            {
                yield return item;
            }
        }
    }

    private static CrossModalEntry Entry(RobustnessRow row, GlueTask task, string folder, string key)
    {
        var idx = row.Text("idx");
        var label = row.Text("label");
        var first = row.Text(task.FirstField);
        var second = task.SecondField is null ? null : row.Text(task.SecondField);
        return new CrossModalEntry(
            key,
            task.Prompt(first, second),
            $"{folder}/related/{task.Name}/{idx}.png",
            new SampleTarget($"{task.Name}->{label}", [], task.Answers.GetValueOrDefault(label, OfficialReferences.Neutral)),
            ImmutableDictionary<string, string>.Empty.Add(GlueTaskKey, task.Name).Add("idx", idx));
    }
}
