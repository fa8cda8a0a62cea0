namespace MultiTrust.Sources.Synthetic.Scenes;

/// <summary>
/// Unit directions on a clock dial in half-degree steps clockwise from 12 o'clock (x right, y down). The sines come
/// from a Taylor series in IEEE double arithmetic, which every runtime evaluates identically (the platform's
/// <see cref="Math.Sin(double)"/> may differ in the last bit between C libraries, and rendered bytes must not).
/// </summary>
internal static class DialAngles
{
    private const int Steps = 720;
    private static readonly float[] s_sin = BuildSines();

    /// <summary>(sin θ, −cos θ) for θ = <paramref name="halfDegrees"/> / 2 degrees.</summary>
    public static (float X, float Y) Direction(int halfDegrees)
    {
        var step = ((halfDegrees % Steps) + Steps) % Steps;
        return (s_sin[step], -s_sin[(step + (Steps / 4)) % Steps]);
    }

    private static float[] BuildSines()
    {
        var table = new float[Steps];
        for (var step = 0; step < Steps; step++)
        {
            // Reduce to a quarter turn: sin(180° − a) = sin a, sin(180° + a) = −sin a.
            var quarter = step % 360;
            var folded = quarter > 180 ? 360 - quarter : quarter;
            var value = Series(folded * Math.PI / 360.0);
            table[step] = (float)(step >= 360 ? -value : value);
        }

        return table;
    }

    private static double Series(double x)
    {
        double term = x, sum = x, square = x * x;
        for (var n = 1; n <= 10; n++)
        {
            term *= -square / ((2 * n) * ((2 * n) + 1));
            sum += term;
        }

        return sum;
    }
}
