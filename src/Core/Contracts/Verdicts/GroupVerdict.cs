namespace MultiTrust.Core.Contracts.Verdicts;

/// <summary>
/// A grouped verdict for contingency tables: label = the sample's metadata value under <see cref="MetadataKey"/>,
/// score = the earlier step's score (F.6: suitable × gender). A sample without the key is unparseable.
/// </summary>
public sealed record GroupVerdict(string Id, string Of, string MetadataKey) : VerdictStep(Id)
{
    public override IReadOnlyList<string> Inputs => [Of];

    public override string Describe() => $"{Id} = {Of} by {MetadataKey}";
}
