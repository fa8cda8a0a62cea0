namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>
/// A conditional value: <see cref="Value"/>'s verdict where <see cref="Unless"/> scored 0, and a null score (counted in
/// <c>excluded</c>) with label <c>excluded</c> where it scored 1 — for example P.5's accuracy among non-refusals.
/// </summary>
public sealed record AmongVerdict(string Id, string Value, string Unless) : VerdictStep(Id)
{
    public override IReadOnlyList<string> Inputs => [Value, Unless];

    public override string Describe() => $"{Id} = {Value} where ¬{Unless}";
}
