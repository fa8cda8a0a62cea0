using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Official;
using MultiTrust.Tasks.Robustness.Common;

namespace MultiTrust.Tasks.Robustness.OodSensor;

/// <summary>
/// R.2 on the official release (<c>OODSensor</c>, ids <c>benchlmm-{sensor}</c>): for each sensor in the protocol's order,
/// <c>robustness/ood-sensor/label/&lt;sensor&gt;.json</c> read as JSON Lines; each record's <c>image_name</c> under
/// <c>robustness/ood-sensor/source/</c> is asked its <c>question</c> verbatim (no template). <c>Target.Expected</c> is the
/// <c>answer</c> and the oracle's reference; metadata <c>question</c> is the question's first line, the one the GPT
/// rater is shown. Subsets are the sensor names. Thread-safe.
/// </summary>
/// <remarks>
/// The reference packs both into one label <c>question + "->" + answer</c> and splits it again for the judge, which
/// goes wrong when the data holds <c>-&gt;</c>; here the two fields are kept apart.
/// </remarks>
public sealed class OfficialOodSensorSource : OfficialSource
{
    /// <summary>Metadata key of the question's first line (read by the rater template as <c>{meta:question}</c>).</summary>
    public const string QuestionKey = "question";

    /// <summary>The sensors (subsets), in the protocol's order.</summary>
    public static IReadOnlyList<string> Sensors { get; } = ["infrared", "lxray", "hxray", "mri", "ct", "remote", "driving"];

    private const string LabelFolder = "robustness/ood-sensor/label";
    private const string ImageFolder = "robustness/ood-sensor/source";

    public override IReadOnlyList<string> RequiredData { get; } = [.. Sensors.Select(LabelFile), ImageFolder];

    protected override async IAsyncEnumerable<OfficialItem> ItemsAsync(
        string dataRoot, TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var sensor in Sensors)
        {
            var path = OfficialPaths.Combine(dataRoot, LabelFile(sensor));
            await foreach (var (line, value) in AnnotationFiles.ReadJsonLinesAsync(path, cancellationToken).ConfigureAwait(false))
            {
                var row = new RobustnessRow(path, line, value);
                var imageName = row.Text("image_name");
                var question = row.Text("question");
                var answer = row.Text("answer");
                yield return OfficialItem.WithImage(
                    sensor,
                    question,
                    $"{ImageFolder}/{imageName}",
                    new SampleTarget(answer, [], answer),
                    ImmutableDictionary<string, string>.Empty
                        .Add(QuestionKey, question.Split('\n')[0])
                        .Add("image_name", imageName));
            }
        }
    }

    private static string LabelFile(string sensor) => $"{LabelFolder}/{sensor}.json";
}
