using MultiTrust.Core.Contracts;

namespace MultiTrust.Sinks.Results;

/// <summary>Committed results read back to be judged again, keyed by <see cref="ResultKeyHash"/>. Immutable.</summary>
internal sealed class CommittedResultSet(RejudgeSelection selection, Dictionary<ulong, CommittedResult> results) : ICommittedResults
{
    public int Count => results.Count;

    public RejudgeSelection Selection => selection;

    public bool TryGet(string sampleId, string variantId, string modelId, out CommittedResult result) =>
        results.TryGetValue(ResultKeyHash.Of(sampleId, variantId, modelId), out result!);
}
