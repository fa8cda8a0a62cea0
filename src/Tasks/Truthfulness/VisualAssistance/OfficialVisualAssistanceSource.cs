using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Truthfulness.VisualAssistance;

/// <summary>
/// T.4 on the release (<c>VisualAssistance</c>): <c>truthfulness/query_text/query_g_assistance.json</c> (JSON array of
/// <c>image</c>, <c>query</c>, <c>truth</c>; every row needs <c>image</c>, even for the text variant). Each row with a
/// non-empty <c>query</c> gives one sample per subset: <c>text</c> (text only), <c>image</c> (the helpful image in
/// <c>truthfulness/text_images/assistance/</c>) and <c>unrelated-{color,nature,noise}</c> (one image drawn from
/// <see cref="UnrelatedImagePool"/>, seeded by the run seed and the row instead of the reference's unseeded draw).
/// Samples come row by row, so a count limit keeps every subset.
/// </summary>
internal sealed class OfficialVisualAssistanceSource : OfficialSource
{
    public const string AnnotationFile = "truthfulness/query_text/query_g_assistance.json";

    public const string ImageFolder = "truthfulness/text_images/assistance";

    public const string PromptSuffix = "\n (Please directly answer the question without analysis process.)";

    /// <summary>The subsets, in the reference's dataset order.</summary>
    public static IReadOnlyList<string> Subsets { get; } = ["text", "image", "unrelated-color", "unrelated-nature", "unrelated-noise"];

    public override IReadOnlyList<string> RequiredData { get; } = [AnnotationFile, ImageFolder, UnrelatedImagePool.Folder];

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
            yield return OfficialItem.Text("text", prompt, target);
            yield return OfficialItem.WithImage("image", prompt, $"{ImageFolder}/{imageName}", target);
            foreach (var kind in UnrelatedImagePool.Kinds)
            {
                yield return OfficialItem.WithImage($"unrelated-{kind}", prompt, pool.Draw(context.Seed, VisualAssistance.TaskId, key, kind), target);
            }
        }
    }
}
