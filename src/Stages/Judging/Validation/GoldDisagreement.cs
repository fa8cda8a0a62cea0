namespace MultiTrust.Stages.Judging.Validation;

/// <summary>A gold record (of class <paramref name="Class"/>) where the judge's predicted label differs from the gold label.</summary>
public sealed record GoldDisagreement(string Id, string Class, string Gold, string Predicted);
