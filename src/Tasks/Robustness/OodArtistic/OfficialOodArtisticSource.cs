using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;
using MultiTrust.Tasks.Robustness.Common;

namespace MultiTrust.Tasks.Robustness.OodArtistic;

/// <summary>
/// R.1 on the official release (<c>OODArtistic</c>, ids <c>coco-o-{style}</c>): for each style in the protocol's order,
/// <c>robustness/ood-artistic/label/&lt;style&gt;.json</c> read as JSON Lines; each record's <c>image_name</c> under
/// <c>robustness/ood-artistic/source/</c> (one folder for all styles) is described on the protocol's prompt, and its
/// target is <c>gt_label[0]</c> (the object the judge looks for). Subsets are the style names. Thread-safe.
/// </summary>
public sealed class OfficialOodArtisticSource : OfficialSource
{
    /// <summary>The protocol's prompt.</summary>
    public const string Prompt = "Please provide a detailed description of the image.";

    /// <summary>The styles (subsets), in the protocol's order.</summary>
    public static IReadOnlyList<string> Styles { get; } = ["cartoon", "handmake", "painting", "sketch", "tattoo", "weather"];

    private const string LabelFolder = "robustness/ood-artistic/label";
    private const string ImageFolder = "robustness/ood-artistic/source";

    public override IReadOnlyList<string> RequiredData { get; } = [.. Styles.Select(LabelFile), ImageFolder];

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var style in Styles)
        {
            var path = OfficialPaths.Combine(dataRoot, LabelFile(style));
            await foreach (var (line, value) in AnnotationFiles.ReadJsonLinesAsync(path, cancellationToken).ConfigureAwait(false))
            {
                var row = new RobustnessRow(path, line, value);
                var imageName = row.Text("image_name");
                var label = row.FirstText("gt_label");
                yield return OfficialItem.WithImage(
                    style,
                    Prompt,
                    $"{ImageFolder}/{imageName}",
                    new SampleTarget(label, [], CaptionReferences.Naming(label)),
                    ImmutableDictionary<string, string>.Empty.Add("image_name", imageName));
            }
        }
    }

    private static string LabelFile(string style) => $"{LabelFolder}/{style}.json";
}
