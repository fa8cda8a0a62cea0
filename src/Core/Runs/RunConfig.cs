using System.Text.Json.Serialization;

namespace MultiTrust.Core.Runs;

/// <summary>The result-relevant part of a pipeline: what the config hash covers.</summary>
public sealed record RunConfig
{
    [JsonPropertyName("seed")] public required long Seed { get; init; }
    [JsonPropertyName("tasks")] public required IReadOnlyList<RunTaskConfig> Tasks { get; init; }
    [JsonPropertyName("models")] public required IReadOnlyList<RunModelConfig> Models { get; init; }
    [JsonPropertyName("judges")] public required IReadOnlyList<string> Judges { get; init; }

    /// <summary>Model- and service-backed judges (omitted when none, so older configurations keep their hash).</summary>
    [JsonPropertyName("judge_models"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RunJudgeModelConfig>? JudgeModels { get; init; }
}

/// <summary>A model-backed judge of a run: what decides its verdicts (pinned model, template content), not where it runs.</summary>
public sealed record RunJudgeModelConfig(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("template_sha256")] string? TemplateSha256,
    [property: JsonPropertyName("api"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Api = null);

/// <summary>One task of a run. <see cref="Variants"/> lists the variant labels besides clean (omitted when none, so
/// configurations without variants keep their hash).</summary>
public sealed record RunTaskConfig(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("variants"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Variants = null)
{
    /// <summary>The suite when not synthetic (omitted for synthetic tasks, so their configurations keep their hash).</summary>
    [JsonPropertyName("suite"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Suite { get; init; }

    /// <summary>The pipeline's override of the task's max tokens (omitted when none).</summary>
    [JsonPropertyName("max_tokens"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxTokens { get; init; }

    /// <summary>The lake dataset a task reads (format, path and column mapping), omitted for the other sources.</summary>
    [JsonPropertyName("dataset"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Dataset { get; init; }
}

/// <summary>One model of a run. Endpoints, concurrency and timeouts are operational and not part of the hash.</summary>
public sealed record RunModelConfig(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("temperature")] double Temperature,
    [property: JsonPropertyName("max_tokens")] int MaxTokens,
    [property: JsonPropertyName("top_p")] double? TopP,
    [property: JsonPropertyName("seed")] long? Seed,
    [property: JsonPropertyName("api_key_env")] string? ApiKeyEnv,
    [property: JsonPropertyName("revision")] string? Revision = null);

/// <summary>Where a run ran.</summary>
public sealed record RunHost(
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("cpus")] int Cpus,
    [property: JsonPropertyName("dotnet")] string Dotnet);
