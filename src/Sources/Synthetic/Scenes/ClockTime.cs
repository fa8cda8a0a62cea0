using System.Globalization;

namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>Arithmetic on 12-hour clock times (hour 1–12, minute 0–59), as a clock face reads them.</summary>
public static class ClockTime
{
    /// <summary>Minutes in a 12-hour turn of the dial.</summary>
    public const int MinutesPerTurn = 12 * 60;

    /// <summary>"3:07" (no leading zero on the hour).</summary>
    public static string Format(int hour, int minute) =>
        hour.ToString(CultureInfo.InvariantCulture) + ":" + minute.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Minutes past 12:00 on the dial, 0–719.</summary>
    public static int ToDial(int hour, int minute) => ((hour % 12) * 60) + minute;

    /// <summary>The clock time <paramref name="dial"/> minutes past 12:00 (any integer, taken modulo 12 hours).</summary>
    public static (int Hour, int Minute) FromDial(int dial)
    {
        var m = ((dial % MinutesPerTurn) + MinutesPerTurn) % MinutesPerTurn;
        var hour = m / 60;
        return (hour == 0 ? 12 : hour, m % 60);
    }

    /// <summary>The time <paramref name="minutes"/> later (earlier when negative), formatted.</summary>
    public static string Shift(int hour, int minute, int minutes)
    {
        var (h, m) = FromDial(ToDial(hour, minute) + minutes);
        return Format(h, m);
    }
}
