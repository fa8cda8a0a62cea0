using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Chains;

/// <summary>A judge run as a chain step under another id (the step id is the judgments row's judge id).</summary>
internal sealed class RenamedJudge(string id, IJudge inner) : IJudge
{
    public string Id { get; } = id;

    public string Version => inner.Version;

    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
        inner.JudgeAsync(sample, response, cancellationToken);
}
