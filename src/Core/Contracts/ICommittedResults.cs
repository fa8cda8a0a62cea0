namespace MultiTrust.Core.Contracts;

/// <summary>
/// Committed (sample, variant, model) results chosen to be judged again (<see cref="Selection"/>): a resumed run's
/// <c>judge_error</c> judgments, or what <c>multitrust rejudge</c> selects. The engine judges them with the committed
/// response (the model is never called) and writes only the new judgment rows. Thread-safe for reads.
/// </summary>
public interface ICommittedResults
{
    /// <summary>How many results are to be judged again.</summary>
    int Count { get; }

    /// <summary>Which judgments of those results are judged again.</summary>
    RejudgeSelection Selection { get; }

    /// <summary>The committed result of the key, when it is to be judged again.</summary>
    bool TryGet(string sampleId, string variantId, string modelId, out CommittedResult result);
}
