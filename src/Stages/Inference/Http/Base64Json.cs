using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace MultiTrust.Stages.Inference.Http;

/// <summary>
/// Writes image bytes into a request as a base64 JSON string (optionally as a data URI), encoded straight into UTF-8
/// with no intermediate string and copied as is: System.Text.Json's default encoder would turn every <c>+</c> into
/// <c>\u002B</c>, growing an image by up to a sixth for nothing.
/// </summary>
internal static class Base64Json
{
    // Characters of a data URI's prefix that need no JSON escaping (base64 itself never does here).
    private static readonly SearchValues<char> s_rawSafe =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=:;,.-_");

    /// <summary>Writes the base64 of <paramref name="bytes"/> as a string value.</summary>
    public static void WriteBase64Value(Utf8JsonWriter writer, ReadOnlySpan<byte> bytes) => WriteRaw(writer, string.Empty, bytes);

    /// <summary>
    /// Writes <c>"data:&lt;mediaType&gt;;base64,&lt;base64 of bytes&gt;"</c> as a string value. A media type that needs
    /// JSON escaping is written escaped.
    /// </summary>
    public static void WriteDataUriValue(Utf8JsonWriter writer, string mediaType, ReadOnlySpan<byte> bytes)
    {
        var prefix = "data:" + mediaType + ";base64,";
        if (prefix.AsSpan().ContainsAnyExcept(s_rawSafe))
        {
            writer.WriteStringValue(prefix + Convert.ToBase64String(bytes));
            return;
        }

        WriteRaw(writer, prefix, bytes);
    }

    // "<prefix><base64>" as a raw JSON string; the prefix is plain ASCII that needs no escaping.
    private static void WriteRaw(Utf8JsonWriter writer, string prefix, ReadOnlySpan<byte> bytes)
    {
        var length = 1 + prefix.Length + Base64.GetMaxEncodedToUtf8Length(bytes.Length) + 1;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            rented[0] = (byte)'"';
            var position = 1 + Encoding.ASCII.GetBytes(prefix, rented.AsSpan(1));
            var status = Base64.EncodeToUtf8(bytes, rented.AsSpan(position), out _, out var written);
            if (status != OperationStatus.Done)
            {
                throw new InvalidOperationException($"Base64 encoding of a {bytes.Length}-byte image stopped with {status}.");
            }

            position += written;
            rented[position++] = (byte)'"';
            writer.WriteRawValue(rented.AsSpan(0, position), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
