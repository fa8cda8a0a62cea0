namespace MultiTrust.Stages.Judging.Validation;

/// <summary>A gold record where the judge's predicted label differs from the gold label.</summary>
public sealed record GoldDisagreement(string Id, string Gold, string Predicted);
