namespace MultiTrust.Sinks.Reports.DrillDown;

/// <summary>The copyable <c>multitrust query</c> that lists every ranked example of one task and model.</summary>
public sealed record DrillDownCommand(string TaskId, string ModelId, string Command);
