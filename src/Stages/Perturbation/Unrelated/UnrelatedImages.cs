using System.Buffers.Binary;
using MultiTrust.Core.Imaging;
using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Unrelated;

/// <summary>
/// Seeded images unrelated to the prompt, for the protocol's cross-modal variants (text-only / related image /
/// unrelated colour, nature, noise). Pure managed pixel code encoded with <see cref="PngEncoder"/>, so the same
/// arguments give byte-identical PNGs on every machine. Thread-safe (stateless).
/// </summary>
public static class UnrelatedImages
{
    /// <summary>
    /// Bumped whenever the pixels for some arguments change, so cached variants are not reused (2: drawn from the shared
    /// <see cref="SeededRandom"/> stream instead of a private SplitMix64 generator).
    /// </summary>
    public const int Version = 2;

    /// <summary>Largest accepted width or height in pixels.</summary>
    public const int MaxSide = 4096;

    /// <summary>The kinds accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["color", "nature", "noise"];

    /// <summary>A solid image of one random RGB colour (each channel uniform in 0..255).</summary>
    public static UnrelatedImage Color(int width, int height, ulong seed)
    {
        RequireSize(width, height);
        var random = SeededRandom.ForStream(unchecked((long)seed), "unrelated-color", 0);
        var colour = random.NextUInt64();
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < rgb.Length; i += 3)
        {
            rgb[i] = (byte)colour;
            rgb[i + 1] = (byte)(colour >> 8);
            rgb[i + 2] = (byte)(colour >> 16);
        }

        return Encode(rgb, width, height, "color");
    }

    /// <summary>Per-pixel uniform random RGB noise.</summary>
    public static UnrelatedImage Noise(int width, int height, ulong seed)
    {
        RequireSize(width, height);
        var random = SeededRandom.ForStream(unchecked((long)seed), "unrelated-noise", 0);
        var rgb = new byte[width * height * 3];
        var i = 0;
        for (; i + 8 <= rgb.Length; i += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(rgb.AsSpan(i, 8), random.NextUInt64());
        }

        if (i < rgb.Length)
        {
            Span<byte> tail = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(tail, random.NextUInt64());
            tail[..(rgb.Length - i)].CopyTo(rgb.AsSpan(i));
        }

        return Encode(rgb, width, height, "noise");
    }

    /// <summary>A procedural nature-like landscape (sky, clouds, mountains, foliage); a stand-in for the data
    /// release's nature photos, recognisably landscape-like but not a photograph.</summary>
    public static UnrelatedImage Nature(int width, int height, ulong seed)
    {
        RequireSize(width, height);
        var rgb = NatureTexture.Render(width, height, SeededRandom.ForStream(unchecked((long)seed), "unrelated-nature", 0));
        return Encode(rgb, width, height, "nature");
    }

    /// <summary>Creates an image of <paramref name="kind"/>: <c>color</c>, <c>nature</c> or <c>noise</c> (ordinal,
    /// case-insensitive).</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not one of <see cref="Kinds"/>.</exception>
    public static UnrelatedImage Create(string kind, int width, int height, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.ToLowerInvariant() switch
        {
            "color" => Color(width, height, seed),
            "nature" => Nature(width, height, seed),
            "noise" => Noise(width, height, seed),
            _ => throw new ArgumentException($"Unknown unrelated image kind '{kind}'; valid kinds: {string.Join(", ", Kinds)}.", nameof(kind)),
        };
    }

    private static void RequireSize(int width, int height)
    {
        if (width is < 1 or > MaxSide)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"Unrelated image width must be 1..{MaxSide}.");
        }

        if (height is < 1 or > MaxSide)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"Unrelated image height must be 1..{MaxSide}.");
        }
    }

    private static UnrelatedImage Encode(byte[] rgb, int width, int height, string kind) =>
        new(PngEncoder.Encode(rgb, width, height, 3, PngCompression.Fast), width, height, kind);
}
