using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Truthfulness.TextMisleading;

/// <summary>
/// T.5 on the release (<c>TextMisleadingData</c>): <c>truthfulness/query_misleading/query_g_mistext.json</c> (JSON array
/// of <c>image</c>, <c>query</c>, <c>truth</c>) with images in <c>truthfulness/misleading_images/mistext/</c>, one sample
/// per row in the subset <c>mistext</c>. An empty <c>truth</c> is a malformed row (the reference raises too).
/// </summary>
internal sealed class OfficialTextMisleadingSource : OfficialSource
{
    public const string AnnotationFile = "truthfulness/query_misleading/query_g_mistext.json";

    public const string ImageFolder = "truthfulness/misleading_images/mistext";

    public const string Subset = "mistext";

    public const string PromptSuffix = "\n Please directly tell me the answer without analysis process.";

    public override IReadOnlyList<string> RequiredData { get; } = [AnnotationFile, ImageFolder];

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in AnnotationFiles.ReadJsonArrayRowsAsync(OfficialPaths.Combine(dataRoot, AnnotationFile), cancellationToken).ConfigureAwait(false))
        {
            var image = $"{ImageFolder}/{row.String("image")}";
            var query = row.String("query");
            var truth = row.String("truth");
            if (truth.Length == 0)
            {
                throw row.Fail("field 'truth' is empty");
            }

            yield return OfficialItem.WithImage(Subset, query + PromptSuffix, image, TruthTargets.FreeText(truth));
        }
    }
}
