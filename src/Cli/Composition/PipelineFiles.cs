using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Pipeline;
using MultiTrust.Stages.Judging;
using MultiTrust.Stages.Perturbation.Variants;
using MultiTrust.Tasks;
using Spectre.Console;

namespace MultiTrust.Cli.Composition;

/// <summary>Loads pipeline files against the task catalogue and prints their problems.</summary>
internal static class PipelineFiles
{
    /// <summary>The rule judge ids a pipeline's <c>judges:</c> list may name (model-backed ones are checked against <c>judge_models</c>).</summary>
    public static IReadOnlyList<string> JudgeIds { get; } = [.. RuleJudges.Ids.Order(StringComparer.Ordinal)];

    /// <param name="providedJudgeModels">Judge model ids given with <c>--judge-model</c> (they need no entry in the file).</param>
    public static PipelineLoadResult Load(CliEnvironment environment, string file, IReadOnlyCollection<string>? providedJudgeModels = null)
    {
        var path = Path.GetFullPath(file, environment.WorkingDirectory);
        if (!File.Exists(path))
        {
            throw new UserError($"The pipeline file '{file}' does not exist (looked for {path}).");
        }

        var loader = new PipelineLoader(TaskCatalog.RunnableIds, JudgeIds, PerturbationVariant.Names)
        {
            ProvidedJudgeModels = providedJudgeModels ?? [],
        };
        return loader.Load(path, environment.WorkingDirectory);
    }

    public static void PrintProblems(IAnsiConsole console, PipelineLoadResult result)
    {
        console.MarkupLineInterpolated($"[red]error:[/] the pipeline is invalid ({result.Problems.Count} problem(s)); nothing was run:");
        foreach (var problem in result.Problems)
        {
            console.MarkupLineInterpolated($"  {problem.Location}: {problem.Message}");
        }
    }
}
