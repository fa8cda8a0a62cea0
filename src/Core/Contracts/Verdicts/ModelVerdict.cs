namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>
/// A model- or service-backed judge configured under <c>judge_models.&lt;JudgeModel&gt;</c> (an LLM judge, the HarmBench
/// or Longformer classifier, Perspective, Moderation). A run whose tasks need a judge model that is not configured
/// fails before anything is sent, naming the task, the step and the setting.
/// </summary>
/// <param name="Id">Step id.</param>
/// <param name="JudgeModel">The <c>judge_models</c> key, for example <c>gpt-judge</c>, <c>harmbench</c>, <c>longformer</c>.</param>
/// <param name="Template">For LLM judges: the prompt template file under <c>data/judges/templates/</c> (its hash is part of
/// the judge version); null for classifiers or to use the judge model's own <c>template</c>.</param>
public sealed record ModelVerdict(string Id, string JudgeModel, string? Template = null) : VerdictStep(Id)
{
    /// <summary>
    /// When set, the id of an earlier step: where that step scored 1 the model is not called and this step's raw output
    /// is <see cref="ShortCircuitRaw"/> (R.2: an exact match scores 100 without asking the rater).
    /// </summary>
    public string? ShortCircuitOn { get; init; }

    /// <summary>
    /// When true and the judge model is not configured, the step is left out instead of failing the run; combinators
    /// then read only the steps present, and a step left with no inputs is left out too (a synthetic task's optional
    /// classifier). Official bindings never use it: the protocol's judges are required.
    /// </summary>
    public bool Optional { get; init; }

    /// <summary>The raw output recorded when <see cref="ShortCircuitOn"/> applies.</summary>
    public string? ShortCircuitRaw { get; init; }

    public override IReadOnlyList<string> Inputs => ShortCircuitOn is null ? [] : [ShortCircuitOn];

    public override string Describe() => Template is null ? $"{Id} = judge_models.{JudgeModel}" : $"{Id} = judge_models.{JudgeModel}({Template})";
}
