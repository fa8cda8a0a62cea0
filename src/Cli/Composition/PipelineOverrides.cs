using MultiTrust.Cli.Infrastructure;
using MultiTrust.Core.Pipeline;

namespace MultiTrust.Cli.Composition;

/// <summary>Command-line flags that override a pipeline file.</summary>
internal sealed partial record PipelineOverrides(IReadOnlyList<string> Models, int? Samples, string? Output, string? RunId, long? Seed)
{
    /// <summary><c>--data DIR</c>: the official release's root folder (replaces <c>data_root</c>).</summary>
    public string? DataRoot { get; init; }

    /// <summary><c>--skip-missing</c>: run the tasks whose data is present.</summary>
    public bool SkipMissing { get; init; }

    /// <summary><c>--reuse-cache</c>: answer from response-cache entries other runs wrote.</summary>
    public bool ReuseCache { get; init; }

    public PipelineDefinition ApplyTo(PipelineDefinition pipeline, string workingDirectory)
    {
        var result = ApplyJudgeModels(pipeline);
        if (DataRoot is not null)
        {
            var root = Path.GetFullPath(DataRoot, workingDirectory);
            if (!Directory.Exists(root))
            {
                throw new UserError($"--data {DataRoot}: folder {root} not found.", ExitCodes.InvalidInput);
            }

            result = result with { DataRoot = root };
        }

        if (SkipMissing)
        {
            result = result with { SkipMissing = true };
        }

        if (ReuseCache)
        {
            if (!result.Cache)
            {
                throw new UserError("--reuse-cache needs the response cache, but the pipeline sets 'cache: false'.", ExitCodes.InvalidInput);
            }

            result = result with { CacheReuse = true };
        }

        if (Models.Count > 0)
        {
            var models = new List<ModelDefinition>();
            foreach (var spec in Models)
            {
                if (!ModelSpec.TryParse(spec, out var provider, out var endpoint, out var model, out var error))
                {
                    throw new UserError($"--model {spec}: {error}.");
                }

                var definition = PipelineLoader.Create(provider, endpoint is null ? [] : [endpoint], model, new SourceLocation("--model", 0, 0));
                if (models.Any(m => m.Id == definition.Id))
                {
                    throw new UserError($"--model {spec} is given twice.");
                }

                models.Add(definition);
            }

            result = result with { Models = models };
        }

        if (Samples is { } samples)
        {
            if (samples < 1)
            {
                throw new UserError($"--samples must be at least 1, not {samples}.");
            }

            result = result with { Tasks = [.. result.Tasks.Select(t => t with { Samples = samples })] };
        }

        if (Output is not null)
        {
            result = result with { Output = Path.GetFullPath(Output, workingDirectory) };
        }

        if (RunId is not null)
        {
            if (!RunId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || RunId.Length == 0 || RunId[0] == '.')
            {
                throw new UserError($"--run-id must use only letters, digits, '-', '_' and '.', not '{RunId}'.");
            }

            result = result with { RunId = RunId };
        }

        if (Seed is { } seed)
        {
            result = result with { Seed = seed };
        }

        return result;
    }
}
