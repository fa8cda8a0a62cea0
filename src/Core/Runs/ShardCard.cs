using System.Text.Json.Serialization;

namespace MultiTrust.Core.Runs;

/// <summary>
/// The card of one shard of a sharded run, <c>&lt;run&gt;/_shards/&lt;k&gt;.json</c>: which shard of how many, its status
/// (the <see cref="RunStatuses"/> values, <see cref="RunStatuses.Complete"/> once every sample of the shard is committed),
/// how many attempts (pod retries) wrote it and when. The run card (<c>run.json</c>) holds the configuration all shards
/// share; <c>multitrust report</c> marks it complete once every shard card is.
/// </summary>
public sealed record ShardCard
{
    [JsonPropertyName("shard")] public required int Shard { get; init; }

    [JsonPropertyName("of")] public required int Of { get; init; }

    [JsonPropertyName("status")] public required string Status { get; init; }

    [JsonPropertyName("attempts")] public int Attempts { get; init; } = 1;

    [JsonPropertyName("started_utc")] public required DateTimeOffset StartedUtc { get; init; }

    [JsonPropertyName("finished_utc")] public DateTimeOffset? FinishedUtc { get; init; }

    /// <summary>Rows this shard had committed when the card was last written (<c>status</c> counts them live from the markers).</summary>
    [JsonPropertyName("committed_rows")] public long CommittedRows { get; init; }

    /// <summary>Per-task hashes of every sample id of the dataset (each shard hashes all of them, so they match a single-process run's).</summary>
    [JsonPropertyName("dataset_hashes")] public IReadOnlyDictionary<string, string> DatasetHashes { get; init; } = new Dictionary<string, string>();

    /// <summary>The host that wrote the card last (the pod name in Kubernetes).</summary>
    [JsonPropertyName("host")] public string? Host { get; init; }
}
