using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace MultiTrust.Sinks.Results;

/// <summary>
/// 64-bit XxHash64 of a result key — (sample, variant, model), or (sample, variant, model, judge) for one judgment — with
/// each id UTF-8 encoded and length-prefixed so that field boundaries matter. Used where keys are held by the million
/// (resume, latest-judgment reads); two distinct keys collide with probability about n²/2⁶⁵.
/// </summary>
internal static class ResultKeyHash
{
    public static ulong Of(string sampleId, string variantId, string modelId) => Of(sampleId, variantId, modelId, null);

    public static ulong Of(string sampleId, string variantId, string modelId, string? judgeId)
    {
        var length = 12 + Encoding.UTF8.GetByteCount(sampleId) + Encoding.UTF8.GetByteCount(variantId) + Encoding.UTF8.GetByteCount(modelId)
            + (judgeId is null ? 0 : 4 + Encoding.UTF8.GetByteCount(judgeId));
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var offset = Append(buffer, 0, sampleId);
        offset = Append(buffer, offset, variantId);
        offset = Append(buffer, offset, modelId);
        if (judgeId is not null)
        {
            Append(buffer, offset, judgeId);
        }

        return XxHash64.HashToUInt64(buffer);
    }

    private static int Append(Span<byte> buffer, int offset, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, buffer[(offset + 4)..]);
        MemoryMarshal.Write(buffer[offset..], written);
        return offset + 4 + written;
    }
}
