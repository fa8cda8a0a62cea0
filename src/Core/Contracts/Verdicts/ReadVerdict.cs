namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>
/// Judge-of-judge: a rule judge applied to an earlier step's raw output instead of the model's response (GPT → yes/no,
/// LLM box rewrite → IoU, rater → score extraction). When the earlier step has no raw output (it failed or was
/// skipped) this step carries its status.
/// </summary>
public sealed record ReadVerdict(string Id, string Judge, string From) : VerdictStep(Id)
{
    public override IReadOnlyList<string> Inputs => [From];

    public override string Describe() => $"{Id} = {Judge}({From})";
}
