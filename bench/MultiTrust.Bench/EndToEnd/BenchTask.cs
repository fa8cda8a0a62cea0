using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Stages.Judging;

namespace MultiTrust.Bench.EndToEnd;

/// <summary>
/// A bench-only task that streams distinct synthetic yes/no samples as fast as the engine takes them: text-only, or
/// each sample with one image from a pre-stored pool (cycled, so consecutive samples carry different images).
/// </summary>
public sealed class BenchTask(IReadOnlyList<ImageRef> images, IReadOnlyList<IJudge> judges) : ITrustTask
{
    public const string TaskId = "bench-yesno";

    private static readonly string[] s_statements =
    [
        "Is there a red car parked in front of the building?",
        "Does the picture show exactly three people sitting at a table?",
        "Is the sky in this scene cloudy?",
        "Is the text on the sign written in English?",
        "Are there any animals visible in the image?",
        "Is the person on the left holding an umbrella?",
    ];

    public TaskInfo Info { get; } = new(TaskId, "B.1", "Benchmark", "B.I", "Bench yes/no statements", ["accuracy"]);

    public IReadOnlyList<IJudge> Judges { get; } = judges;

    public string Suite => TaskSuites.Synthetic;

    public TaskGenerationSettings Generation { get; } = new(512);

    public IReadOnlyList<MultiTrust.Core.Contracts.Verdicts.VerdictStep> Verdicts { get; } =
        [.. judges.Select(j => new MultiTrust.Core.Contracts.Verdicts.RuleVerdict(j.Id))];

    public IReadOnlyList<string> RequiredData => [];

    public IReadOnlyList<MetricDefinition> Metrics { get; } = [new MetricDefinition("accuracy", "yesno", HigherIsBetter: true)];

    public static IReadOnlyList<IJudge> DefaultJudges() => [new YesNoJudge(), new RefusalJudge()];

    public async IAsyncEnumerable<Sample> GenerateAsync(
        TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < context.Count; i++)
        {
            if ((i & 0x3FFF) == 0)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
            }

            var prompt = string.Create(
                CultureInfo.InvariantCulture,
                $"Statement {i}: {s_statements[i % s_statements.Length]} Answer yes or no.");
            ImmutableArray<ImageRef> sampleImages = images.Count == 0 ? [] : [images[i % images.Count]];
            var target = new SampleTarget((i & 1) == 0 ? "yes" : "no", [], null);
            var id = SampleIds.Of(TaskId, "bench", prompt, sampleImages.Select(x => x.Sha256), target);
            yield return new Sample(id, TaskId, Info.Aspect, Info.SubAspect, "bench", prompt, sampleImages, target, ImmutableDictionary<string, string>.Empty);
        }
    }

    public ScoreRow Score(string runId, string modelId, IReadOnlyList<MetricRow> metrics) =>
        throw new NotSupportedException($"Task '{TaskId}' is a benchmark load generator; it is never scored.");
}
