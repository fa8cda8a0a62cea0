using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// The stand-in for a model under test while a run is judged again: every key counts as committed
/// (<see cref="Completed"/>), so the engine never calls it; a call would be a bug and stops the run.
/// </summary>
internal sealed class CommittedResponsesOnly(string modelId) : IModelInvoker
{
    /// <summary>Completed keys that contain every key.</summary>
    public static ICompletedKeys Completed { get; } = new EveryKey();

    public string ModelId => modelId;

    public int MaxConcurrency => 1;

    public ValueTask<ModelResponse> InvokeAsync(Sample sample, Variant variant, CancellationToken cancellationToken) =>
        throw new SystemicFailureException($"Judging a run again never calls the model under test, yet model '{modelId}' was called for sample {sample.Id}.");

    private sealed class EveryKey : ICompletedKeys
    {
        public int Count => int.MaxValue;

        public bool Contains(string sampleId, string variantId, string modelId) => true;
    }
}
