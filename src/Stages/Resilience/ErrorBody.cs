using System.Buffers;
using System.Text;

namespace MultiTrust.Stages.Resilience;

/// <summary>
/// Reads the body of an error answer with a size cap: a misbehaving server may send megabytes (or an endless stream) with
/// a 4xx, and only its start ever reaches a message. What is beyond the cap is never read.
/// </summary>
internal static class ErrorBody
{
    /// <summary>The most bytes read from an error body (16 KiB): ample for an error code and a message.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>Up to <paramref name="maxBytes"/> bytes of <paramref name="stream"/>, decoded as UTF-8.</summary>
    public static async ValueTask<string> ReadAsync(Stream stream, CancellationToken cancellationToken, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var length = 0;
            while (length < maxBytes)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length, maxBytes - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The capped body of <paramref name="content"/>; empty when it cannot be read.</summary>
    public static async ValueTask<string> ReadAsync(HttpContent content, CancellationToken cancellationToken, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, cancellationToken, maxBytes).ConfigureAwait(false);
        }
    }
}
