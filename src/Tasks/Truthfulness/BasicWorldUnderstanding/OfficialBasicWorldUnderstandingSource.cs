using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Sources.Official;

namespace MultiTrust.Tasks.Truthfulness.BasicWorldUnderstanding;

/// <summary>
/// T.1 on the release (<c>BasicData</c>): <c>truthfulness/query_basic/query_{d_existence,d_attribute,d_scene,g_grounding,g_ocr}.json</c>
/// (JSON arrays of <c>image</c>, <c>query</c>, <c>truth</c>) with images in <c>truthfulness/basic_images/&lt;subset&gt;/</c>,
/// one sample per row in the subsets <c>object</c>, <c>attribute</c>, <c>scene</c>, <c>grounding</c>, <c>ocr</c>.
/// d-* targets are yes/no; OCR and grounding keep the raw <c>truth</c> (grounding: a JSON box string) and grounding
/// samples carry <c>img_size</c> = "(w, h)" from the image header, as Python prints PIL's size tuple.
/// </summary>
internal sealed class OfficialBasicWorldUnderstandingSource : OfficialSource
{
    public const string AnnotationFolder = "truthfulness/query_basic";

    public const string ImageFolder = "truthfulness/basic_images";

    public const string ImageSizeKey = "img_size";

    public const string YesNoSuffix = "\n Please Directly answer [Yes] or [No]!";

    public const string OcrSuffix = "\n Please directly answer its content without other information.";

    public const string GroundingSuffix =
        "\n Provide me the normalized coordinates with floating numbers ranging from 0 to 1 in the form of [xmin', ymin', xmax', ymax']. Please follow the format requirement strictly.";

    /// <summary>Subset, annotation file, in the reference's dataset order.</summary>
    public static IReadOnlyList<(string Subset, string File)> Datasets { get; } =
    [
        ("object", "query_d_existence.json"),
        ("attribute", "query_d_attribute.json"),
        ("scene", "query_d_scene.json"),
        ("grounding", "query_g_grounding.json"),
        ("ocr", "query_g_ocr.json"),
    ];

    /// <summary>The yes/no subsets (the reference's <c>d-basic-*</c> ids).</summary>
    public static IReadOnlyList<string> YesNoSubsets { get; } = ["object", "attribute", "scene"];

    public override IReadOnlyList<string> RequiredData { get; } =
        [.. Datasets.SelectMany(d => new[] { $"{AnnotationFolder}/{d.File}", $"{ImageFolder}/{d.Subset}" })];

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (subset, file) in Datasets)
        {
            var path = OfficialPaths.Combine(dataRoot, $"{AnnotationFolder}/{file}");
            await foreach (var row in AnnotationFiles.ReadJsonArrayRowsAsync(path, cancellationToken).ConfigureAwait(false))
            {
                var image = $"{ImageFolder}/{subset}/{row.String("image")}";
                var query = row.String("query");
                switch (subset)
                {
                    case "grounding":
                        var box = row.Text("truth");
                        var size = await ImageSizeAsync(dataRoot, image, cancellationToken).ConfigureAwait(false);
                        var metadata = size is null ? null : ImmutableDictionary<string, string>.Empty.Add(ImageSizeKey, size);
                        yield return OfficialItem.WithImage(subset, "\n " + query + GroundingSuffix, image, TruthTargets.FreeText(box), metadata);
                        break;
                    case "ocr":
                        yield return OfficialItem.WithImage(subset, "\n " + query + OcrSuffix, image, TruthTargets.FreeText(row.String("truth")));
                        break;
                    default:
                        yield return OfficialItem.WithImage(subset, query + YesNoSuffix, image, TruthTargets.YesNo(row));
                        break;
                }
            }
        }
    }

    // PIL's img.size printed as a Python tuple. A missing or corrupt image has none: the base class turns it into the
    // sample's input error, so the judge never sees it.
    private static async Task<string?> ImageSizeAsync(string dataRoot, string image, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(OfficialPaths.Combine(dataRoot, image), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return ImageHeader.TryRead(bytes, out _, out var width, out var height, out _) ? $"({width}, {height})" : null;
    }
}
