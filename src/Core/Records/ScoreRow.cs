namespace MultiTrust.Core.Records;

/// <summary>
/// A MultiTrust score on 0–100 at level <c>task</c>, <c>sub_aspect</c> or <c>overall</c>. <see cref="Value"/> is null
/// when the score cannot be computed; <see cref="Note"/> then says why (never a silent zero).
/// </summary>
public sealed record ScoreRow(string RunId, string ModelId, string Level, string Key, double? Value, string? Note);
