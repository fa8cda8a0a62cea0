using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace MultiTrust.Core.Runs;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (<c>--shard k/N</c>, or Kubernetes' <c>JOB_COMPLETION_INDEX</c> of
/// <c>JOB_COMPLETIONS</c>): the samples whose id hashes to <c>k</c> modulo <c>N</c>. The hash is XxHash64 of the sample
/// id's UTF-8 bytes, so the assignment is the same on every machine, runtime and attempt, and every sample belongs to
/// exactly one shard. Immutable and thread-safe.
/// </summary>
public sealed record ShardSpec
{
    /// <summary>The largest shard count accepted (a guard against typos such as <c>0/10000000</c>).</summary>
    public const int MaxCount = 100_000;

    public ShardSpec(int index, int count)
    {
        if (count < 1 || count > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The shard count must be between 1 and {MaxCount}.");
        }

        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The shard index must be between 0 and {count - 1}.");
        }

        Index = index;
        Count = count;
    }

    /// <summary>This shard's index, 0 to <see cref="Count"/> - 1.</summary>
    public int Index { get; }

    /// <summary>The number of shards of the run.</summary>
    public int Count { get; }

    /// <summary>The shard id used in part file and commit marker names: the index in decimal.</summary>
    public string Id => Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the sample belongs to this shard.</summary>
    public bool Includes(string sampleId) => Of(sampleId, Count) == Index;

    /// <summary>The shard of <paramref name="count"/> that a sample belongs to.</summary>
    public static int Of(string sampleId, int count)
    {
        var bytes = Encoding.UTF8.GetBytes(sampleId);
        return (int)(XxHash64.HashToUInt64(bytes) % (ulong)count);
    }

    /// <summary>Parses <c>k/N</c>; false with a message naming the problem otherwise.</summary>
    public static bool TryParse(string text, out ShardSpec? shard, out string error)
    {
        shard = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            error = $"'{text}' is not a shard: write k/N, e.g. 0/4 for the first of 4 shards";
            return false;
        }

        return TryCreate(index, count, out shard, out error);
    }

    /// <summary>Creates shard <paramref name="index"/> of <paramref name="count"/>; false with a message when out of range.</summary>
    public static bool TryCreate(int index, int count, out ShardSpec? shard, out string error)
    {
        shard = null;
        if (count < 1 || count > MaxCount)
        {
            error = $"the shard count must be between 1 and {MaxCount}, not {count}";
            return false;
        }

        if (index < 0 || index >= count)
        {
            error = $"the shard index must be between 0 and {count - 1} for {count} shards, not {index}";
            return false;
        }

        shard = new ShardSpec(index, count);
        error = "";
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
