namespace MultiTrust.Sinks.Results;

/// <summary>The stable names of the result tables (folder names under a run directory and DuckDB view names).</summary>
public static class TableNames
{
    public const string Samples = "samples";
    public const string Responses = "responses";
    public const string Judgments = "judgments";
    public const string Metrics = "metrics";
    public const string Scores = "scores";

    /// <summary>The Hive-partitioned tables, one folder per table with <c>task=&lt;task&gt;</c> sub-folders.</summary>
    public static IReadOnlyList<string> Partitioned { get; } = [Samples, Responses, Judgments];
}
