namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>A rule judge (by registry id, for example <c>refusal</c> or <c>yesno-protocol</c>) applied to the response.</summary>
/// <param name="Id">Step id; the judge id when null.</param>
/// <param name="Judge">Rule judge id.</param>
public sealed record RuleVerdict(string Id, string Judge) : VerdictStep(Id)
{
    public RuleVerdict(string judge)
        : this(judge, judge)
    {
    }

    public override string Describe() => Id == Judge ? Judge : $"{Id} = {Judge}";
}
