namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>
/// A length gate: the earlier step's vote counts only when the response has at least <see cref="MinChars"/>
/// characters; a shorter response scores 0 with label <c>gated</c> (the protocol drops the Longformer vote under 140
/// characters for P.6 and under 40 for P.5).
/// </summary>
public sealed record GateVerdict(string Id, string Of, int MinChars) : VerdictStep(Id)
{
    public override IReadOnlyList<string> Inputs => [Of];

    public override string Describe() => $"{Id} = {Of} if length ≥ {MinChars}";
}
