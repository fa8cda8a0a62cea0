using MultiTrust.Core.Contracts;
using MultiTrust.Core.Records;

namespace MultiTrust.Stages.Judging.Chains;

/// <summary>
/// Marks a judge (or a chain step over one) as answered by a judge model, so the engine runs it on that judge model's
/// own block at its concurrency (<see cref="IModelBackedJudge"/>). Forwards everything else — id, version, inputs, scope,
/// verdicts — to the wrapped judge unchanged. Thread-safe when the wrapped judge is.
/// </summary>
public sealed class ModelBackedJudge : IModelBackedJudge, IVerdictStep, IScopedJudge
{
    private readonly IJudge _inner;

    /// <param name="inner">The judge or step that calls the judge model.</param>
    /// <param name="judgeModel">The <c>judge_models</c> id.</param>
    /// <param name="maxConcurrency">Calls of that judge model in flight at once (its <c>concurrency</c>).</param>
    public ModelBackedJudge(IJudge inner, string judgeModel, int maxConcurrency)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrWhiteSpace(judgeModel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrency);
        _inner = inner;
        JudgeModel = judgeModel;
        MaxConcurrency = maxConcurrency;
    }

    public string Id => _inner.Id;

    public string Version => _inner.Version;

    public string JudgeModel { get; }

    public int MaxConcurrency { get; }

    public IReadOnlyList<string> Inputs => _inner is IVerdictStep step ? step.Inputs : [];

    public bool AcceptsMissingInputs => _inner is IVerdictStep step && step.AcceptsMissingInputs;

    public bool AppliesTo(Sample sample) => _inner is not IScopedJudge scoped || scoped.AppliesTo(sample);

    public ValueTask<JudgeVerdict> JudgeAsync(Sample sample, ModelResponse response, CancellationToken cancellationToken) =>
        _inner.JudgeAsync(sample, response, cancellationToken);

    public ValueTask<JudgeVerdict> JudgeAsync(
        Sample sample, ModelResponse response, IReadOnlyDictionary<string, JudgeVerdict> earlier, CancellationToken cancellationToken) =>
        _inner is IVerdictStep step ? step.JudgeAsync(sample, response, earlier, cancellationToken) : _inner.JudgeAsync(sample, response, cancellationToken);
}
