using MultiTrust.Core.Records;

namespace MultiTrust.Core.Contracts;

/// <summary>
/// A judge that reads the verdicts of earlier steps of the same item (verdict chains). The engine calls
/// <see cref="JudgeAsync(Sample, ModelResponse, IReadOnlyDictionary{string, JudgeVerdict}, CancellationToken)"/> with
/// every verdict reached so far for the item, keyed by step id. Same thread-safety and no-throw rules as
/// <see cref="IJudge"/>.
/// </summary>
public interface IVerdictStep : IJudge
{
    /// <summary>Step ids this step reads; they run earlier in the chain.</summary>
    IReadOnlyList<string> Inputs { get; }

    /// <summary>
    /// True when the step runs with only some of its inputs present (∨, ∧ over subset-scoped steps); otherwise a step
    /// with an absent input (one that did not apply to the sample) is not run.
    /// </summary>
    bool AcceptsMissingInputs => false;

    ValueTask<JudgeVerdict> JudgeAsync(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken);
}
