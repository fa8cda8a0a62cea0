namespace MultiTrust.Stages.Judging.Validation;

/// <summary>How many records with gold label <paramref name="Gold"/> the judge labelled <paramref name="Predicted"/>.</summary>
public sealed record LabelConfusion(string Gold, string Predicted, int Count);
