using MultiTrust.Core.Contracts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Records;

namespace MultiTrust.Tasks.Model;

/// <summary>
/// Stands for the lake dataset of a finished run when only its committed rows are scored (a report): it labels the
/// suite and reads nothing. Reading samples needs the pipeline's dataset entry.
/// </summary>
internal sealed class RecordedDatasetSource : ISampleSource
{
    public string Suite => DatasetSourceDefinition.Suite;

    public IReadOnlyList<string> RequiredData => [];

    public IAsyncEnumerable<Sample> ReadAsync(TaskInfo task, TaskGenerationContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            $"{task?.Id}: this task read a lake dataset; reading its samples again needs the pipeline's `source: {{dataset: ...}}` entry");
}
