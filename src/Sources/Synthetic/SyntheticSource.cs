using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Sources.Synthetic;

/// <summary>A seeded generator as a task's sample source (suite <see cref="TaskSuites.Synthetic"/>). Immutable and thread-safe.</summary>
public sealed class SyntheticSource(Func<TaskInfo, ISampleGenerator> generator) : ISampleSource
{
    public string Suite => TaskSuites.Synthetic;

    public IReadOnlyList<string> RequiredData => [];

    public IAsyncEnumerable<Sample> ReadAsync(TaskInfo task, TaskGenerationContext context, CancellationToken cancellationToken) =>
        generator(task).GenerateAsync(context, cancellationToken);
}
