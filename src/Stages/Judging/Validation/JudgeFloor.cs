namespace MultiTrust.Stages.Judging.Validation;

/// <summary>
/// The accuracy floors of one judge's gold set: <see cref="HeldOut"/> on the held-out part (what CI holds the judge
/// to) and <see cref="Tuning"/> on the tuning part (a regression floor for rule changes).
/// </summary>
public sealed record JudgeFloor(double Tuning, double HeldOut)
{
    /// <summary>The floor of <paramref name="part"/>.</summary>
    public double For(GoldPart part) => part == GoldPart.HeldOut ? HeldOut : Tuning;
}
