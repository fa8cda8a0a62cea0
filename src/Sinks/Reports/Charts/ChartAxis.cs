namespace MultiTrust.Sinks.Reports.Charts;

/// <summary>A linear value axis with round tick steps (1, 2, 2.5 or 5 times a power of ten), always including zero.</summary>
internal sealed record ChartAxis(double Min, double Max, double Step)
{
    private const int TargetTicks = 5;

    /// <summary>The axis of <paramref name="chart"/>: its minimum extent widened to cover every value and whisker end.</summary>
    public static ChartAxis For(BarChart chart)
    {
        double min = Math.Min(0, chart.AxisMin), max = Math.Max(0, chart.AxisMax);
        foreach (var group in chart.Groups)
        {
            double stack = 0;
            foreach (var bar in group.Bars)
            {
                if (bar is null)
                {
                    continue;
                }

                if (chart.Stacked)
                {
                    stack += Math.Max(0, bar.Value ?? 0);
                    max = Math.Max(max, stack);
                    continue;
                }

                foreach (var v in new[] { bar.Value, bar.Low, bar.High })
                {
                    if (v is { } x && double.IsFinite(x))
                    {
                        min = Math.Min(min, x);
                        max = Math.Max(max, x);
                    }
                }
            }
        }

        if (chart.Symmetric)
        {
            var extent = Math.Max(-min, max);
            (min, max) = (-extent, extent);
        }

        if (max - min <= 0)
        {
            max = min + 1;
        }

        var step = NiceStep((max - min) / TargetTicks);
        return new ChartAxis(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Max - Min) / Step);
        for (var i = 0; i <= count; i++)
        {
            yield return Min + (i * Step);
        }
    }

    private static double NiceStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
