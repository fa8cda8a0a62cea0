namespace MultiTrust.Core.Statistics;

/// <summary>
/// Pearson's correlation coefficient r, streamed: weighted co-moments updated one observation at a time (a weighted
/// Welford update), so memory is O(1) whatever the number of observations. Not thread-safe.
/// </summary>
public sealed class Pearson
{
    private double _weight;
    private double _meanX;
    private double _meanY;
    private double _m2X;
    private double _m2Y;
    private double _coMoment;

    /// <summary>The sum of the weights added so far (the number of observations when every weight is 1).</summary>
    public double Weight => _weight;

    /// <summary>
    /// r = cov(x, y) / (sd(x) · sd(y)), or null when undefined: fewer than two observations, or x or y constant (the
    /// reference's NaN r).
    /// </summary>
    public double? R
    {
        get
        {
            if (!(_m2X > 0) || !(_m2Y > 0))
            {
                return null;
            }

            var r = _coMoment / Math.Sqrt(_m2X * _m2Y);
            return Math.Clamp(r, -1, 1);
        }
    }

    /// <summary>Adds the pair (x, y) with a non-negative weight (an integer frequency weight in the bootstrap).</summary>
    public void Add(double x, double y, double weight = 1)
    {
        if (!(weight > 0))
        {
            return;
        }

        _weight += weight;
        var dx = x - _meanX;
        var dy = y - _meanY;
        var share = weight / _weight;
        _meanX += share * dx;
        _meanY += share * dy;
        _m2X += weight * dx * (x - _meanX);
        _m2Y += weight * dy * (y - _meanY);
        _coMoment += weight * dx * (y - _meanY);
    }

    /// <summary>r of two equally long series, or null when undefined.</summary>
    public static double? Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"The series have different lengths ({x.Count} and {y.Count}).", nameof(y));
        }

        var pearson = new Pearson();
        for (var i = 0; i < x.Count; i++)
        {
            pearson.Add(x[i], y[i]);
        }

        return pearson.R;
    }
}
