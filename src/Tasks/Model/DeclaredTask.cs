using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Records;

namespace MultiTrust.Tasks.Model;

/// <summary>A <see cref="TaskDefinition"/> bound to one suite: what the engine runs. Immutable and thread-safe.</summary>
public sealed class DeclaredTask : ITrustTask
{
    private readonly SuiteBinding _binding;

    public DeclaredTask(TaskDefinition definition, string suite)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        _binding = definition.For(suite) ?? throw new ArgumentException(
            $"Task '{definition.Info.Id}' has no {suite} source (it runs on: {string.Join(", ", definition.Suites)}).", nameof(suite));
        Suite = _binding.Source.Suite;
    }

    /// <summary>The task with <paramref name="binding"/> (for example an official binding whose source is a lake dataset).</summary>
    public DeclaredTask(TaskDefinition definition, SuiteBinding binding)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(binding);
        Definition = definition;
        _binding = binding;
        Suite = binding.Source.Suite;
    }

    public TaskDefinition Definition { get; }

    public TaskInfo Info => Definition.Info;

    public string Suite { get; }

    public TaskGenerationSettings Generation => Definition.Generation;

    public IReadOnlyList<VerdictStep> Verdicts => _binding.Verdicts;

    public IReadOnlyList<MetricDefinition> Metrics => _binding.Metrics;

    public IReadOnlyList<string> RequiredData => _binding.Source.RequiredData;

    public long? SampleCapacity => _binding.Source.CapacityOf(Info);

    public IAsyncEnumerable<Sample> GenerateAsync(TaskGenerationContext context, CancellationToken cancellationToken) =>
        _binding.Source.ReadAsync(Info, context, cancellationToken);

    public Task<long> CountAsync(TaskGenerationContext context, CancellationToken cancellationToken) =>
        _binding.Source.CountAsync(Info, context, cancellationToken);

    public ScoreRow Score(string runId, string modelId, IReadOnlyList<MetricRow> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (_binding.VariantsAsSubsets.Count > 0)
        {
            metrics =
            [
                .. metrics,
                .. metrics
                    .Where(m => m.Subset == "text" && _binding.VariantsAsSubsets.Contains(m.Variant))
                    .Select(m => m with { Subset = m.Variant, Variant = MetricRow.CleanVariant }),
            ];
        }

        var result = _binding.Formula.Evaluate(metrics);
        return result.Value is null && _binding.NotScoredNote?.Invoke(result) is { } note
            ? TaskScores.Row(runId, modelId, Info.Id, null, note)
            : TaskScores.FromResult(runId, modelId, _binding.Formula, result, Suite);
    }
}
