using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Chains;

/// <summary>Judge-of-judge: a rule judge applied to an earlier step's raw output.</summary>
internal sealed class ReadStep(string id, IJudge judge, string from) : ChainStep(id, $"{judge.Version}<-{from}", [from])
{
    protected override async ValueTask<JudgeVerdict> Decide(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken)
    {
        var source = earlier[Inputs[0]];
        if (source.Status is JudgmentStatus.JudgeError or JudgmentStatus.Skipped || string.IsNullOrEmpty(source.Raw))
        {
            return source.Status == JudgmentStatus.Ok
                ? new JudgeVerdict(null, null, JudgmentStatus.Unparseable, $"step '{Inputs[0]}' has no output to read")
                : new JudgeVerdict(null, null, source.Status, $"step '{Inputs[0]}': {source.Raw}");
        }

        var read = response with { Text = source.Raw };
        var verdict = await judge.JudgeAsync(sample, read, cancellationToken).ConfigureAwait(false);
        return verdict with { Raw = verdict.Raw ?? source.Raw };
    }
}
