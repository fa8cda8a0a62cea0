using MultiTrust.Core.Contracts;

namespace MultiTrust.Engine.Tests.Fakes;

internal sealed class CommittedSet(RejudgeSelection selection, IEnumerable<CommittedResult> results) : ICommittedResults
{
    private readonly Dictionary<(string, string, string), CommittedResult> _results =
        results.ToDictionary(r => (r.Response.SampleId, r.Response.VariantId, r.Response.ModelId));

    public int Count => _results.Count;

    public RejudgeSelection Selection => selection;

    public bool TryGet(string sampleId, string variantId, string modelId, out CommittedResult result) =>
        _results.TryGetValue((sampleId, variantId, modelId), out result!);
}
