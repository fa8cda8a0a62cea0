namespace MultiTrust.Sinks.Compare;

/// <summary>The files <see cref="ComparisonWriter"/> wrote (absolute paths).</summary>
public sealed record ComparisonFiles(string Markdown, string Json, string Parquet);
