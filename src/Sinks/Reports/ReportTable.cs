namespace MultiTrust.Sinks.Reports;

/// <summary>A format-neutral table: cells are plain (unescaped) text; each renderer escapes for its format.</summary>
internal sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);

internal sealed record ReportColumn(string Header, bool Numeric = false);

/// <summary>One cell; <see cref="NotScored"/> marks a missing value shown with its reason.</summary>
internal sealed record ReportCell(string Text, bool NotScored = false)
{
    public static implicit operator ReportCell(string text) => new(text);
}
