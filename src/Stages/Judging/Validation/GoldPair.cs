namespace MultiTrust.Stages.Judging.Validation;

/// <summary>One compared record: its id and class, the gold label and the label the judge predicted.</summary>
public readonly record struct GoldPair(string Id, string Class, string Gold, string Predicted);
