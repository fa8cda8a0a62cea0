using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace MultiTrust.Stages.Inference.Http;

/// <summary>
/// Writes base64 image data (or a base64 data URI) into a request as a JSON string copied as is: System.Text.Json's default encoder would turn
/// every <c>+</c> into <c>\u002B</c>, growing an image by up to a sixth for nothing.
/// </summary>
internal static class Base64Json
{
    // Characters of base64 (and of a data URI's prefix) that need no JSON escaping.
    private static readonly SearchValues<char> s_rawSafe =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=:;,.-_");

    /// <summary>Writes <paramref name="value"/> as a string value, raw when it is plain base64, escaped otherwise.</summary>
    public static void WriteStringValue(Utf8JsonWriter writer, ReadOnlySpan<char> value)
    {
        if (value.ContainsAnyExcept(s_rawSafe))
        {
            writer.WriteStringValue(value);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(value.Length + 2);
        try
        {
            rented[0] = (byte)'"';
            var written = Encoding.ASCII.GetBytes(value, rented.AsSpan(1));
            rented[written + 1] = (byte)'"';
            writer.WriteRawValue(rented.AsSpan(0, written + 2), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes <c>"data:&lt;mediaType&gt;;base64,&lt;base64 of bytes&gt;"</c> as a string value, encoding the bytes straight
    /// into UTF-8 (no intermediate string). A media type that needs JSON escaping is written escaped.
    /// </summary>
    public static void WriteDataUriValue(Utf8JsonWriter writer, string mediaType, ReadOnlySpan<byte> bytes)
    {
        var prefix = "data:" + mediaType + ";base64,";
        if (prefix.AsSpan().ContainsAnyExcept(s_rawSafe))
        {
            writer.WriteStringValue(prefix + Convert.ToBase64String(bytes));
            return;
        }

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
