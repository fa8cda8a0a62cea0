namespace MultiTrust.Cli.Judging;

/// <summary>The file formats <c>multitrust judge --input</c> reads.</summary>
public enum JudgeInputFormat
{
    /// <summary>One JSON object per line.</summary>
    Jsonl,

    /// <summary>A header row, then one record per row (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>One record per row of a Parquet file.</summary>
    Parquet,
}
