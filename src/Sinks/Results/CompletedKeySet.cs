using MultiTrust.Core.Contracts;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// Completed (sample, variant, model) keys held as a sorted array of 64-bit XxHash64 values: 8 bytes per key, so ten
/// million keys take 80 MB. Two distinct keys collide with probability about n²/2⁶⁵ (3·10⁻⁶ for ten million keys); a
/// collision would skip one item on resume. Immutable and thread-safe once built.
/// </summary>
internal sealed class CompletedKeySet : ICompletedKeys
{
    private readonly ulong[] _sorted;

    private CompletedKeySet(ulong[] sorted) => _sorted = sorted;

    public int Count => _sorted.Length;

    public bool Contains(string sampleId, string variantId, string modelId) =>
        Array.BinarySearch(_sorted, Hash(sampleId, variantId, modelId)) >= 0;

    /// <summary>Builds the set from the first <paramref name="count"/> hashes; sorts and de-duplicates in place.</summary>
    public static CompletedKeySet FromHashes(ulong[] hashes, int count)
    {
        Array.Sort(hashes, 0, count);
        var distinct = 0;
        for (var i = 0; i < count; i++)
        {
            if (distinct == 0 || hashes[i] != hashes[distinct - 1])
            {
                hashes[distinct++] = hashes[i];
            }
        }

        if (distinct != hashes.Length)
        {
            Array.Resize(ref hashes, distinct);
        }

        return new CompletedKeySet(hashes);
    }

    /// <summary>The key's hash (<see cref="ResultKeyHash.Of(string, string, string)"/>).</summary>
    public static ulong Hash(string sampleId, string variantId, string modelId) => ResultKeyHash.Of(sampleId, variantId, modelId);
}
