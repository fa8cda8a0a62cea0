using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Randomness;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>
/// Synthetic T.1 (basic world understanding): 384 × 384 scenes of 1–4 coloured shapes with yes/no statements of exact
/// ground truth, in the protocol's d-basic subsets <c>object</c> (existence), <c>attribute</c> (count, colour) and
/// <c>scene</c> (position: left/right/above/below, halves of the image; 2–4 objects). Within every subset the truth
/// alternates, so yes and no are balanced, and the object count cycles through its range. Each (subset, truth, object
/// count) walks a seeded permutation of scene keys (<see cref="SceneLayout"/>), so no two samples below
/// <see cref="Capacity"/> share an image and a statement. Prompt: <c>"{Statement}\n Please Directly answer [Yes] or
/// [No]!"</c>; target Expected <c>yes</c>/<c>no</c>, Reference <c>Yes.</c>/<c>No.</c>. Metadata: <c>statement</c>,
/// <c>kind</c>, <c>truth</c>, <c>objects</c> (<c>colour shape x y radius;...</c>), <c>background</c>, <c>index</c>.
/// </summary>
public sealed class SceneGenerator : IIndexedSampleGenerator
{
    public const string PromptSuffix = "\n Please Directly answer [Yes] or [No]!";

    private readonly TaskInfo _task;
    private readonly ConcurrentDictionary<(long Seed, int Subset, bool Truth, int Objects), SeededPermutation> _keys = new();

    public SceneGenerator(TaskInfo task) => _task = task ?? throw new ArgumentNullException(nameof(task));

    public IReadOnlyList<string> Subsets { get; } = ["object", "attribute", "scene"];

    /// <summary>
    /// Samples i &lt; Capacity are pairwise distinct: per subset, 2 truths × object counts × the scene keys of the
    /// fewest objects (1 object: 16 cells × 109,512 = 1,752,192), and the subsets take turns, so 3 × 2 × 4 × 1,752,192
    /// = 42,052,608.
    /// </summary>
    public long Capacity => Subsets.Count * Enumerable.Range(0, Subsets.Count).Min(PerSubset);

    public async ValueTask<Sample> GenerateAsync(long index, TaskGenerationContext context, CancellationToken cancellationToken)
    {
        SyntheticSamples.RequireCount(context);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Capacity);
        cancellationToken.ThrowIfCancellationRequested();
        var subsetIndex = (int)(index % Subsets.Count);
        var subset = Subsets[subsetIndex];
        var inSubset = index / Subsets.Count;
        var truth = inSubset % 2 == 0;
        var (min, max) = ObjectCounts(subsetIndex);
        var n = inSubset / 2;
        var objects = min + (int)(n % (max - min + 1));
        var key = Keys(context.Seed, subsetIndex, truth, objects)[n / (max - min + 1)];
        var rng = SeededRandom.ForStream(context.Seed, $"{_task.Id}/{subset}", inSubset);
        var (scene, statement) = Compose(subset, truth, key, objects, rng);
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

    // Position statements compare objects, so the scene subset has at least two.
    private static (int Min, int Max) ObjectCounts(int subsetIndex) => subsetIndex == 2 ? (2, 4) : (1, 4);

    private static long PerSubset(int subsetIndex)
    {
        var (min, max) = ObjectCounts(subsetIndex);
        return 2L * (max - min + 1) * SceneLayout.KeyCount(min);
    }

    private SeededPermutation Keys(long seed, int subsetIndex, bool truth, int objects) => _keys.GetOrAdd((seed, subsetIndex, truth, objects), k =>
        new SeededPermutation(
            SceneLayout.KeyCount(k.Objects), k.Seed, $"{_task.Id}/{Subsets[k.Subset]}/{(k.Truth ? "yes" : "no")}/{k.Objects}/scenes"));

    private static (Scene Scene, SceneStatement Statement) Compose(string subset, bool truth, long key, int objects, SeededRandom rng)
    {
        while (true)
        {
            var scene = SceneLayout.FromKey(key, objects, rng);
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
