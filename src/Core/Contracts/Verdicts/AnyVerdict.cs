namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>
/// ∨ of earlier steps: 1 when any input is ok with score 1; 0 when every input is ok with score 0; otherwise the
/// worst status among the inputs that did not decide (a judge error stays a judge error, so a re-judge can fix it).
/// </summary>
public sealed record AnyVerdict(string Id, IReadOnlyList<string> Of) : VerdictStep(Id)
{
    public override IReadOnlyList<string> Inputs => Of;

    public override string Describe() => $"{Id} = {string.Join(" ∨ ", Of)}";
}
