using System.Globalization;
using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Reports;

/// <summary>Invariant number formatting shared by the Markdown and HTML renderers.</summary>
internal static class ReportFormat
{
    public const string Banner = "Synthetic suite — scores are not comparable to the MultiTrust paper";

    public static string Score(ScoreRow row) => row.Value is { } v ? Fixed(v) : "not scored";

    public static string Percent(double? fraction) => fraction is { } f ? Fixed(f * 100) + "%" : "—";

    public static string Interval(double? low, double? high) =>
        low is { } l && high is { } h ? $"{Percent(l)} – {Percent(h)}" : "—";

    public static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "—";

    public static string Text(string? s) => string.IsNullOrEmpty(s) ? "—" : s;

    private static string Fixed(double v)
    {
        var text = v.ToString("0.00", CultureInfo.InvariantCulture);
        return text == "-0.00" ? "0.00" : text;
    }
}
