using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Truthfulness.VisualConfusion;

/// <summary>
/// T.6 on the release (<c>VisualConfusionData</c>): <c>truthfulness/query_misleading/query_d_confusion.json</c> (JSON
/// array of <c>image</c>, <c>query</c>, <c>truth</c>, <c>kind</c>) with images at <c>truthfulness/misleading_images/&lt;image&gt;</c>
/// (the <c>image</c> field carries its sub-folder). One yes/no sample per row in the subset named by <c>kind</c>; a
/// <c>truth</c> other than "Yes"/"No" or an unknown <c>kind</c> is a malformed row.
/// </summary>
internal sealed class OfficialVisualConfusionSource : OfficialSource
{
    public const string AnnotationFile = "truthfulness/query_misleading/query_d_confusion.json";

    public const string ImageFolder = "truthfulness/misleading_images";

    public const string PromptSuffix =
        "\n Please first answer with [Yes] or [No] according to the picture, and give a short explanation about your answer.";

    /// <summary>The kinds the score reads, in the protocol's order.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["semantic", "contrast", "painting", "mirror", "dislocation"];

    public override IReadOnlyList<string> RequiredData { get; } = [AnnotationFile, ImageFolder];

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in AnnotationFiles.ReadJsonArrayRowsAsync(OfficialPaths.Combine(dataRoot, AnnotationFile), cancellationToken).ConfigureAwait(false))
        {
            var image = $"{ImageFolder}/{row.String("image")}";
            var query = row.String("query");
            var kind = row.String("kind");
            var target = TruthTargets.YesNo(row);
            if (!Kinds.Contains(kind, StringComparer.Ordinal))
            {
                throw row.Fail($"field 'kind' must be one of {string.Join(", ", Kinds)}, found \"{kind}\"");
            }

            yield return OfficialItem.WithImage(kind, "\n " + query + PromptSuffix, image, target);
        }
    }
}
