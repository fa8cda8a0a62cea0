namespace MultiTrust.Sources.Synthetic.Cases;

/// <summary>
/// One template of a <see cref="CaseSpace"/>: <paramref name="Range"/> is the number of cases its digits distinguish,
/// <paramref name="Size"/> how many of them the space uses (at most the range). A capped part uses a seeded selection
/// of its range, spread over all its digits (see <see cref="CaseSpace.Resolve"/>).
/// </summary>
public sealed record CasePart(string Name, long Range, long Size)
{
    /// <summary>A part capped at <paramref name="cap"/> cases (all of them when the range is smaller).</summary>
    public static CasePart Capped(string name, long range, long cap) => new(name, range, Math.Min(range, cap));
}
