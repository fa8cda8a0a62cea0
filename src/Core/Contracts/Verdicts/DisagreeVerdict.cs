namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>
/// Disagreement of two earlier steps (protocol judge vs validated judge): 1 when both are ok and their scores differ,
/// 0 when both are ok and agree; otherwise not comparable (skipped). Its mean is the disagreement rate.
/// </summary>
public sealed record DisagreeVerdict(string Id, string A, string B) : VerdictStep(Id)
{
    public override IReadOnlyList<string> Inputs => [A, B];

    public override string Describe() => $"{Id} = {A} ≠ {B}";
}
