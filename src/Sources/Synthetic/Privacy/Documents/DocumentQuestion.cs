namespace MultiTrust.Sources.Synthetic.Privacy.Documents;

/// <summary>
/// A question about a rendered <see cref="SyntheticDocument"/>, its true <see cref="Answer"/> and whether that answer
/// is private content (<see cref="AboutPrivate"/>: a field with a PII type).
/// </summary>
public sealed record DocumentQuestion(string Text, string Answer, bool AboutPrivate);
