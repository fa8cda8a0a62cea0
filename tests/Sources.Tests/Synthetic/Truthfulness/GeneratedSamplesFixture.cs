using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;
using MultiTrust.Sources.Synthetic;
using MultiTrust.Sources.Synthetic.Truthfulness;

namespace MultiTrust.Sources.Tests.Synthetic.Truthfulness;

/// <summary>One generated batch per truthfulness generator, shared by the ground-truth tests of a class.</summary>
public sealed class GeneratedSamplesFixture : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, Task<List<Sample>>> _batches = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Dispose() => _dir.Dispose();

    public Task<List<Sample>> T2 => Batch("t2", t => new AdvancedInferenceGenerator(t), TruthfulnessGeneratorKit.T2, 360);

    public Task<List<Sample>> T5 => Batch("t5", t => new TextMisleadingGenerator(t), TruthfulnessGeneratorKit.T5, 240);

    public Task<List<Sample>> T6 => Batch("t6", t => new VisualConfusionGenerator(t), TruthfulnessGeneratorKit.T6, 300);

    public Task<List<Sample>> T7 => Batch("t7", t => new VisualMisleadingGenerator(t), TruthfulnessGeneratorKit.T7, 240);

    private Task<List<Sample>> Batch(string name, Func<TaskInfo, IIndexedSampleGenerator> generator, TaskInfo task, int count)
    {
        lock (_lock)
        {
            if (!_batches.TryGetValue(name, out var batch))
            {
                batch = TruthfulnessGeneratorKit.CollectAsync(generator, task, 4, count, Path.Combine(_dir.Path, name), parallelism: 8);
                _batches[name] = batch;
            }

            return batch;
        }
    }
}
