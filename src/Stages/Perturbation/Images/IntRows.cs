using System.Numerics;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>Row arithmetic on 32-bit integers; vectorised, which is safe because integer results are exact.</summary>
internal static class IntRows
{
    /// <summary>acc[i] += src[i] × weight.</summary>
    public static void MultiplyAdd(Span<int> acc, ReadOnlySpan<int> src, int weight)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<int>(weight);
            for (; i <= acc.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                (new Vector<int>(acc[i..]) + (new Vector<int>(src[i..]) * w)).CopyTo(acc[i..]);
            }
        }

        for (; i < acc.Length; i++)
        {
            acc[i] += src[i] * weight;
        }
    }

    public static int[] Widen(byte[] bytes)
    {
        var ints = new int[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            ints[i] = bytes[i];
        }

        return ints;
    }
}
