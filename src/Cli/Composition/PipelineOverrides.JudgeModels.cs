using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;
using MultiTrust.Tasks;

namespace MultiTrust.Cli.Composition;

internal sealed partial record PipelineOverrides
{
    /// <summary>
    /// <c>--judge-model ID=SPEC</c> arguments (<see cref="JudgeModelSpec"/>): each replaces the endpoint and model of
    /// <c>judge_models.ID</c> or creates the entry. <c>*=SPEC</c> does so for every LLM judge model the pipeline uses or
    /// its tasks' verdict chains need, and always for <c>gpt-judge</c>; an explicit ID wins over <c>*</c>.
    /// </summary>
    public IReadOnlyList<string> JudgeModels { get; init; } = [];

    /// <summary>The ids <see cref="JudgeModels"/> provides (for the loader's check of the <c>judges</c> list). Throws
    /// <see cref="UserError"/> for a malformed argument.</summary>
    public IReadOnlyList<string> ProvidedJudgeModelIds() => [.. ParseJudgeModels().Select(s => s.Id)];

    private PipelineDefinition ApplyJudgeModels(PipelineDefinition pipeline)
    {
        if (JudgeModels.Count == 0)
        {
            return pipeline;
        }

        var specs = ParseJudgeModels();
        var entries = pipeline.JudgeModels.ToList();
        void Set(string id, JudgeModelSpec spec)
        {
            var index = entries.FindIndex(e => e.Id == id);
            var entry = spec.ApplyTo(id, index < 0 ? null : entries[index]);
            if (index < 0)
            {
                entries.Add(entry);
            }
            else
            {
                entries[index] = entry;
            }
        }

        if (specs.FirstOrDefault(s => s.Id == JudgeModelSpec.AllLlm) is { } all)
        {
            foreach (var id in LlmJudgeModelsOf(pipeline))
            {
                Set(id, all);
            }
        }

        foreach (var spec in specs.Where(s => s.Id != JudgeModelSpec.AllLlm))
        {
            Set(spec.Id, spec);
        }

        return pipeline with { JudgeModels = entries };
    }

    private List<JudgeModelSpec> ParseJudgeModels()
    {
        var specs = new List<JudgeModelSpec>();
        foreach (var argument in JudgeModels)
        {
            if (!JudgeModelSpec.TryParse(argument, out var spec, out var error))
            {
                throw new UserError($"--judge-model {argument}: {error}.");
            }

            if (specs.Any(s => s.Id == spec!.Id))
            {
                throw new UserError($"--judge-model {spec!.Id}=... is given twice.");
            }

            specs.Add(spec!);
        }

        return specs;
    }

    /// <summary>gpt-judge, then every other LLM judge model in the file, the <c>judges</c> list or the tasks' chains.</summary>
    private static IEnumerable<string> LlmJudgeModelsOf(PipelineDefinition pipeline)
    {
        var needed = new List<string> { JudgeModelRules.GptJudge };
        needed.AddRange(pipeline.JudgeModels.Select(m => m.Id));
        needed.AddRange(pipeline.Judges);
        foreach (var selection in pipeline.Tasks)
        {
            if (TaskCatalog.TryGetDefinition(selection.Id, out var definition)
                && definition.For(RunCardFactory.SuiteOf(pipeline, selection)) is { } binding)
            {
                needed.AddRange(binding.Verdicts.OfType<ModelVerdict>().Select(m => m.JudgeModel));
            }
        }

        return needed.Where(JudgeModelRules.IsLlm).Distinct(StringComparer.Ordinal);
    }
}
