using System.Globalization;
using MultiTrust.Core.Contracts;
using MultiTrust.Core.Contracts.Verdicts;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;
using MultiTrust.Tasks;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// What a pipeline needs beyond a valid file, checked before anything is sent (by <c>validate</c> and <c>run</c>):
/// every task runs on its suite, no synthetic task asks for more samples than its generator's distinct-sample space,
/// official tasks find their data, and every judge model a required verdict step names is configured.
/// </summary>
internal static class PlanCheck
{
    /// <summary>Problems, one line each; empty when the plan can run.</summary>
    public static IReadOnlyList<string> Problems(PipelineDefinition pipeline)
    {
        var problems = new List<string>();
        var tasks = new List<ITrustTask>();
        var catalog = new TaskCatalog();
        foreach (var selection in pipeline.Tasks)
        {
            var suite = RunCardFactory.SuiteOf(pipeline, selection);
            if (!TaskCatalog.TryGetDefinition(selection.Id, out var definition))
            {
                continue; // the file check reports unknown ids
            }

            if (catalog.TryGet(selection, suite, out var task))
            {
                tasks.Add(task);
                if (task.SampleCapacity is { } capacity && selection.Samples > capacity)
                {
                    problems.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{selection.Location}: task '{task.Info.Id}' asks for {selection.Samples} samples, but its {task.Suite} generator has {capacity} distinct samples; ask for at most {capacity}"));
                }
            }
            else
            {
                problems.Add($"{selection.Location}: task '{definition.Info.Id}' has no {(selection.Dataset?.Chain is { } chain ? $"{chain} verdict chain to judge a dataset with" : $"{suite} source")}; it runs on: {string.Join(", ", definition.Suites)}");
            }
        }

        var missing = OfficialData.Check(pipeline, tasks);
        if (pipeline.SkipMissing)
        {
            tasks = [.. tasks.Where(t => missing.All(m => m.TaskId != t.Info.Id))];
        }

        var configured = pipeline.JudgeModels.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            foreach (var step in task.Verdicts.OfType<ModelVerdict>().Where(s => !s.Optional && !configured.Contains(s.JudgeModel)))
            {
                if (pipeline.Judges.Count > 0 && !pipeline.Judges.Contains(step.JudgeModel) && !pipeline.Judges.Contains(step.Id))
                {
                    continue; // not selected by the pipeline's judges list
                }

                problems.Add(
                    $"task {task.Info.Id}: verdict step '{step.Id}' needs judge model '{step.JudgeModel}', which is not configured: " +
                    $"add judge_models.{step.JudgeModel} to the pipeline or pass --judge-model {step.JudgeModel}=SPEC");
            }
        }

        if (!pipeline.SkipMissing)
        {
            problems.InsertRange(0, missing.Select(m => m.Message));
        }

        return problems;
    }
}
