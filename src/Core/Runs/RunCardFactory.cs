using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using MultiTrust.Core.Hashing;
using MultiTrust.Core.Pipeline;
using MultiTrust.Core.Storage;

namespace MultiTrust.Core.Runs;

/// <summary>Builds run cards and derives the run id from the configuration hash and the start time.</summary>
public static class RunCardFactory
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The run card's file name in a run folder.</summary>
    public const string CardFileName = "run.json";

    public static RunConfig ConfigOf(PipelineDefinition pipeline) => new()
    {
        Seed = pipeline.Seed,
        Tasks = [.. pipeline.Tasks.Select(t => new RunTaskConfig(t.Id, t.Samples, t.Variants.Count == 0 ? null : [.. t.Variants.Select(v => v.ImagesFrom is null ? v.Label : $"{v.Label}:images_from={v.ImagesFrom}")])
        {
            Suite = SuiteOf(pipeline, t) == "synthetic" ? null : SuiteOf(pipeline, t),
            MaxTokens = t.MaxTokens,
            Dataset = t.Dataset?.Describe(),
        })],
        Models = [.. pipeline.Models.Select(m => new RunModelConfig(
            m.Id, m.Provider, m.Model, m.Generation.Temperature, m.Generation.MaxTokens, m.Generation.TopP, m.Generation.Seed, m.ApiKeyEnv, m.Revision))],
        Judges = pipeline.Judges,
        JudgeModels = pipeline.JudgeModels.Count == 0 ? null : [.. pipeline.JudgeModels.Select(j => new RunJudgeModelConfig(
            j.Id, j.Model, j.Template is not null && File.Exists(j.Template) ? ContentHasher.Sha256Hex(File.ReadAllBytes(j.Template)) : null,
            j.Api == "chat" ? null : j.Api))],
    };

    public static string HashOf(RunConfig config) =>
        new ContentHasher().Add("run-config/v1").Add(JsonSerializer.Serialize(config)).ToHex();

    /// <summary>The UTC start-time format of generated run ids: sortable and safe in file names (<c>20261204T183000Z</c>).</summary>
    public const string TimestampFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>
    /// The run id: the explicit one (<c>run_id</c> / <c>--run-id</c>), else
    /// <c>&lt;name&gt;-&lt;first 12 hex of the config hash&gt;-&lt;UTC start, <see cref="TimestampFormat"/>&gt;</c>, so every
    /// run of the same configuration gets its own id and ids of one configuration sort by start time.
    /// </summary>
    public static string RunIdOf(PipelineDefinition pipeline, string configHash, DateTimeOffset startedUtc) =>
        pipeline.RunId ?? $"{ConfigurationPrefix(pipeline, configHash)}-{startedUtc.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)}";

    /// <summary><c>&lt;name&gt;-&lt;first 12 hex of the config hash&gt;</c>: the part of a generated run id the same configuration shares.</summary>
    public static string ConfigurationPrefix(PipelineDefinition pipeline, string configHash)
    {
        var name = new string([.. pipeline.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
        return $"{(name.Length == 0 ? "run" : name)}-{configHash[..12]}";
    }

    /// <summary>The suite a task reads from: its own <c>source</c>, else the pipeline's.</summary>
    public static string SuiteOf(PipelineDefinition pipeline, TaskSelection task) => task.Source ?? pipeline.Source;

    /// <summary>The run's suite label: <c>official</c> or <c>synthetic</c> when every task uses it, else <c>mixed</c>.</summary>
    public static string SuiteLabel(PipelineDefinition pipeline)
    {
        var suites = pipeline.Tasks.Select(t => SuiteOf(pipeline, t)).Distinct().ToList();
        return suites.Count == 1 ? suites[0] : suites.Count == 0 ? pipeline.Source : "mixed";
    }

    public static RunCard Create(PipelineDefinition pipeline, DateTimeOffset startedUtc)
    {
        var config = ConfigOf(pipeline);
        var hash = HashOf(config);
        return new RunCard
        {
            RunId = RunIdOf(pipeline, hash, startedUtc),
            Pipeline = pipeline.Name,
            PipelineFile = pipeline.SourcePath,
            Description = pipeline.Description,
            Suite = SuiteLabel(pipeline),
            ConfigHash = hash,
            Config = config,
            ToolVersion = typeof(RunCardFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
            GitCommit = GitCommit.Find(Path.GetDirectoryName(pipeline.SourcePath) ?? "."),
            Host = new RunHost(Environment.MachineName, RuntimeInformation.OSDescription, Environment.ProcessorCount, RuntimeInformation.FrameworkDescription),
            Status = RunStatuses.Running,
            StartedUtc = startedUtc,
        };
    }

    public static async Task WriteAsync(RunCard card, string runDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(runDirectory, CardFileName);
        await AtomicFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(card, Json), overwrite: true, cancellationToken);
    }

    public static async Task<RunCard?> ReadAsync(string runDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(runDirectory, CardFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunCard>(await File.ReadAllTextAsync(path, cancellationToken), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The run card {path} is not valid JSON: {e.Message}", e);
        }
    }
}
