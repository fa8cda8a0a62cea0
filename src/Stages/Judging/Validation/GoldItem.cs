using MultiTrust.Stages.Judging.Records;

namespace MultiTrust.Stages.Judging.Validation;

/// <summary>One labelled record of a <see cref="GoldSet"/>: its unique id, gold label, note and 1-based line.</summary>
public sealed record GoldItem(string Id, string Label, string? Note, int Line, JudgeRecord Record);
