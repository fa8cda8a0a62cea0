namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>¬ of an earlier step: 1 − its score when it is ok, else its status.</summary>
public sealed record NotVerdict(string Id, string Of) : VerdictStep(Id)
{
    public override IReadOnlyList<string> Inputs => [Of];

    public override string Describe() => $"{Id} = ¬{Of}";
}
