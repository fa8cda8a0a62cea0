using System.Globalization;
using MultiTrust.Core.Records;

namespace MultiTrust.Sinks.Reports;

/// <summary>Invariant number formatting shared by the Markdown and HTML renderers.</summary>
internal static class ReportFormat
{
    public const string Banner = "Synthetic suite — scores are not comparable to the MultiTrust paper";

    /// <summary>A p-value below this gets <see cref="SignificantMarker"/>.</summary>
    public const double SignificanceLevel = 0.05;

    public const string SignificantMarker = "*";

    public static string Score(ScoreRow row) => row.Value is { } v ? Fixed(v) : "not scored";

    public static string Percent(double? fraction) => fraction is { } f ? Fixed(f * 100) + "%" : "—";

    public static string Interval(double? low, double? high) =>
        low is { } l && high is { } h ? $"{Percent(l)} – {Percent(h)}" : "—";

    /// <summary>A difference of two fractions in percentage points, signed ("+5.00", "-12.50", "0.00").</summary>
    public static string Points(double fraction)
    {
        var text = Fixed(fraction * 100);
        return text[0] is '-' || text == "0.00" ? text : "+" + text;
    }

    public static string PointsInterval(double? low, double? high) =>
        low is { } l && high is { } h ? $"{Points(l)} – {Points(h)}" : "—";

    /// <summary>McNemar's discordant pair counts as "b/c", or "—" when the scores were not 0/1.</summary>
    public static string Discordant(long? b, long? c) => b is { } x && c is { } y ? $"{Count(x)}/{Count(y)}" : "—";

    /// <summary>A p-value with 4 decimals ("&lt; 0.0001" below that), followed by <see cref="SignificantMarker"/> when p &lt; 0.05.</summary>
    public static string PValue(double? p)
    {
        if (p is not { } v)
        {
            return "—";
        }

        var text = v < 0.0001 ? "< 0.0001" : v.ToString("0.0000", CultureInfo.InvariantCulture);
        return v < SignificanceLevel ? text + " " + SignificantMarker : text;
    }

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
