using System.Security.Cryptography;

namespace MultiTrust.Testing;

/// <summary>Hashes the image bytes a request carries, so tests can check the exact bytes reached the server.</summary>
internal static class ImageBytes
{
    /// <summary>The SHA-256 of base64 <paramref name="data"/>'s bytes, or null when it is not base64.</summary>
    public static string? HashOfBase64(string data)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(data)));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The SHA-256 of a <c>data:...;base64,</c> URI's bytes, or null for any other URL.</summary>
    public static string? HashOfDataUri(string url)
    {
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        return url.StartsWith("data:", StringComparison.Ordinal) && comma > 0 && url.AsSpan(0, comma).EndsWith(";base64")
            ? HashOfBase64(url[(comma + 1)..])
            : null;
    }
}
