using System.Text.Json.Serialization;

namespace MultiTrust.Core.Runs;

/// <summary>
/// The run card (<c>run.json</c>): what was run, with which configuration (and its hash), dataset content hashes,
/// models, judges, seed, tool version, git commit and host. Written when a run starts and rewritten when it ends.
/// Never contains API keys (only the names of the environment variables that hold them).
/// </summary>
public sealed record RunCard
{
    [JsonPropertyName("run_id")] public required string RunId { get; init; }
    [JsonPropertyName("pipeline")] public required string Pipeline { get; init; }
    [JsonPropertyName("pipeline_file")] public required string PipelineFile { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("suite")] public required string Suite { get; init; }
    [JsonPropertyName("config_hash")] public required string ConfigHash { get; init; }
    [JsonPropertyName("config")] public required RunConfig Config { get; init; }
    [JsonPropertyName("dataset_hashes")] public IReadOnlyDictionary<string, string> DatasetHashes { get; init; } = new Dictionary<string, string>();
    [JsonPropertyName("tool_version")] public required string ToolVersion { get; init; }
    [JsonPropertyName("git_commit")] public string? GitCommit { get; init; }
    [JsonPropertyName("host")] public required RunHost Host { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("started_utc")] public required DateTimeOffset StartedUtc { get; init; }
    [JsonPropertyName("finished_utc")] public DateTimeOffset? FinishedUtc { get; init; }
    [JsonPropertyName("attempts")] public int Attempts { get; init; } = 1;

    /// <summary>Whether the (latest attempt of the) run could answer from response-cache entries other runs wrote.</summary>
    [JsonPropertyName("cache_reuse")] public bool CacheReuse { get; init; }
}
