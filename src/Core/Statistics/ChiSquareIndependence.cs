namespace MultiTrust.Core.Statistics;

/// <summary>
/// Pearson's χ² test of independence on an r × c contingency table of counts (F.6: the profession judgment against
/// gender, age and skin tone). Expected counts are row total · column total / grand total; the p-value is the upper
/// tail of the χ² distribution with (r − 1)(c − 1) degrees of freedom, P(χ² ≥ x) = Q(df / 2, x / 2) with Q the
/// regularized upper incomplete gamma function. Like the reference's <c>scipy.stats.chi2_contingency</c> (its default
/// <c>correction=True</c>), Yates' continuity correction is applied when df = 1 unless disabled: every |O − E| is
/// reduced by min(0.5, |O − E|). Stateless and thread-safe.
/// </summary>
public static class ChiSquareIndependence
{
    /// <summary>Tests independence of the rows and columns of <paramref name="observed"/>.</summary>
    /// <param name="observed">Counts, at least 2 × 2, none negative.</param>
    /// <param name="yatesCorrection">Apply Yates' correction when df = 1 (scipy's default).</param>
    /// <exception cref="ArgumentException">
    /// The table is smaller than 2 × 2, has a negative count, or has a row or column whose total is zero (an expected
    /// count of zero; scipy raises the same error).
    /// </exception>
    public static ChiSquareResult Test(long[,] observed, bool yatesCorrection = true)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var rows = observed.GetLength(0);
        var columns = observed.GetLength(1);
        if (rows < 2 || columns < 2)
        {
            throw new ArgumentException($"A χ² independence test needs at least a 2 × 2 table; got {rows} × {columns}.", nameof(observed));
        }

        var rowTotals = new double[rows];
        var columnTotals = new double[columns];
        double total = 0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var count = observed[i, j];
                if (count < 0)
                {
                    throw new ArgumentException($"Cell ({i}, {j}) has a negative count ({count}).", nameof(observed));
                }

                rowTotals[i] += count;
                columnTotals[j] += count;
                total += count;
            }
        }

        ThrowOnEmpty(rowTotals, "Row");
        ThrowOnEmpty(columnTotals, "Column");
        var df = (rows - 1) * (columns - 1);
        var correct = yatesCorrection && df == 1;
        double statistic = 0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var expected = rowTotals[i] * columnTotals[j] / total;
                var deviation = Math.Abs(observed[i, j] - expected);
                if (correct)
                {
                    deviation -= Math.Min(0.5, deviation);
                }

                statistic += deviation * deviation / expected;
            }
        }

        return new ChiSquareResult(statistic, df, UpperTail(statistic, df));
    }

    /// <summary>P(X ≥ <paramref name="statistic"/>) for X ~ χ²(<paramref name="degreesOfFreedom"/>).</summary>
    public static double UpperTail(double statistic, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(statistic))
        {
            throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "The χ² statistic is NaN.");
        }

        return statistic <= 0 ? 1 : IncompleteGamma.UpperRegularized(degreesOfFreedom / 2.0, statistic / 2);
    }

    private static void ThrowOnEmpty(double[] totals, string what)
    {
        var empty = Array.IndexOf(totals, 0.0);
        if (empty >= 0)
        {
            throw new ArgumentException(
                $"{what} {empty} of the contingency table sums to zero, so its expected counts are zero; drop it before testing.",
                "observed");
        }
    }
}
