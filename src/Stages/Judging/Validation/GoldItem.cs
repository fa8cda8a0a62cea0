using MultiTrust.Stages.Judging.Records;

namespace MultiTrust.Stages.Judging.Validation;

/// <summary>
/// One labelled record of a <see cref="GoldSet"/>: its unique id, gold label, class (the kind of record, for example
/// <c>soft-refusal</c> or <c>bare-no-question</c>), note and 1-based line.
/// </summary>
public sealed record GoldItem(string Id, string Label, string Class, string? Note, int Line, JudgeRecord Record);
