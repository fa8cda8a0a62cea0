using System.Globalization;

namespace MultiTrust.Core.Pipeline;

/// <summary>Parses durations written as <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c> or a plain number of seconds.</summary>
public static class DurationText
{
    private static readonly (string Unit, double Milliseconds)[] s_units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];

    /// <summary>False for text that is not a duration or not representable as a <see cref="TimeSpan"/> (NaN, infinite, huge).</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        foreach (var (unit, factor) in s_units)
        {
            if (text.EndsWith(unit, StringComparison.Ordinal) && TryNumber(text[..^unit.Length], out var number))
            {
                return TryMilliseconds(number * factor, out value);
            }
        }

        return TryNumber(text, out var seconds) && TryMilliseconds(seconds * 1000, out value);
    }

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    private static bool TryMilliseconds(double milliseconds, out TimeSpan value)
    {
        value = default;
        if (!double.IsFinite(milliseconds) || Math.Abs(milliseconds) >= TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }
}
