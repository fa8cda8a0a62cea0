namespace MultiTrust.Sinks.Reports.DrillDown;

/// <summary>
/// What the drill-down shows for one image of an example: a small encoded picture (<see cref="Bytes"/> with its media
/// type and pixel size) embedded in the page, or, when there is none, the <see cref="Note"/> saying why.
/// </summary>
/// <param name="Number">1-based position of the image in the sample's images.</param>
/// <param name="Source">The image it shows.</param>
/// <param name="MediaType"><c>image/jpeg</c> or <c>image/png</c>; null when omitted.</param>
/// <param name="Bytes">The encoded thumbnail; null when omitted.</param>
/// <param name="Note">Why there is no picture ("image missing: …", "thumbnail omitted: …"); null when there is one.</param>
public sealed record Thumbnail(int Number, ExampleImage Source, string? MediaType, byte[]? Bytes, int Width, int Height, string? Note)
{
    /// <summary>A thumbnail with no picture, and why.</summary>
    public static Thumbnail Omitted(int number, ExampleImage source, string note) => new(number, source, null, null, 0, 0, note);

    /// <summary>The <c>data:</c> URI of the picture, or null when omitted.</summary>
    public string? DataUri => Bytes is null ? null : $"data:{MediaType};base64,{Convert.ToBase64String(Bytes)}";
}
