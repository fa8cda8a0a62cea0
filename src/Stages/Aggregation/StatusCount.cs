namespace MultiTrust.Stages.Aggregation;

/// <summary>How many responses or judgments of one (model, task) ended with a status (a stable status name).</summary>
public sealed record StatusCount(string ModelId, string TaskId, string Status, long Count);
