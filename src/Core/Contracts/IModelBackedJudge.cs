namespace MultiTrust.Core.Contracts;

/// <summary>
/// A verdict step that calls a model or a service (an entry of the pipeline's <c>judge_models</c>: the HarmBench
/// classifier, Perspective, moderation, an LLM judge). The engine runs such steps on their own block per
/// <see cref="JudgeModel"/>, at most <see cref="MaxConcurrency"/> calls at once, instead of on the CPU-bound block of the
/// rule judges. Same thread-safety and no-throw rules as <see cref="IJudge"/>.
/// </summary>
public interface IModelBackedJudge : IJudge
{
    /// <summary>The <c>judge_models</c> id whose server answers this step (steps of one judge model share its block).</summary>
    string JudgeModel { get; }

    /// <summary>How many calls of <see cref="JudgeModel"/> may be in flight at once (<c>judge_models.&lt;id&gt;.concurrency</c>).</summary>
    int MaxConcurrency { get; }
}
