using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
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

    /// <summary>XxHash64 of the three ids, each UTF-8 encoded and length-prefixed so that field boundaries matter.</summary>
    public static ulong Hash(string sampleId, string variantId, string modelId)
    {
        var length = 12 + Encoding.UTF8.GetByteCount(sampleId) + Encoding.UTF8.GetByteCount(variantId) + Encoding.UTF8.GetByteCount(modelId);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var offset = Append(buffer, 0, sampleId);
        offset = Append(buffer, offset, variantId);
        Append(buffer, offset, modelId);
        return XxHash64.HashToUInt64(buffer);
    }

    private static int Append(Span<byte> buffer, int offset, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, buffer[(offset + 4)..]);
        MemoryMarshal.Write(buffer[offset..], written);
        return offset + 4 + written;
    }
}
