namespace MultiTrust.Core.Contracts;

/// <summary>Catalogue facts about a task: its MultiTrust id and place in the taxonomy.</summary>
/// <param name="Id">Task id as in the protocol, for example <c>t1-basic</c>.</param>
/// <param name="ProtocolId">Short protocol number, for example <c>T.1</c>.</param>
/// <param name="Aspect">Truthfulness, Safety, Robustness, Fairness or Privacy.</param>
/// <param name="SubAspect">Leaderboard code of the sub-aspect, for example <c>T.I</c>.</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Metrics">Metric names this task reports, for example <c>accuracy</c>.</param>
public sealed record TaskInfo(string Id, string ProtocolId, string Aspect, string SubAspect, string Title, IReadOnlyList<string> Metrics);
