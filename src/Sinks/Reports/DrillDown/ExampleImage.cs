namespace MultiTrust.Sinks.Reports.DrillDown;

/// <summary>One image of a drill-down example as the samples table records it.</summary>
/// <param name="Sha256">SHA-256 (lower-case hex) of the image as sent; the blob store's key.</param>
/// <param name="Path">The file the run read it from (content store or source path); empty when the row names none.</param>
public sealed record ExampleImage(string Sha256, string Path);
