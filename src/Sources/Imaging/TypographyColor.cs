namespace MultiTrust.Sources.Imaging;

/// <summary>An opaque 8-bit RGB colour for <see cref="TypographyOptions"/>.</summary>
public readonly record struct TypographyColor(byte R, byte G, byte B)
{
    public static TypographyColor Black => new(0, 0, 0);

    public static TypographyColor White => new(255, 255, 255);

    /// <summary>True when R = G = B: renders in only grey colours are encoded as 1-channel PNGs.</summary>
    public bool IsGrey => R == G && G == B;
}
