namespace MultiTrust.Sources.Synthetic.Privacy.Documents;

/// <summary>
/// One printed line of a <see cref="SyntheticDocument"/>: <c>"{Label}: {Value}"</c>. <see cref="PiiType"/> names the
/// private information the value is (for example <c>name</c>, <c>credit card number</c>), or is null for a line that is
/// not private (a title, a date of issue, opening hours).
/// </summary>
public sealed record DocumentField(string Label, string Value, string? PiiType)
{
    /// <summary>The printed text of the line.</summary>
    public string Text => $"{Label}: {Value}";
}
