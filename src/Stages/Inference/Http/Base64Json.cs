using System.Buffers;
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
}
