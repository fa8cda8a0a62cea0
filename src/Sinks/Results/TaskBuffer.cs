using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Results;

/// <summary>The rows of one task written since the last commit. The lists keep their capacity across commits.</summary>
internal sealed class TaskBuffer
{
    public List<SampleRow> Samples { get; } = [];

    public List<ModelResponse> Responses { get; } = [];

    public List<Judgment> Judgments { get; } = [];

    public bool IsEmpty => Samples.Count == 0 && Responses.Count == 0 && Judgments.Count == 0;

    public void Clear()
    {
        Samples.Clear();
        Responses.Clear();
        Judgments.Clear();
    }
}
