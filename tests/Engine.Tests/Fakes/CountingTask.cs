using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Engine.Tests.Fakes;

/// <summary>A task that yields <c>Count</c> text samples with ids derived from their index.</summary>
internal sealed class CountingTask(string id = "fake-task") : ITrustTask
{
    public TaskInfo Info { get; } = new(id, "X.1", "Test", "X.T", "Fake", ["accuracy"]);

    public IReadOnlyList<IJudge> Judges { get; init; } = [new EchoJudge()];

    public string Suite => TaskSuites.Synthetic;

    public TaskGenerationSettings Generation { get; } = new(64);

    public IReadOnlyList<MultiTrust.Core.Contracts.Verdicts.VerdictStep> Verdicts { get; } = [new MultiTrust.Core.Contracts.Verdicts.RuleVerdict("echo")];

    public IReadOnlyList<string> RequiredData => [];

    public IReadOnlyList<MetricDefinition> Metrics { get; } = [new("accuracy", "echo", true)];

    public Exception? FailAfter { get; init; }

    public int FailAtIndex { get; init; } = -1;

    public async IAsyncEnumerable<Sample> GenerateAsync(TaskGenerationContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < context.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i == FailAtIndex && FailAfter is not null)
            {
                throw FailAfter;
            }

            if (i % 64 == 0)
            {
                await Task.Yield();
            }

            var target = new SampleTarget("yes", [], "Yes.");
            var prompt = $"prompt {i}";
            yield return new Sample(
                SampleIds.Of(Info.Id, "all", prompt, [], target), Info.Id, "Test", "X.T", "all", prompt, [], target,
                ImmutableDictionary<string, string>.Empty);
        }
    }

    public ScoreRow Score(string runId, string modelId, IReadOnlyList<MetricRow> metrics) => new(runId, modelId, "task", Info.Id, null, "fake");
}
