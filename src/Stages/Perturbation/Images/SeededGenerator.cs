using MultiTrust.Core.Randomness;

namespace MultiTrust.Stages.Perturbation.Images;

/// <summary>
/// xoshiro256** seeded through SplitMix64 (<see cref="Xoshiro256StarStar"/>) with the image perturbations' derived
/// draws: multiply-shift integers and polar-method Gaussians. Not thread-safe (a mutable struct); create one per
/// perturbation call.
/// </summary>
internal struct SeededGenerator
{
    private Xoshiro256StarStar _generator;
    private double _spareGaussian;
    private bool _hasSpare;

    public SeededGenerator(ulong seed)
    {
        _generator = new Xoshiro256StarStar(seed);
        _spareGaussian = 0;
        _hasSpare = false;
    }

    public ulong NextUInt64() => _generator.NextUInt64();

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _generator.NextDouble();

    /// <summary>Uniform integer in [0, exclusiveMax) (multiply-shift; bias below 2^-32).</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        return (int)(((NextUInt64() >> 32) * (ulong)exclusiveMax) >> 32);
    }

    /// <summary>Standard normal sample (Marsaglia's polar method with <see cref="DeterministicMath.Ln"/>).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }

        while (true)
        {
            var u = (2 * NextDouble()) - 1;
            var v = (2 * NextDouble()) - 1;
            var s = (u * u) + (v * v);
            if (s is > 0 and < 1 && double.IsNormal(s))
            {
                var factor = Math.Sqrt(-2 * DeterministicMath.Ln(s) / s);
                _spareGaussian = v * factor;
                _hasSpare = true;
                return u * factor;
            }
        }
    }
}
