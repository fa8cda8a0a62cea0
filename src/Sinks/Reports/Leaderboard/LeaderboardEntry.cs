using MultiTrust.Core.Records;
using MultiTrust.Sinks.Compare;

namespace MultiTrust.Sinks.Reports.Leaderboard;

/// <summary>One column of a <see cref="RunLeaderboard"/>: one model of one run.</summary>
/// <param name="Label">The column heading: the model id, with the run id when the model id alone is ambiguous.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="ModelId">The model's id.</param>
/// <param name="Scores">The model's task, sub-aspect and overall scores in that run.</param>
/// <param name="Metrics">The model's metric rows in that run.</param>
/// <param name="VersusFirst">The comparison with the first entry (B = this entry), or null for the first entry itself.</param>
public sealed record LeaderboardEntry(
    string Label,
    string RunId,
    string ModelId,
    IReadOnlyList<ScoreRow> Scores,
    IReadOnlyList<MetricRow> Metrics,
    RunComparison? VersusFirst);
