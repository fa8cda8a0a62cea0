namespace MultiTrust.Sinks.Compare;

/// <summary>The 2×2 table of paired binary outcomes (side A, side B) over the same samples.</summary>
/// <param name="BothOne">a: A = 1 and B = 1.</param>
/// <param name="OnlyA">b: A = 1 and B = 0.</param>
/// <param name="OnlyB">c: A = 0 and B = 1.</param>
/// <param name="BothZero">d: A = 0 and B = 0.</param>
public readonly record struct PairedCounts(long BothOne, long OnlyA, long OnlyB, long BothZero)
{
    /// <summary>The number of pairs, a + b + c + d.</summary>
    public long Pairs => BothOne + OnlyA + OnlyB + BothZero;
}
