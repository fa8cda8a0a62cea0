namespace MultiTrust.Sinks.Reports;

/// <summary>A format-neutral table: cells are plain (unescaped) text; each renderer escapes for its format.</summary>
internal sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);

internal sealed record ReportColumn(string Header, bool Numeric = false);

/// <summary>
/// One cell; <see cref="NotScored"/> marks a missing value shown with its reason. <see cref="Images"/> are pictures shown
/// before the text by formats that can embed them (HTML); the others show the text alone.
/// </summary>
internal sealed record ReportCell(string Text, bool NotScored = false, IReadOnlyList<ReportImage>? Images = null)
{
    public static implicit operator ReportCell(string text) => new(text);
}

/// <summary>A picture embedded in a cell: a <c>data:image/…;base64</c> URI, its alternative text and pixel size.</summary>
internal sealed record ReportImage(string DataUri, string Alt, int Width, int Height);
