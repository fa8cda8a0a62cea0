using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Chains;

/// <summary>A model judge that is not called where an earlier step scored 1; its raw output is then fixed (R.2 exact match → "100").</summary>
internal sealed class ShortCircuitStep(string id, IJudge inner, string on, string raw) : ChainStep(id, inner.Version, [on])
{
    protected override ValueTask<JudgeVerdict> Decide(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken) =>
        Truth(earlier[Inputs[0]]) == true
            ? ValueTask.FromResult(new JudgeVerdict(null, null, JudgmentStatus.Ok, raw))
            : inner.JudgeAsync(sample, response, cancellationToken);
}
