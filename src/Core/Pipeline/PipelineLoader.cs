using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiTrust.Core.Pipeline;

/// <summary>
/// Reads and validates a pipeline YAML file (schema: docs/pipeline-yaml.md). Reports every problem it finds, each with
/// file:line:column and what was expected; returns a definition only when there are none.
/// </summary>
public sealed partial class PipelineLoader
{
    private static readonly string[] s_topKeys = ["name", "description", "seed", "output", "run_id", "samples", "tasks", "models", "judges", "judge_models", "cache", "report", "data_root", "source"];
    private static readonly string[] s_modelKeys = ["id", "provider", "endpoint", "endpoints", "model", "concurrency", "timeout", "total_timeout", "retries", "api_key_env", "entra_token_env", "api_version", "generation", "revision"];
    private static readonly string[] s_generationKeys = ["temperature", "max_tokens", "top_p", "seed"];
    private static readonly string[] s_taskKeys = ["id", "samples", "variants", "source", "generation"];

    private readonly IReadOnlyCollection<string> _knownTasks;
    private readonly IReadOnlyCollection<string> _knownJudges;
    private readonly PerturbationNames _perturbations;
    private readonly List<PipelineProblem> _problems = [];
    private string _file = "";

    /// <param name="knownTasks">Task ids (and aliases) that can run.</param>
    /// <param name="knownJudges">Judge ids that can run.</param>
    /// <param name="perturbations">Perturbation names allowed in task <c>variants</c> (default: none).</param>
    public PipelineLoader(IReadOnlyCollection<string> knownTasks, IReadOnlyCollection<string> knownJudges, PerturbationNames? perturbations = null)
    {
        _knownTasks = knownTasks;
        _knownJudges = knownJudges;
        _perturbations = perturbations ?? PerturbationNames.None;
    }

    /// <summary>Loads <paramref name="path"/>; relative output folders resolve against <paramref name="baseDirectory"/>.</summary>
    public PipelineLoadResult Load(string path, string baseDirectory)
    {
        _problems.Clear();
        _file = path;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(0, 0, $"cannot read the pipeline file: {e.Message}");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message;
            return Fail((int)e.Start.Line, (int)e.Start.Column, $"malformed YAML: {Clean(e.Message)}{(inner is null ? "" : $" ({Clean(inner)})")}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports some syntax errors (for example an unclosed '[' before a new line) without a position.
            return Fail(LastLine(text), 1, $"malformed YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return Fail(1, 1, "expected a mapping with at least 'tasks' and 'models' at the top of the file");
        }

        var definition = Read(root, baseDirectory);
        return _problems.Count == 0 && definition is not null
            ? new PipelineLoadResult(definition, [])
            : new PipelineLoadResult(null, [.. _problems]);
    }

    private PipelineLoadResult Fail(int line, int column, string message)
    {
        _problems.Add(new PipelineProblem(new SourceLocation(_file, line, column), message));
        return new PipelineLoadResult(null, [.. _problems]);
    }

    private static int LastLine(string text) => Math.Max(1, text.TrimEnd().Split('\n').Length);

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (Line: ...): "; the location is reported separately.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 ? message[(index + 3)..] : message;
    }

    private void Problem(YamlNode node, string message) =>
        _problems.Add(new PipelineProblem(Location(node), message));

    private SourceLocation Location(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);

    private void CheckKeys(YamlMappingNode map, string[] allowed, string where)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
            {
                Problem(key, $"unknown key '{name}' in {where}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private string? Scalar(YamlMappingNode map, string key, string where)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Problem(node, $"'{key}' in {where} must be a single value");
        return null;
    }

    private long? Integer(YamlMappingNode map, string key, string where, long min, long max)
    {
        var text = Scalar(map, key, where);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problem(Get(map, key)!, $"'{key}' in {where} must be a whole number between {min} and {max}, not '{text}'");
        return null;
    }

    private double? Number(YamlMappingNode map, string key, string where, double min, double max)
    {
        var text = Scalar(map, key, where);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problem(Get(map, key)!, $"'{key}' in {where} must be a number between {min} and {max}, not '{text}'");
        return null;
    }

    private bool? Boolean(YamlMappingNode map, string key, string where)
    {
        var text = Scalar(map, key, where);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problem(Get(map, key)!, $"'{key}' in {where} must be true or false, not '{text}'");
        return null;
    }

    private TimeSpan? Duration(YamlMappingNode map, string key, string where)
    {
        var text = Scalar(map, key, where);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        Problem(Get(map, key)!, $"'{key}' in {where} must be a positive duration such as 500ms, 30s or 2m, not '{text}'");
        return null;
    }
}
