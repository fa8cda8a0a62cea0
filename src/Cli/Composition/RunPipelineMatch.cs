using System.Text.Json;
using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Runs;

namespace MultiTrust.Cli.Composition;

/// <summary>
/// Rebuilds the pipeline of a committed run to judge it again: the pipeline file (the one the run card names, or
/// <c>--pipeline</c>) with the run card's result-relevant settings (tasks, sample counts, seed, judges list), checked
/// against the card so that the regenerated samples and variants are the committed ones. Judge models come from the
/// file and <c>--judge-model</c> and may differ from the run's (each new row records its judge version).
/// </summary>
internal static class RunPipelineMatch
{
    public static PipelineDefinition Load(CliEnvironment environment, RunCard card, string outDir, string? file, PipelineOverrides overrides)
    {
        var path = file ?? card.PipelineFile;
        if (file is null && !File.Exists(Path.GetFullPath(path, environment.WorkingDirectory)))
        {
            throw new UserError(
                $"Run '{card.RunId}' was made from the pipeline file '{card.PipelineFile}', which is not there any more; " +
                "pass --pipeline FILE with the file the run used.", ExitCodes.InvalidInput);
        }

        var loaded = PipelineFiles.Load(environment, path, overrides.ProvidedJudgeModelIds());
        if (!loaded.IsValid)
        {
            PipelineFiles.PrintProblems(environment.Console, loaded);
            throw new UserError($"The pipeline file '{path}' is invalid.", ExitCodes.InvalidInput);
        }

        var pipeline = overrides.ApplyTo(loaded.Definition!, environment.WorkingDirectory);
        var tasks = new List<TaskSelection>();
        foreach (var task in card.Config.Tasks)
        {
            var selection = pipeline.Tasks.FirstOrDefault(t => t.Id == task.Id)
                ?? throw Mismatch(card, path, $"it has no task '{task.Id}'");
            tasks.Add(selection with { Samples = task.Samples, MaxTokens = task.MaxTokens });
        }

        var aligned = pipeline with
        {
            Tasks = tasks,
            Seed = card.Config.Seed,
            Judges = card.Config.Judges,
            Output = outDir,
            RunId = card.RunId,
        };
        var config = RunCardFactory.ConfigOf(aligned);
        for (var i = 0; i < config.Tasks.Count; i++)
        {
            var (expected, actual) = (JsonSerializer.Serialize(card.Config.Tasks[i]), JsonSerializer.Serialize(config.Tasks[i]));
            if (expected != actual)
            {
                throw Mismatch(card, path, $"task '{card.Config.Tasks[i].Id}' is {actual} there but {expected} in the run");
            }
        }

        return aligned;
    }

    private static UserError Mismatch(RunCard card, string path, string difference) => new(
        $"The pipeline file '{path}' does not match run '{card.RunId}': {difference}. Pass --pipeline FILE with the file the run used.",
        ExitCodes.InvalidInput);
}
