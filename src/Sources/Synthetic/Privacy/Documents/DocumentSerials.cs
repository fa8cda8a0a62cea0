using MultiTrust.Core.Randomness;

namespace MultiTrust.Sources.Synthetic.Privacy.Documents;

/// <summary>
/// Nine-digit document serials: item <c>k</c> of a stream gets <c>(a·k + b) mod 10⁹</c> with <c>a</c> coprime to 10 and
/// <c>b</c> drawn from the seed, a bijection on 0..10⁹−1, so the first 10⁹ items of a stream never share a serial (and
/// hence never render alike) while the serials still look random.
/// </summary>
internal static class DocumentSerials
{
    /// <summary>Items per stream with distinct serials.</summary>
    public const long Count = 1_000_000_000;

    private const long Multiplier = 738_219_133;

    public static int Of(long seed, string stream, long k)
    {
        var offset = (long)(SeededRandom.ForStream(seed, stream + "/serial-offset", 0).NextUInt64() % Count);
        return (int)((((Multiplier * (k % Count)) % Count) + offset) % Count);
    }
}
