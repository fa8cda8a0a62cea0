using System.Globalization;
using System.Text.Json;
using MultiTrust.Core.Storage;

namespace MultiTrust.Core.Runs;

/// <summary>Reads and writes the shard cards of a run folder (<c>&lt;run&gt;/_shards/&lt;k&gt;.json</c>). Stateless.</summary>
public static class ShardCards
{
    /// <summary>The folder of the shard cards (and shard locks) in a run folder; only sharded runs have it.</summary>
    public const string FolderName = "_shards";

    public static string Folder(string runDirectory) => Path.Combine(runDirectory, FolderName);

    public static string PathOf(string runDirectory, int shard) =>
        Path.Combine(Folder(runDirectory), shard.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <summary>The lock file a shard process holds while it writes (see the CLI's run lock).</summary>
    public static string LockPathOf(string runDirectory, int shard) =>
        Path.Combine(Folder(runDirectory), shard.ToString(CultureInfo.InvariantCulture) + ".lock");

    /// <summary>True when the run folder belongs to a sharded run.</summary>
    public static bool IsSharded(string runDirectory) => Directory.Exists(Folder(runDirectory));

    public static async Task WriteAsync(ShardCard card, string runDirectory, CancellationToken cancellationToken) =>
        await AtomicFile.WriteAsync(
            PathOf(runDirectory, card.Shard), JsonSerializer.SerializeToUtf8Bytes(card, RunCardFactory.Json), overwrite: true, cancellationToken);

    /// <summary>The card of shard <paramref name="shard"/>, or null when that shard never started.</summary>
    /// <exception cref="InvalidDataException">The card is not valid JSON.</exception>
    public static async Task<ShardCard?> ReadAsync(string runDirectory, int shard, CancellationToken cancellationToken)
    {
        var path = PathOf(runDirectory, shard);
        return File.Exists(path) ? await ReadFileAsync(path, cancellationToken) : null;
    }

    /// <summary>Every shard card of the run, ordered by shard index; empty for a run that is not sharded.</summary>
    /// <exception cref="InvalidDataException">A card is not valid JSON.</exception>
    public static async Task<IReadOnlyList<ShardCard>> ReadAllAsync(string runDirectory, CancellationToken cancellationToken)
    {
        var folder = Folder(runDirectory);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var cards = new List<ShardCard>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
        {
            if (!Path.GetFileName(path).StartsWith(AtomicFile.TempPrefix, StringComparison.Ordinal))
            {
                cards.Add(await ReadFileAsync(path, cancellationToken));
            }
        }

        return [.. cards.OrderBy(c => c.Shard)];
    }

    private static async Task<ShardCard> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return JsonSerializer.Deserialize<ShardCard>(await File.ReadAllTextAsync(path, cancellationToken), RunCardFactory.Json)
                ?? throw new InvalidDataException($"The shard card {path} is empty (null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The shard card {path} is not valid JSON: {e.Message}", e);
        }
    }
}
