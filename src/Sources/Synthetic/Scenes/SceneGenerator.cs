using System.Collections.Immutable;
using System.Globalization;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Randomness;

namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>
/// Synthetic T.1 (basic world understanding): 384 × 384 scenes of 1–4 coloured shapes with yes/no statements of exact
/// ground truth, in the protocol's d-basic subsets <c>object</c> (existence), <c>attribute</c> (count, colour) and
/// <c>scene</c> (position: left/right/above/below, halves of the image). Within every subset the truth alternates,
/// so yes and no are balanced. Prompt: <c>"{Statement}\n Please Directly answer [Yes] or [No]!"</c>; target
/// Expected <c>yes</c>/<c>no</c>, Reference <c>Yes.</c>/<c>No.</c>. Metadata: <c>statement</c>, <c>kind</c>,
/// <c>truth</c>, <c>objects</c> (<c>colour shape x y radius;...</c>), <c>background</c>.
/// </summary>
public sealed class SceneGenerator : IIndexedSampleGenerator
{
    public const string PromptSuffix = "\n Please Directly answer [Yes] or [No]!";

    private readonly TaskInfo _task;

    public SceneGenerator(TaskInfo task) => _task = task ?? throw new ArgumentNullException(nameof(task));

    public IReadOnlyList<string> Subsets { get; } = ["object", "attribute", "scene"];

    public long Capacity => int.MaxValue;

    public async ValueTask<Sample> GenerateAsync(long index, TaskGenerationContext context, CancellationToken cancellationToken)
    {
        SyntheticSamples.RequireCount(context);
        cancellationToken.ThrowIfCancellationRequested();
        var subset = Subsets[(int)(index % Subsets.Count)];
        var inSubset = index / Subsets.Count;
        var truth = inSubset % 2 == 0;
        var rng = SeededRandom.ForStream(context.Seed, $"{_task.Id}/{subset}", inSubset);
        var (scene, statement) = Compose(subset, truth, rng);
        var image = await SceneRenderer.Render(scene).StoreAsync(context.Images, cancellationToken).ConfigureAwait(false);
        var answer = truth ? "yes" : "no";
        var target = new SampleTarget(answer, [], truth ? "Yes." : "No.");
        var metadata = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["statement"] = statement.Text,
            ["kind"] = statement.Kind,
            ["truth"] = answer,
            ["objects"] = scene.Describe(),
            ["background"] = scene.Background,
            ["index"] = inSubset.ToString(CultureInfo.InvariantCulture),
        });
        return SyntheticSamples.Create(_task, subset, statement.Text + PromptSuffix, [image], target, metadata);
    }

    private static (Scene Scene, SceneStatement Statement) Compose(string subset, bool truth, SeededRandom rng)
    {
        while (true)
        {
            var scene = SceneLayout.Random(rng, subset == "scene" ? 2 : 1, 4);
            var statement = subset switch
            {
                "object" => SceneStatements.Existence(scene, truth, rng),
                "attribute" => SceneStatements.Attribute(scene, truth, rng),
                _ => SceneStatements.Position(scene, truth, rng),
            };
            if (statement is not null)
            {
                return (scene, statement);
            }
        }
    }
}
