namespace MultiTrust.Stages.Aggregation;

/// <summary>A member task of a sub-aspect and its relative weight (weights are normalised by their sum).</summary>
/// <param name="TaskId">Task id as in the protocol master table, for example <c>p1-vispriv-recognition</c>.</param>
/// <param name="Weight">Relative weight, greater than zero.</param>
public sealed record WeightedTask(string TaskId, double Weight);
