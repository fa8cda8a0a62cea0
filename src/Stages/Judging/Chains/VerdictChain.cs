using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;

namespace MultiTrust.Stages.Judging.Chains;

/// <summary>
/// Turns a task's declared verdict chain (<see cref="VerdictStep"/>s) into the judges the engine runs, in order. Rule
/// judges come from <see cref="RuleJudges"/>; model-backed steps from <paramref name="models"/> (the pipeline's
/// <c>judge_models</c>). A resolved judge that is an <see cref="IModelBackedJudge"/> makes its step one too (outermost
/// <see cref="ModelBackedJudge"/>), so the engine runs it on the judge model's own block. Thread-safe results.
/// </summary>
public static class VerdictChain
{
    /// <summary>Resolves a model-backed step to a judge, or null when its judge model is not configured.</summary>
    public delegate IJudge? ModelJudgeResolver(ModelVerdict step);

    /// <summary>Builds the chain.</summary>
    /// <param name="taskId">For messages.</param>
    /// <param name="steps">The declared steps, in order.</param>
    /// <param name="models">Resolves model-backed steps; null resolves none.</param>
    /// <exception cref="VerdictChainException">An unknown rule judge, a step reading a later or unknown step, a
    /// duplicate step id, or a model-backed step whose judge model is not configured.</exception>
    /// <param name="only">When set, rule and model steps whose judge is not listed are left out (with the steps over them).</param>
    public static IReadOnlyList<IJudge> Build(
        string taskId, IReadOnlyList<VerdictStep> steps, ModelJudgeResolver? models, IReadOnlyCollection<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IJudge>(steps.Count);
        foreach (var declared in steps)
        {
            foreach (var input in declared.Inputs)
            {
                if (!seen.Contains(input))
                {
                    throw new VerdictChainException($"{taskId}: verdict step '{declared.Id}' reads '{input}', which is not an earlier step");
                }
            }

            if (!seen.Add(declared.Id))
            {
                throw new VerdictChainException($"{taskId}: verdict step '{declared.Id}' is declared twice");
            }

            var step = WithoutDropped(declared, dropped);
            if (step is null || (only is not null && !Selected(step, only)) || (step is ModelVerdict { Optional: true } optional && models?.Invoke(optional) is null))
            {
                dropped.Add(declared.Id);
                continue;
            }

            IModelBackedJudge? backing = null;
            var judge = step is ModelVerdict model ? Model(taskId, model, models, out backing) : Create(taskId, step, models);
            judge = step.Subsets is { } subsets ? new ScopedJudge(judge, subsets) : judge;
            // A step answered by a judge model runs on that judge model's own block, at its concurrency.
            result.Add(backing is null ? judge : new ModelBackedJudge(judge, backing.JudgeModel, backing.MaxConcurrency));
        }

        return result;
    }

    private static bool Selected(VerdictStep step, IReadOnlyCollection<string> only) => step switch
    {
        RuleVerdict r => only.Contains(r.Judge) || only.Contains(r.Id),
        ReadVerdict r => only.Contains(r.Judge) || only.Contains(r.Id),
        ModelVerdict m => only.Contains(m.JudgeModel) || only.Contains(m.Id),
        _ => true,
    };

    // Optional steps that are absent are left out; combinators keep the inputs that are present.
    private static VerdictStep? WithoutDropped(VerdictStep step, HashSet<string> dropped)
    {
        if (dropped.Count == 0 || !step.Inputs.Any(dropped.Contains))
        {
            return step;
        }

        return step switch
        {
            AnyVerdict a when a.Of.Any(i => !dropped.Contains(i)) => a with { Of = [.. a.Of.Where(i => !dropped.Contains(i))] },
            AllVerdict a when a.Of.Any(i => !dropped.Contains(i)) => a with { Of = [.. a.Of.Where(i => !dropped.Contains(i))] },
            _ => null,
        };
    }

    /// <summary>The judge-model ids a chain needs (for preflight and messages).</summary>
    public static IReadOnlyList<string> JudgeModels(IReadOnlyList<VerdictStep> steps) =>
        [.. steps.OfType<ModelVerdict>().Select(m => m.JudgeModel).Distinct(StringComparer.Ordinal)];

    private static IJudge Create(string taskId, VerdictStep step, ModelJudgeResolver? models) => step switch
    {
        RuleVerdict r => Named(r.Id, Rule(taskId, r.Id, r.Judge)),
        ReadVerdict r => new ReadStep(r.Id, Rule(taskId, r.Id, r.Judge), r.From),
        AnyVerdict a => new LogicStep(a.Id, a.Of, any: true),
        AllVerdict a => new LogicStep(a.Id, a.Of, any: false),
        NotVerdict n => new NotStep(n.Id, n.Of),
        GateVerdict g => new GateStep(g.Id, g.Of, g.MinChars),
        AmongVerdict a => new AmongStep(a.Id, a.Value, a.Unless),
        GroupVerdict g => new GroupStep(g.Id, g.Of, g.MetadataKey),
        DisagreeVerdict d => new DisagreeStep(d.Id, d.A, d.B),
        _ => throw new VerdictChainException($"{taskId}: verdict step '{step.Id}' has an unsupported kind {step.GetType().Name}"),
    };

    private static IJudge Model(string taskId, ModelVerdict step, ModelJudgeResolver? models, out IModelBackedJudge? backing)
    {
        var judge = models?.Invoke(step) ?? throw new VerdictChainException(
            $"{taskId}: verdict step '{step.Id}' needs judge model '{step.JudgeModel}', which is not configured: " +
            $"add judge_models.{step.JudgeModel} to the pipeline or pass --judge-model {step.JudgeModel}=SPEC");
        backing = judge as IModelBackedJudge;
        judge = Named(step.Id, judge);
        return step.ShortCircuitOn is { } on ? new ShortCircuitStep(step.Id, judge, on, step.ShortCircuitRaw ?? string.Empty) : judge;
    }

    private static IJudge Rule(string taskId, string stepId, string judgeId) =>
        RuleJudges.TryCreate(judgeId, out var judge)
            ? judge
            : throw new VerdictChainException($"{taskId}: verdict step '{stepId}' names unknown rule judge '{judgeId}'; rule judges: {string.Join(", ", RuleJudges.Ids)}");

    private static IJudge Named(string id, IJudge judge) => judge.Id == id ? judge : new RenamedJudge(id, judge);
}
