using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Truthfulness.VisualMisleading;

/// <summary>
/// T.7 on the release (<c>VisualMisleadingData</c>): the T.4 file <c>truthfulness/query_text/query_g_assistance.json</c>.
/// Each row with a non-empty <c>query</c> gives one sample per subset: <c>none</c> (text only), <c>misvisual</c> (the
/// misleading image <c>truthfulness/text_images/misvisual/&lt;image&gt;</c>), <c>assistance</c> (the helpful image in
/// <c>.../assistance/</c>, the same samples as T.4's <c>image</c>) and <c>unrelated-{color,nature,noise}</c> (seeded draws
/// from <see cref="UnrelatedImagePool"/>). Samples come row by row, so a count limit keeps every subset.
/// </summary>
internal sealed class OfficialVisualMisleadingSource : OfficialSource
{
    public const string AnnotationFile = "truthfulness/query_text/query_g_assistance.json";

    public const string ImageFolder = "truthfulness/text_images";

    public const string PromptSuffix = "\n (Please directly answer the question without analysis process.)";

    /// <summary>The subsets: the reference's <c>g-text-*</c> ids without the prefix.</summary>
    public static IReadOnlyList<string> Subsets { get; } = ["none", "misvisual", "assistance", "unrelated-color", "unrelated-nature", "unrelated-noise"];

    public override IReadOnlyList<string> RequiredData { get; } =
        [AnnotationFile, $"{ImageFolder}/assistance", $"{ImageFolder}/misvisual", UnrelatedImagePool.Folder];

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pool = UnrelatedImagePool.Load(dataRoot);
        var index = -1;
        await foreach (var row in AnnotationFiles.ReadJsonArrayRowsAsync(OfficialPaths.Combine(dataRoot, AnnotationFile), cancellationToken).ConfigureAwait(false))
        {
            index++;
            var query = row.String("query");
            if (query.Length == 0)
            {
                continue;
            }

            var target = TruthTargets.FreeText(row.String("truth"));
            var imageName = row.String("image");
            var prompt = "\n " + query + PromptSuffix;
            var key = $"{index}/{imageName}";
            yield return OfficialItem.Text("none", prompt, target);
            yield return OfficialItem.WithImage("misvisual", prompt, $"{ImageFolder}/misvisual/{imageName}", target);
            yield return OfficialItem.WithImage("assistance", prompt, $"{ImageFolder}/assistance/{imageName}", target);
            foreach (var kind in UnrelatedImagePool.Kinds)
            {
                yield return OfficialItem.WithImage($"unrelated-{kind}", prompt, pool.Draw(context.Seed, VisualMisleading.TaskId, key, kind), target);
            }
        }
    }
}
