namespace MultiTrust.Sinks.Reports.DrillDown;

/// <summary>A downscaled, encoded picture made by <see cref="ThumbnailMaker"/>.</summary>
/// <param name="MediaType"><c>image/jpeg</c> or <c>image/png</c>.</param>
public sealed record EncodedThumbnail(string MediaType, byte[] Bytes, int Width, int Height);
