using MultiTrust.Core.Randomness;

namespace MultiTrust.Core.Statistics;

/// <summary>
/// The streaming Poisson bootstrap: instead of resampling n observations with replacement (which needs them all in
/// memory), each observation enters each of <see cref="Replicates"/> replicate accumulators with an independent
/// Poisson(1) frequency weight — the limit of the multinomial resampling counts. A statistic's 95% interval is the
/// percentile interval (2.5% and 97.5% quantiles, linear interpolation) of its replicate values.
/// </summary>
/// <remarks>
/// The weights of an observation are a pure function of (run seed, sample id, variant id, model id): a 64-bit FNV-1a
/// hash of the ids, mixed with the seed, starts a SplitMix64 stream whose b-th output gives the weight in replicate b
/// by inverting the Poisson(1) CDF. So the interval is reproducible and does not depend on the order in which
/// observations arrive (up to floating-point summation rounding), nor on how the work was sharded. Every judgment of
/// one response gets the same weights, so metrics of one response are resampled together. Stateless and thread-safe.
/// </remarks>
public static class PoissonBootstrap
{
    /// <summary>Replicates per statistic (B).</summary>
    public const int Replicates = 200;

    /// <summary>
    /// The interval is reported only when at least this many replicates give a defined value (a replicate can be
    /// undefined, for example a Pearson r over a resample with constant x).
    /// </summary>
    public const int MinDefinedReplicates = Replicates / 2;

    private const int MaxWeight = 20;
    private static readonly double[] s_cdf = PoissonOneCdf();

    /// <summary>Fills <paramref name="weights"/> with the Poisson(1) weights of one observation, one per replicate.</summary>
    public static void Weights(long seed, string sampleId, string variantId, string modelId, Span<int> weights)
    {
        ArgumentNullException.ThrowIfNull(sampleId);
        ArgumentNullException.ThrowIfNull(variantId);
        ArgumentNullException.ThrowIfNull(modelId);
        var hash = Fnv1a64.OffsetBasis;
        hash = Fnv(hash, sampleId);
        hash = Fnv(hash, variantId);
        hash = Fnv(hash, modelId);
        var state = SplitMix64.Mix(hash ^ SplitMix64.Mix(unchecked((ulong)seed)));
        for (var b = 0; b < weights.Length; b++)
        {
            weights[b] = Invert(RandomBits.ToUnitDouble(SplitMix64.Next(ref state)));
        }
    }

    /// <summary>
    /// The percentile interval of the replicate values (NaN marks an undefined replicate), or null when fewer than
    /// <see cref="MinDefinedReplicates"/> are defined. Reorders <paramref name="values"/>.
    /// </summary>
    public static (double Low, double High)? PercentileInterval(Span<double> values, double confidence = 0.95)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must lie in (0, 1).");
        }

        var defined = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                values[defined++] = values[i];
            }
        }

        if (defined < MinDefinedReplicates)
        {
            return null;
        }

        var sorted = values[..defined];
        sorted.Sort();
        var alpha = (1 - confidence) / 2;
        return (Quantile(sorted, alpha), Quantile(sorted, 1 - alpha));
    }

    private static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }

    private static int Invert(double u)
    {
        for (var k = 0; k < MaxWeight; k++)
        {
            if (u < s_cdf[k])
            {
                return k;
            }
        }

        return MaxWeight;
    }

    private static double[] PoissonOneCdf()
    {
        var cdf = new double[MaxWeight];
        var p = Math.Exp(-1);
        var sum = 0.0;
        for (var k = 0; k < MaxWeight; k++)
        {
            sum += p;
            cdf[k] = sum;
            p /= k + 1;
        }

        return cdf;
    }

    // FNV-1a over the UTF-16 code units, then a separator that no char produces, so ("ab", "c") and ("a", "bc") differ.
    private static ulong Fnv(ulong hash, string text) => (Fnv1a64.AppendChars(hash, text) ^ 0x1_0000UL) * Fnv1a64.Prime;
}
