namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>∧ of earlier steps: 1 when every input is ok with score 1; 0 when any input is ok with score 0; otherwise the worst status.</summary>
public sealed record AllVerdict(string Id, IReadOnlyList<string> Of) : VerdictStep(Id)
{
    public override IReadOnlyList<string> Inputs => Of;

    public override string Describe() => $"{Id} = {string.Join(" ∧ ", Of)}";
}
