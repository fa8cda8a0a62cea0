using YamlDotNet.RepresentationModel;

namespace MultiTrust.Core.Pipeline;

public sealed partial class PipelineLoader
{
    private const int DefaultSamples = 100;

    private PipelineDefinition? Read(YamlMappingNode root, string baseDirectory)
    {
        CheckKeys(root, s_topKeys, "the pipeline");
        var name = Scalar(root, "name", "the pipeline") ?? Path.GetFileNameWithoutExtension(_file);
        var description = Scalar(root, "description", "the pipeline");
        var seed = Integer(root, "seed", "the pipeline", long.MinValue, long.MaxValue) ?? 0;
        var output = Scalar(root, "output", "the pipeline") ?? "out";
        var runId = Scalar(root, "run_id", "the pipeline");
        if (runId is not null && !IsSafeName(runId))
        {
            Problem(Get(root, "run_id")!, $"'run_id' must use only letters, digits, '-', '_' and '.', not '{runId}'");
        }

        var samplesGiven = Get(root, "samples") is not null;
        var samples = (int)(Integer(root, "samples", "the pipeline", 1, 100_000_000) ?? DefaultSamples);
        var source = Scalar(root, "source", "the pipeline") ?? "synthetic";
        if (source is not ("official" or "synthetic"))
        {
            Problem(Get(root, "source")!, $"'source' must be 'official' (the release under data_root) or 'synthetic', not '{source}'");
        }

        var dataRoot = Scalar(root, "data_root", "the pipeline");
        var (cache, cacheReuse) = ReadCache(root);
        var report = Boolean(root, "report", "the pipeline") ?? true;
        var tasks = ReadTasks(root, samples, samplesGiven);
        var models = ReadModels(root);
        var judges = ReadJudges(root);
        var judgeModels = ReadJudgeModels(root);
        CheckJudgesConfigured(root, judges, judgeModels);
        return new PipelineDefinition(
            name, description, seed, Path.GetFullPath(output, baseDirectory), runId, tasks, models, judges, cache, report, Path.GetFullPath(_file))
        {
            JudgeModels = judgeModels,
            CacheReuse = cacheReuse,
            Source = source,
            DataRoot = dataRoot is null ? null : Path.GetFullPath(dataRoot, baseDirectory),
        };
    }

    internal static bool IsSafeName(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && value[0] != '.';

    private List<TaskSelection> ReadTasks(YamlMappingNode root, int defaultSamples, bool samplesGiven)
    {
        var result = new List<TaskSelection>();
        var node = Get(root, "tasks");
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Problem(node ?? root, "'tasks' must be a non-empty list of task ids (see `multitrust tasks`), e.g.\n  tasks:\n    - t1-basic");
            return result;
        }

        foreach (var item in list.Children)
        {
            string? id;
            var count = defaultSamples;
            var given = samplesGiven;
            string? source = null;
            int? maxTokens = null;
            DatasetSourceDefinition? dataset = null;
            IReadOnlyList<VariantChain> variants = [];
            if (item is YamlScalarNode scalar)
            {
                id = scalar.Value;
            }
            else if (item is YamlMappingNode map)
            {
                CheckKeys(map, s_taskKeys, "a task entry");
                id = Scalar(map, "id", "a task entry");
                given |= Get(map, "samples") is not null;
                count = (int)(Integer(map, "samples", "a task entry", 1, 100_000_000) ?? defaultSamples);
                variants = ReadVariants(map);
                if (Get(map, "source") is YamlMappingNode sourceMap)
                {
                    dataset = ReadDataset(sourceMap);
                    source = DatasetSourceDefinition.Suite;
                }
                else
                {
                    source = Scalar(map, "source", "a task entry");
                    if (source is not (null or "official" or "synthetic"))
                    {
                        Problem(Get(map, "source")!, $"'source' must be 'official', 'synthetic' or a mapping {{dataset: {{path, format, columns}}}}, not '{source}'");
                    }
                }

                if (Get(map, "generation") is { } generation)
                {
                    if (generation is YamlMappingNode g)
                    {
                        CheckKeys(g, ["max_tokens"], "a task's generation");
                        maxTokens = (int?)Integer(g, "max_tokens", "a task's generation", 1, 1_000_000);
                    }
                    else
                    {
                        Problem(generation, "a task's 'generation' must be a mapping, e.g. {max_tokens: 200}");
                    }
                }
            }
            else
            {
                Problem(item, "a task entry must be a task id or a mapping with 'id' and 'samples'");
                continue;
            }

            if (string.IsNullOrWhiteSpace(id))
            {
                Problem(item, "a task entry needs an 'id'");
            }
            else if (!_knownTasks.Contains(id))
            {
                Problem(item, $"unknown task '{id}'; runnable tasks: {string.Join(", ", _knownTasks)} (`multitrust tasks` lists all 32)");
            }
            else if (result.Any(t => t.Id == id))
            {
                Problem(item, $"task '{id}' is listed twice");
            }
            else
            {
                result.Add(new TaskSelection(id, count, Location(item)) { Variants = variants, Source = source, SamplesGiven = given, MaxTokens = maxTokens, Dataset = dataset });
            }
        }

        return result;
    }

    private List<string> ReadJudges(YamlMappingNode root)
    {
        var result = new List<string>();
        var node = Get(root, "judges");
        if (node is null)
        {
            return result;
        }

        if (node is not YamlSequenceNode list)
        {
            Problem(node, "'judges' must be a list of judge ids to run (omit it to run every judge the tasks declare)");
            return result;
        }

        foreach (var item in list.Children)
        {
            var id = (item as YamlScalarNode)?.Value;
            if (id is null || (!_knownJudges.Contains(id) && !id.StartsWith("label-in:", StringComparison.Ordinal) && !JudgeModelRules.IsConfigurable(id)))
            {
                Problem(item, $"unknown judge '{id}'; rule judges: {string.Join(", ", _knownJudges)}; " +
                    $"configurable (need judge_models): {string.Join(", ", JudgeModelRules.FixedIds)}, llm-<name>");
            }
            else if (!result.Contains(id))
            {
                result.Add(id);
            }
        }

        return result;
    }
}
