using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Chains;

/// <summary>A chain step limited to some subsets (<see cref="Core.Contracts.Verdicts.VerdictStep.Subsets"/>).</summary>
internal sealed class ScopedJudge(IJudge inner, IReadOnlyList<string> subsets) : IVerdictStep, IScopedJudge
{
    private readonly HashSet<string> _subsets = new(subsets, StringComparer.Ordinal);

    public string Id => inner.Id;

    public string Version => inner.Version;

    public IReadOnlyList<string> Inputs => inner is IVerdictStep step ? step.Inputs : [];

    public bool AcceptsMissingInputs => inner is IVerdictStep step && step.AcceptsMissingInputs;

    public bool AppliesTo(Sample sample) => _subsets.Contains(sample.Subset) && (inner is not IScopedJudge scoped || scoped.AppliesTo(sample));

    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
        inner.JudgeAsync(sample, response, cancellationToken);

    public ValueTask<JudgeVerdict> JudgeAsync(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken) =>
        inner is IVerdictStep step ? step.JudgeAsync(sample, response, earlier, cancellationToken) : inner.JudgeAsync(sample, response, cancellationToken);
}
