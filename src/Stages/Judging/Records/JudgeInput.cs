namespace MultiTrust.Stages.Judging.Records;

/// <summary>
/// One record read from a judge input file (JSONL, CSV, Parquet) with where it came from, for example
/// <c>answers.csv:12</c> or <c>answers.parquet: row 7</c>: a parsed <see cref="JudgeRecord"/> or the reason it is not one.
/// </summary>
public readonly record struct JudgeInput(string Location, JudgeRecordParseResult Parsed);
