using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Unrelated;

/// <summary>
/// Seeded lattice value noise with smoothstep interpolation and fractal (multi-octave) sums. The lattice values are
/// hashed from (seed, octave, x, y), so no tables are kept and the result depends only on the arguments.
/// </summary>
internal readonly struct ValueNoise(ulong seed)
{
    /// <summary>Fractal sum of <paramref name="octaves"/> octaves (each twice the frequency, half the amplitude),
    /// normalised to [0, 1).</summary>
    public double Fractal(double x, double y, int octaves)
    {
        double sum = 0;
        double amplitude = 1;
        double total = 0;
        for (var octave = 0; octave < octaves; octave++)
        {
            sum += amplitude * Sample(x, y, octave);
            total += amplitude;
            amplitude *= 0.5;
            x *= 2;
            y *= 2;
        }

        return sum / total;
    }

    private double Sample(double x, double y, int octave)
    {
        var x0 = Math.Floor(x);
        var y0 = Math.Floor(y);
        var ix = (long)x0;
        var iy = (long)y0;
        var fx = Smooth(x - x0);
        var fy = Smooth(y - y0);
        var top = Lerp(Lattice(ix, iy, octave), Lattice(ix + 1, iy, octave), fx);
        var bottom = Lerp(Lattice(ix, iy + 1, octave), Lattice(ix + 1, iy + 1, octave), fx);
        return Lerp(top, bottom, fy);
    }

    private double Lattice(long x, long y, int octave)
    {
        var z = seed ^ ((ulong)octave * 0xD6E8FEB86659FD93UL) ^ ((ulong)x * 0x9E3779B97F4A7C15UL) ^ ((ulong)y * 0xC2B2AE3D27D4EB4FUL);
        return RandomBits.ToUnitDouble(SplitMix64.Mix(z));
    }

    private static double Smooth(double t) => t * t * (3 - (2 * t));

    public static double Lerp(double a, double b, double t) => a + ((b - a) * t);
}
